/** A modal to choose framework elements for a recommendation: search, results by pillar, at least one required. */
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { Pillar } from '../../shared/framework/pillars.ts'
import { useCatalogue } from './CatalogueContext.ts'
import { PickerFooter } from './PickerFooter.tsx'
import { PickerResults } from './PickerResults.tsx'
import { pickerGroups } from './pickerGroups.ts'

export interface LinkRequest {
  title: string
  confirmLabel: string
  /** Elements the recommendation already links to: shown, but not offered again. */
  linked: readonly string[]
}

export function FrameworkPicker({ request, onConfirm, onCancel }: { request: LinkRequest; onConfirm: (refs: string[]) => void; onCancel: () => void }) {
  const catalogue = useCatalogue()
  const dialog = useRef<HTMLDialogElement>(null)
  const [query, setQuery] = useState('')
  const [chosen, setChosen] = useState<string[]>([])
  const [tried, setTried] = useState(false)
  const headingId = useId()

  const titles = useMemo(() => Object.fromEntries(catalogue.pillars.map(({ id, title }) => [id, title])) as Partial<Record<Pillar, string>>, [catalogue])
  const groups = useMemo(() => pickerGroups(catalogue, query, titles), [catalogue, query, titles])
  const labelOf = (id: string) => catalogue.elements.find((element) => element.id === id)?.label ?? id

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    return () => element?.close()
  }, [])

  const toggle = (id: string) => setChosen((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]))

  return (
    <dialog
      ref={dialog}
      className="picker"
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault()
        onCancel()
      }}
    >
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault()
          setTried(true)
          if (chosen.length > 0) onConfirm(chosen)
        }}
      >
        <header className="picker-header">
          <h2 id={headingId}>{request.title}</h2>
          <p className="hint">Every recommendation must be linked to at least one element of the framework of responsible State behaviour.</p>
          <label className="picker-search">
            Search the framework
            <input
              type="search"
              value={query}
              autoFocus
              placeholder="norm g, CBM 7, critical infrastructure, international law…"
              onChange={(event) => setQuery(event.target.value)}
              onKeyDown={(event) => event.key === 'Enter' && event.preventDefault()}
            />
          </label>
        </header>
        <PickerResults groups={groups} query={query} linked={request.linked} chosen={chosen} onToggle={toggle} />
        <PickerFooter chosenLabels={chosen.map(labelOf)} tried={tried} confirmLabel={request.confirmLabel} onCancel={onCancel} />
      </form>
    </dialog>
  )
}
