/** A modal to choose framework elements for a recommendation: search, results by pillar, at least one required. */
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { pillars, type Pillar } from '../../shared/framework/pillars.ts'
import { pillarTitle, servedPillarTitle } from '../catalogue/catalogueLabels.ts'
import { t } from '../i18n/i18n.ts'
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

/**
 * The pillars' headings in the interface's language; a title the served catalogue gives otherwise than the standard
 * one (the secretariat's own wording) is shown as it is given.
 */
function pillarHeadings(served: readonly { id: Pillar; title: string }[]): Partial<Record<Pillar, string>> {
  const headings: Partial<Record<Pillar, string>> = {}
  for (const pillar of pillars) headings[pillar] = pillarTitle(pillar)
  for (const { id, title } of served) if (title) headings[id] = servedPillarTitle(id, title)
  return headings
}

export function FrameworkPicker({ request, onConfirm, onCancel }: { request: LinkRequest; onConfirm: (refs: string[]) => void; onCancel: () => void }) {
  const catalogue = useCatalogue()
  const dialog = useRef<HTMLDialogElement>(null)
  const [query, setQuery] = useState('')
  const [chosen, setChosen] = useState<string[]>([])
  const [tried, setTried] = useState(false)
  const headingId = useId()

  const titles = useMemo(() => pillarHeadings(catalogue.pillars), [catalogue])
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
          <p className="hint">{t('editor.pickerHint')}</p>
          <label className="picker-search">
            {t('editor.pickerSearch')}
            <input
              type="search"
              value={query}
              autoFocus
              placeholder={t('editor.pickerSearchExamples')}
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
