/** Loads something asynchronously for a component, with its loading and failure states, and a quiet refresh of what it shows. */
import { useCallback, useEffect, useRef, useState } from 'react'

export type Loaded<T> =
  | { status: 'loading' }
  | { status: 'ready'; value: T }
  | { status: 'failed'; error: Error }

/**
 * `reload` starts over (the page shows "Loading…" again); `refresh` fetches again while the value shown stays, replaces
 * it when the new one arrives and keeps it if fetching fails (for updates the user did not ask for).
 */
export function useLoad<T>(load: () => Promise<T>, deps: readonly unknown[]): [Loaded<T>, () => void, () => void] {
  const [state, setState] = useState<Loaded<T>>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  // Only the latest request's answer is shown.
  const ticket = useRef(0)
  const latestLoad = useRef(load)
  latestLoad.current = load
  const ready = useRef(false)
  ready.current = state.status === 'ready'

  useEffect(() => {
    const mine = ++ticket.current
    setState({ status: 'loading' })
    load().then(
      (value) => ticket.current === mine && setState({ status: 'ready', value }),
      (error: unknown) => ticket.current === mine && setState({ status: 'failed', error: error instanceof Error ? error : new Error(String(error)) }),
    )
    return () => {
      ticket.current++
    }
  }, [...deps, attempt])
  const reload = useCallback(() => setAttempt((n) => n + 1), [])
  const refresh = useCallback(() => {
    if (!ready.current) return
    const mine = ++ticket.current
    latestLoad.current().then(
      (value) => ticket.current === mine && setState({ status: 'ready', value }),
      () => undefined,
    )
  }, [])
  return [state, reload, refresh]
}
