/** Lets any part of the editor ask the member to choose framework elements, through one shared picker. */
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react'
import { FrameworkPicker, type LinkRequest } from './FrameworkPicker.tsx'

export type ChooseLinks = (request: LinkRequest) => Promise<string[] | null>

const LinkPickerContext = createContext<ChooseLinks>(async () => null)

export function useChooseLinks(): ChooseLinks {
  return useContext(LinkPickerContext)
}

interface Pending {
  request: LinkRequest
  resolve: (refs: string[] | null) => void
}

export function LinkPickerProvider({ children }: { children: ReactNode }) {
  const [pending, setPending] = useState<Pending | null>(null)
  const choose = useCallback<ChooseLinks>(
    (request) =>
      new Promise((resolve) => {
        setPending((previous) => {
          previous?.resolve(null)
          return { request, resolve }
        })
      }),
    [],
  )
  const settle = (refs: string[] | null) => {
    pending?.resolve(refs)
    setPending(null)
  }
  return (
    <LinkPickerContext.Provider value={choose}>
      {children}
      {pending && <FrameworkPicker request={pending.request} onConfirm={settle} onCancel={() => settle(null)} />}
    </LinkPickerContext.Provider>
  )
}
