/** The masthead line under the document's title, and "Submission details…": the dialog in which leads set symbol, distribution, body, session, agenda item and original language. */
import { useId, useState, type FormEvent, type ReactNode } from 'react'
import { distributions, languages } from '../../shared/schema/documentMetadata.ts'
import { updateDocumentMetadata } from '../api/documents.ts'
import type { DocumentRecord as DocumentSummary } from '../../shared/schema/workspace.ts'
import { t } from '../i18n/i18n.ts'
import { FormError } from '../pages/FormError.tsx'
import { Modal } from '../revisions/Modal.tsx'
import {
  distributionName,
  formOf,
  languageName,
  mastheadSummary,
  mastheadWords,
  metadataOf,
  submissionDetailsChange,
  type SubmissionDetailsErrors,
  type SubmissionDetailsForm,
} from './submissionDetails.ts'
import '../styles/metadata.css'

/** Distribution and original language in the interface's language; body, session and agenda item as typed. */
export function MastheadLine({ document }: { document: DocumentSummary }) {
  const [distribution, original] = mastheadSummary(document)
  return (
    <p className="masthead-line" aria-label={t('metadata.submissionDetails')}>
      {distribution} · {original}
      {mastheadWords(metadataOf(document)).map((words, index) => (
        <span key={index}>
          {' · '}
          <span translate="no" dir="auto">
            {words}
          </span>
        </span>
      ))}
    </p>
  )
}

export function SubmissionDetailsButton({ document, onSaved }: { document: DocumentSummary; onSaved: (record: DocumentSummary) => void }) {
  const [open, setOpen] = useState(false)
  return (
    <>
      <button type="button" className="button-quiet" aria-haspopup="dialog" onClick={() => setOpen(true)}>
        {t('metadata.submissionDetailsEllipsis')}
      </button>
      {open && (
        <Modal title={t('metadata.submissionDetails')} className="submission-details-dialog" onClose={() => setOpen(false)}>
          <SubmissionDetailsForm
            document={document}
            onSaved={(record) => {
              onSaved(record)
              setOpen(false)
            }}
          />
        </Modal>
      )}
    </>
  )
}

function Field({ label, error, hint, children }: { label: string; error?: string; hint?: string; children: (ids: { describedBy?: string }) => ReactNode }) {
  const errorId = useId()
  const hintId = useId()
  const describedBy = [error ? errorId : null, hint ? hintId : null].filter(Boolean).join(' ') || undefined
  return (
    <div className="details-field">
      <label>
        {label}
        {children({ describedBy })}
      </label>
      {hint && (
        <p className="hint" id={hintId}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  )
}

function SubmissionDetailsForm({ document, onSaved }: { document: DocumentSummary; onSaved: (record: DocumentSummary) => void }) {
  const [form, setForm] = useState<SubmissionDetailsForm>(() => formOf(document))
  const [errors, setErrors] = useState<SubmissionDetailsErrors>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const set = <K extends keyof SubmissionDetailsForm>(field: K, value: SubmissionDetailsForm[K]) => {
    setForm((current) => ({ ...current, [field]: value }))
    // A field's error goes once the member changes it; the next Save checks again.
    setErrors(({ [field]: _fixed, ...others }) => others)
  }
  const text = (field: 'symbol' | 'bodyName' | 'session' | 'agendaItem', maxLength: number, placeholder: string) => (ids: { describedBy?: string }) => (
    <input
      name={field}
      value={form[field]}
      maxLength={maxLength}
      placeholder={placeholder}
      dir={field === 'symbol' ? 'ltr' : 'auto'}
      aria-invalid={errors[field] ? true : undefined}
      aria-describedby={ids.describedBy}
      onChange={(event) => set(field, event.target.value)}
    />
  )

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const checked = submissionDetailsChange(form, document)
    if (!checked.ok) {
      setErrors(checked.errors)
      return
    }
    setErrors({})
    if (!checked.change) {
      onSaved(document)
      return
    }
    setBusy(true)
    setFailure(null)
    try {
      onSaved(await updateDocumentMetadata(document.id, checked.change))
    } catch (error) {
      setFailure(error)
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="submission-details" onSubmit={submit} noValidate>
      <p className="hint">{t('metadata.formHint')}</p>
      <Field label={t('metadata.symbol')} error={errors.symbol} hint={t('metadata.symbolHint')}>
        {text('symbol', 80, 'A/AC.292/2026/DTG.1/CRP.1')}
      </Field>
      <Field label={t('metadata.distribution')} error={errors.distribution}>
        {(ids) => (
          <select name="distribution" value={form.distribution} aria-describedby={ids.describedBy} onChange={(event) => set('distribution', event.target.value as SubmissionDetailsForm['distribution'])}>
            {distributions.map((option) => (
              <option key={option} value={option}>
                {distributionName(option)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t('metadata.body')} error={errors.bodyName}>
        {text('bodyName', 200, t('metadata.bodyExample'))}
      </Field>
      <Field label={t('metadata.session')} error={errors.session}>
        {text('session', 120, t('metadata.sessionExample'))}
      </Field>
      <Field label={t('metadata.agendaItem')} error={errors.agendaItem}>
        {text('agendaItem', 300, t('metadata.agendaItemExample'))}
      </Field>
      <Field label={t('metadata.originalLanguage')} error={errors.originalLanguage}>
        {(ids) => (
          <select
            name="originalLanguage"
            value={form.originalLanguage}
            aria-describedby={ids.describedBy}
            onChange={(event) => set('originalLanguage', event.target.value as SubmissionDetailsForm['originalLanguage'])}
          >
            {languages.map((option) => (
              <option key={option} value={option}>
                {languageName(option)}
              </option>
            ))}
          </select>
        )}
      </Field>
      {errors.form && <p className="field-error">{errors.form}</p>}
      <FormError error={failure} />
      <div className="modal-actions">
        <button type="submit" disabled={busy}>
          {busy ? t('metadata.saving') : t('metadata.save')}
        </button>
      </div>
    </form>
  )
}
