/** "Cut revision": a label and an optional note; an invalid draft is refused with its problems listed. */
import { useEffect, useId, useState, type FormEvent } from 'react'
import { errorMessage } from '../api/errorMessage.ts'
import { ApiError } from '../api/http.ts'
import { useOnline } from '../app/useOnline.ts'
import { cutRevision, draftProblemsOf, type DraftProblem, type RevisionSummary } from '../api/revisions.ts'
import { DraftInvalidNotice } from './DraftProblems.tsx'
import { checkRevisionForm, revisionLabelMaxLength, revisionNoteMaxLength, type RevisionFormErrors } from './revisionText.ts'
import { t, tx } from '../i18n/i18n.ts'

type Outcome = { kind: 'none' } | { kind: 'invalid'; problems: DraftProblem[] } | { kind: 'failed'; message: string }

export function CutRevisionForm({
  documentId,
  suggestedLabel,
  onCut,
  onReveal,
}: {
  documentId: string
  suggestedLabel: string
  onCut: (revision: RevisionSummary) => void
  onReveal?: (recommendationId: string) => void
}) {
  const [label, setLabel] = useState('')
  const [note, setNote] = useState('')
  const [busy, setBusy] = useState(false)
  const [fieldErrors, setFieldErrors] = useState<RevisionFormErrors>({})
  const [outcome, setOutcome] = useState<Outcome>({ kind: 'none' })
  const labelId = useId()
  const labelErrorId = useId()
  const noteErrorId = useId()
  // A failure to reach the server is forgotten once the network is back: it no longer says anything true.
  const online = useOnline()
  useEffect(() => {
    if (online) setOutcome((current) => (current.kind === 'failed' ? { kind: 'none' } : current))
  }, [online])

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const chosenLabel = label.trim() === '' ? suggestedLabel : label
    const errors = checkRevisionForm(chosenLabel, note)
    setFieldErrors(errors)
    if (errors.label || errors.note) return
    setBusy(true)
    setOutcome({ kind: 'none' })
    try {
      const revision = await cutRevision(documentId, { label: chosenLabel.trim(), ...(note.trim() ? { note: note.trim() } : {}) })
      setLabel('')
      setNote('')
      onCut(revision)
    } catch (error) {
      const problems = draftProblemsOf(error)
      if (problems) setOutcome({ kind: 'invalid', problems })
      else if (error instanceof ApiError && error.code === 'revision_label_taken') setFieldErrors({ label: t('revisions.labelTaken', { label: chosenLabel.trim() }) })
      else setOutcome({ kind: 'failed', message: errorMessage(error) })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="cut-revision" onSubmit={submit} noValidate aria-labelledby={`${labelId}-heading`}>
      <h3 id={`${labelId}-heading`}>{t('revisions.cutHeading')}</h3>
      <p className="hint">{t('revisions.cutHint')}</p>
      <label>
        {t('revisions.labelField')}
        <input
          name="label"
          value={label}
          placeholder={suggestedLabel}
          // A revision's label ("Rev.1") is written as UN documents write it, in any language.
          translate="no"
          dir="auto"
          maxLength={revisionLabelMaxLength}
          onChange={(event) => setLabel(event.target.value)}
          aria-invalid={fieldErrors.label ? true : undefined}
          aria-describedby={fieldErrors.label ? labelErrorId : undefined}
        />
      </label>
      {fieldErrors.label && (
        <p className="field-error" id={labelErrorId}>
          {fieldErrors.label}
        </p>
      )}
      <label>
        <span>
          {tx('revisions.noteField', {
            optional: (chunks) => (
              <span key="optional" className="optional">
                {chunks}
              </span>
            ),
          })}
        </span>
        <textarea
          name="note"
          rows={2}
          value={note}
          onChange={(event) => setNote(event.target.value)}
          aria-invalid={fieldErrors.note ? true : undefined}
          aria-describedby={fieldErrors.note ? noteErrorId : undefined}
          maxLength={revisionNoteMaxLength}
        />
      </label>
      {fieldErrors.note && (
        <p className="field-error" id={noteErrorId}>
          {fieldErrors.note}
        </p>
      )}
      <button type="submit" disabled={busy}>
        {busy ? t('revisions.cutting') : label.trim() === '' ? t('revisions.cutSuggested', { label: suggestedLabel }) : t('revisions.cutButton')}
      </button>
      {outcome.kind === 'invalid' && <DraftInvalidNotice what={t('revisions.notCutInvalid')} problems={outcome.problems} onReveal={onReveal} />}
      {outcome.kind === 'failed' && (
        <div className="notice notice-error" role="alert">
          <p>{t('revisions.notCut', { reason: outcome.message })}</p>
        </div>
      )}
    </form>
  )
}
