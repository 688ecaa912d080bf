/** The secretariat's form to add a framework element or edit one: wording, source, whether it is verified and why not, titles in other languages. */
import { useId, useState, type FormEvent, type ReactNode } from 'react'
import type { FrameworkElement } from '../../shared/framework/element.ts'
import { titleLanguages } from '../../shared/framework/element.ts'
import { pillars, pillarTitles } from '../../shared/framework/pillars.ts'
import { FormError } from '../pages/FormError.tsx'
import { draftOf, elementFromDraft, emptyDraft, languageNames, type ElementDraft } from './elementDraft.ts'

interface FieldProps {
  id: string
  'aria-describedby'?: string
  'aria-invalid'?: boolean
}

export function ElementForm({
  element,
  takenIds,
  onSave,
  onCancel,
}: {
  /** The element edited; undefined to add one. */
  element?: FrameworkElement
  takenIds: ReadonlySet<string>
  onSave: (element: FrameworkElement) => Promise<void>
  onCancel: () => void
}) {
  const [draft, setDraft] = useState<ElementDraft>(() => (element ? draftOf(element) : emptyDraft('norms')))
  const [errors, setErrors] = useState<Partial<Record<string, string>>>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const formId = useId()
  const set = (change: Partial<ElementDraft>) => setDraft((current) => ({ ...current, ...change }))
  const heading = element ? `Edit ${element.label}` : 'Add an element'

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const result = elementFromDraft(draft, element)
    if (!result.ok) return setErrors(result.errors)
    if (!element && takenIds.has(result.element.id)) return setErrors({ id: `id ${result.element.id} is taken: choose another` })
    setErrors({})
    setBusy(true)
    setFailure(null)
    try {
      await onSave(result.element)
    } catch (caught) {
      setFailure(caught)
      setBusy(false)
    }
  }

  /** One field: its label, the control (given its id and description), a hint and the error, both read with the control. */
  const field = (name: keyof ElementDraft & string, label: string, control: (props: FieldProps) => ReactNode, hint?: string) => {
    const id = `${formId}-${name}`
    const describedBy = [hint ? `${id}-hint` : '', errors[name] ? `${id}-error` : ''].filter(Boolean).join(' ')
    return (
      <div className={errors[name] ? 'field has-error' : 'field'}>
        <label htmlFor={id}>{label}</label>
        {control({ id, 'aria-describedby': describedBy || undefined, 'aria-invalid': errors[name] ? true : undefined })}
        {hint && (
          <span className="hint" id={`${id}-hint`}>
            {hint}
          </span>
        )}
        {errors[name] && (
          <span className="field-error" id={`${id}-error`}>
            {errors[name]}
          </span>
        )}
      </div>
    )
  }

  return (
    <form className="element-form" aria-label={heading} onSubmit={submit} onKeyDown={(event) => event.key === 'Escape' && onCancel()}>
      <h3>{heading}</h3>
      <div className="element-form-grid">
        {field(
          'id',
          'Id',
          (props) => <input {...props} value={draft.id} readOnly={element !== undefined} autoFocus={!element} onChange={(event) => set({ id: event.target.value })} />,
          element ? 'Links in documents use the id; it cannot change.' : 'Lowercase letters and digits joined by hyphens, e.g. cbm-9.',
        )}
        {field(
          'pillar',
          'Pillar',
          (props) => (
            <select {...props} value={draft.pillar} onChange={(event) => set({ pillar: event.target.value as ElementDraft['pillar'] })}>
              {pillars.map((pillar) => (
                <option key={pillar} value={pillar}>
                  {pillarTitles[pillar]}
                </option>
              ))}
            </select>
          ),
        )}
        {field('label', 'Label', (props) => <input {...props} value={draft.label} autoFocus={element !== undefined} onChange={(event) => set({ label: event.target.value })} />, 'As chips show it, e.g. CBM 9.')}
        {field('title', 'Title', (props) => <input {...props} value={draft.title} onChange={(event) => set({ title: event.target.value })} />)}
        {field('summary', 'Summary', (props) => <textarea {...props} rows={3} value={draft.summary} onChange={(event) => set({ summary: event.target.value })} />, 'What the text says, within its words: the norms say what States should do.')}
        {field('source', 'Source', (props) => <input {...props} value={draft.source} onChange={(event) => set({ source: event.target.value })} />, 'Document symbol and paragraph, e.g. A/79/214 annex C.')}
      </div>
      <fieldset className="element-form-verification">
        <legend>Verification</legend>
        <label className="checkbox">
          <input type="checkbox" checked={draft.verified} onChange={(event) => set({ verified: event.target.checked })} />
          Verified against the UN document
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={draft.substanceConfirmed} onChange={(event) => set({ substanceConfirmed: event.target.checked })} />
          Substance confirmed (even if the paragraph numbers are not)
        </label>
        {field('note', 'Note: what was and was not confirmed', (props) => <textarea {...props} rows={2} value={draft.note} onChange={(event) => set({ note: event.target.value })} />, 'Shown wherever the element is marked unverified.')}
      </fieldset>
      <details className="element-form-titles" open={titleLanguages.some((language) => draft.titles[language] !== '')}>
        <summary>Titles in other official languages</summary>
        {titleLanguages.map((language) => (
          <label key={language} className={errors[`titles.${language}`] ? 'has-error' : undefined}>
            {languageNames[language]}
            <input
              lang={language}
              dir={language === 'ar' ? 'rtl' : undefined}
              value={draft.titles[language]}
              onChange={(event) => set({ titles: { ...draft.titles, [language]: event.target.value } })}
            />
            {errors[`titles.${language}`] && <span className="field-error">{errors[`titles.${language}`]}</span>}
          </label>
        ))}
      </details>
      <FormError error={failure} />
      <div className="form-actions">
        <button type="submit" disabled={busy}>
          {busy ? 'Saving…' : element ? 'Save changes' : 'Add the element'}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  )
}
