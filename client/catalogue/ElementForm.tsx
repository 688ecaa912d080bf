/** The secretariat's form to add a framework element or edit one: wording, source, whether it is verified and why not, titles in other languages. */
import { useId, useState, type FormEvent, type ReactNode } from 'react'
import type { FrameworkElement } from '../../shared/framework/element.ts'
import { titleLanguages } from '../../shared/framework/element.ts'
import { pillars } from '../../shared/framework/pillars.ts'
import { t } from '../i18n/i18n.ts'
import { FormError } from '../pages/FormError.tsx'
import { languageName, pillarTitle } from './catalogueLabels.ts'
import { draftOf, elementFromDraft, emptyDraft, type ElementDraft } from './elementDraft.ts'

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
  const heading = element ? t('catalogue.editElement', { label: element.label }) : t('catalogue.addElement')

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const result = elementFromDraft(draft, element)
    if (!result.ok) return setErrors(result.errors)
    if (!element && takenIds.has(result.element.id)) return setErrors({ id: t('catalogue.idTaken', { id: result.element.id }) })
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
      <h2>{heading}</h2>
      <div className="element-form-grid">
        {field(
          'id',
          t('catalogue.labelId'),
          (props) => <input {...props} value={draft.id} readOnly={element !== undefined} autoFocus={!element} onChange={(event) => set({ id: event.target.value })} />,
          element ? t('catalogue.hintIdFixed') : t('catalogue.hintIdNew'),
        )}
        {field(
          'pillar',
          t('catalogue.labelPillar'),
          (props) => (
            <select {...props} value={draft.pillar} onChange={(event) => set({ pillar: event.target.value as ElementDraft['pillar'] })}>
              {pillars.map((pillar) => (
                <option key={pillar} value={pillar}>
                  {pillarTitle(pillar)}
                </option>
              ))}
            </select>
          ),
        )}
        {field('label', t('catalogue.labelLabel'), (props) => <input {...props} value={draft.label} autoFocus={element !== undefined} onChange={(event) => set({ label: event.target.value })} />, t('catalogue.hintLabel'))}
        {field('title', t('catalogue.labelTitle'), (props) => <input {...props} lang="en" value={draft.title} onChange={(event) => set({ title: event.target.value })} />, t('catalogue.hintTitle'))}
        {field('summary', t('catalogue.labelSummary'), (props) => <textarea {...props} lang="en" rows={3} value={draft.summary} onChange={(event) => set({ summary: event.target.value })} />, t('catalogue.hintSummary'))}
        {field('source', t('catalogue.labelSource'), (props) => <input {...props} value={draft.source} onChange={(event) => set({ source: event.target.value })} />, t('catalogue.hintSource'))}
      </div>
      <fieldset className="element-form-verification">
        <legend>{t('catalogue.verification')}</legend>
        <label className="checkbox">
          <input type="checkbox" checked={draft.verified} onChange={(event) => set({ verified: event.target.checked })} />
          {t('catalogue.verifiedCheckbox')}
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={draft.substanceConfirmed} onChange={(event) => set({ substanceConfirmed: event.target.checked })} />
          {t('catalogue.substanceConfirmedCheckbox')}
        </label>
        {field('note', t('catalogue.labelNote'), (props) => <textarea {...props} rows={2} value={draft.note} onChange={(event) => set({ note: event.target.value })} />, t('catalogue.hintNote'))}
      </fieldset>
      <details className="element-form-titles" open={titleLanguages.some((language) => draft.titles[language] !== '')}>
        <summary>{t('catalogue.titlesInOtherLanguages')}</summary>
        {titleLanguages.map((language) => (
          <label key={language} className={errors[`titles.${language}`] ? 'has-error' : undefined}>
            {languageName(language)}
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
          {busy ? t('catalogue.saving') : element ? t('catalogue.saveChanges') : t('catalogue.addTheElement')}
        </button>
        <button type="button" className="button-quiet" onClick={onCancel}>
          {t('catalogue.cancel')}
        </button>
      </div>
    </form>
  )
}
