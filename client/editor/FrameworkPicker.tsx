/** A modal to choose framework elements for a recommendation: search, grouped by pillar, at least one required. */
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import type { Pillar } from '../../shared/framework/pillars.ts'
import { useCatalogue } from './CatalogueContext.ts'
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
  const hintId = useId()

  const titles = useMemo(() => Object.fromEntries(catalogue.pillars.map(({ id, title }) => [id, title])) as Partial<Record<Pillar, string>>, [catalogue])
  const groups = useMemo(() => pickerGroups(catalogue, query, titles), [catalogue, query, titles])
  const labelOf = (id: string) => catalogue.elements.find((element) => element.id === id)?.label ?? id

  useEffect(() => {
    const element = dialog.current
    if (element && !element.open) element.showModal()
    return () => element?.close()
  }, [])

  const toggle = (id: string) => setChosen((current) => (current.includes(id) ? current.filter((other) => other !== id) : [...current, id]))

  const confirm = () => {
    setTried(true)
    if (chosen.length > 0) onConfirm(chosen)
  }

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
          confirm()
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
        <div className="picker-results" role="group" aria-label="Framework elements">
          {groups.length === 0 && <p className="hint">No framework element matches “{query}”.</p>}
          {groups.map((group) => (
            <fieldset key={group.pillar} className="picker-pillar">
              <legend>{group.title}</legend>
              <ul>
                {group.elements.map((element) => {
                  const linked = request.linked.includes(element.id)
                  return (
                    <li key={element.id} className={linked ? 'is-linked' : undefined}>
                      <label>
                        <input
                          type="checkbox"
                          checked={linked || chosen.includes(element.id)}
                          disabled={linked}
                          onChange={() => toggle(element.id)}
                          data-element-id={element.id}
                        />
                        <span className="element-label">{element.label}</span>
                        <span className="element-title">{element.title}</span>
                        {!element.verified && (
                          <span className="flag flag-unverified" title="The wording of this element has not been checked against the source yet">
                            unverified
                          </span>
                        )}
                        {linked && <span className="flag">linked</span>}
                      </label>
                    </li>
                  )
                })}
              </ul>
            </fieldset>
          ))}
        </div>
        <footer className="picker-footer">
          <p id={hintId} className={chosen.length === 0 && tried ? 'picker-chosen picker-refused' : 'picker-chosen'} role="status">
            {chosen.length === 0
              ? 'Choose at least one framework element.'
              : `Chosen: ${chosen.map(labelOf).join(', ')}`}
          </p>
          <button type="button" className="button-quiet" onClick={onCancel}>
            Cancel
          </button>
          <button type="submit" aria-describedby={hintId} aria-disabled={chosen.length === 0} className={chosen.length === 0 ? 'is-disabled' : undefined}>
            {request.confirmLabel}
          </button>
        </footer>
      </form>
    </dialog>
  )
}
