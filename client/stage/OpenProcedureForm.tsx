/** For co-facilitators: open a comment period or put a revision under silence, until a New York time (your own shown too). */
import { useId, useState, type FormEvent } from 'react'
import { ApiError } from '../api/http.ts'
import { openProcedure, type ProcedureKind } from '../api/procedures.ts'
import { errorMessage } from '../api/errorMessage.ts'
import type { DraftProblem, RevisionSummary } from '../api/revisions.ts'
import { t } from '../i18n/i18n.ts'
import { problemMessage } from '../panels/problemMessage.ts'
import { bothTimes, readDeadline, readerZone } from './stageTimes.ts'
import { procedureKindName } from './stageWords.ts'

/** A problem of the revision the server names when it refuses to put it under silence (422 `revision_invalid`). */
type Problem = Pick<DraftProblem, 'code' | 'message' | 'recommendationNumber' | 'ref'>

interface OpenProcedureProps {
  documentId: string
  revisions: RevisionSummary[]
  kinds: ProcedureKind[]
  serverOffset: number
  onOpened: () => void
}

export function OpenProcedureForm({ revisions, ...rest }: OpenProcedureProps) {
  // Only the latest revision goes under a procedure (the server refuses an older one): one that was superseded could
  // be adopted, yet never submitted.
  const latest = revisions.at(-1)
  if (!latest) return <p className="panel-summary">{t('stage.cutRevisionFirst')}</p>
  return <ProcedureForm {...rest} latest={latest} />
}

function ProcedureForm({ documentId, latest, kinds, serverOffset, onOpened }: Omit<OpenProcedureProps, 'revisions'> & { latest: RevisionSummary }) {
  const [kind, setKind] = useState<ProcedureKind>(kinds[0]!)
  const [date, setDate] = useState('')
  const [time, setTime] = useState('')
  // Read as New York wall-clock time; the time typed as 24-hour "10:00" or "10:00:30".
  const local = date && time ? `${date}T${time.trim().replace(/^(\d):/, '0$1:')}` : ''
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<{ message: string; problems: Problem[] } | null>(null)
  const dateId = useId()
  const timeId = useId()
  const previewId = useId()
  const parsed = local ? readDeadline(local, Date.now() + serverOffset) : null
  const preview = parsed?.ok ? bothTimes(parsed.deadline, readerZone()) : null

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    const deadline = readDeadline(local, Date.now() + serverOffset)
    // Said under the fields already when it was wrong as typed (the button is then off); said here when it has become
    // wrong since (a deadline that passed meanwhile).
    if (!deadline.ok) return setError(parsed && !parsed.ok ? null : { message: deadline.message, problems: [] })
    setBusy(true)
    setError(null)
    try {
      await openProcedure(documentId, { kind, revisionId: latest.id, deadline: deadline.iso })
      setDate('')
      setTime('')
      onOpened()
    } catch (failure) {
      const problems = failure instanceof ApiError && Array.isArray(failure.details) ? (failure.details as Problem[]).filter((p) => typeof p?.message === 'string') : []
      setError({ message: errorMessage(failure), problems })
    } finally {
      setBusy(false)
    }
  }

  return (
    <form className="procedure-form" onSubmit={submit} aria-label={t('stage.openProcedure')}>
      <fieldset className="procedure-kinds">
        <legend>{t('stage.procedure')}</legend>
        {kinds.map((option) => (
          <label key={option}>
            <input type="radio" name="procedure-kind" value={option} checked={kind === option} onChange={() => setKind(option)} />
            {procedureKindName(option)}
          </label>
        ))}
      </fieldset>
      <p className="procedure-revision">
        {t('stage.revision')} <strong translate="no">{latest.label}</strong>
      </p>
      <div className="procedure-deadline">
        <label htmlFor={dateId}>{t('stage.deadlineDate')}</label>
        <input id={dateId} type="date" value={date} onChange={(event) => setDate(event.target.value)} aria-describedby={previewId} required />
        <label htmlFor={timeId}>{t('stage.deadlineClock')}</label>
        <input
          id={timeId}
          type="text"
          inputMode="numeric"
          placeholder="10:00"
          pattern="[0-2][0-9]:[0-5][0-9](:[0-5][0-9])?"
          value={time}
          onChange={(event) => setTime(event.target.value)}
          aria-describedby={previewId}
          required
        />
      </div>
      <p id={previewId} className="hint procedure-preview">
        {preview ? (
          preview.own ? (
            t('stage.endsBoth', { newYork: preview.newYork, own: preview.own })
          ) : (
            t('stage.ends', { newYork: preview.newYork })
          )
        ) : parsed && !parsed.ok ? (
          parsed.message
        ) : (
          t('stage.deadlineHint')
        )}
      </p>
      <button type="submit" disabled={busy || (parsed !== null && !parsed.ok)}>
        {busy ? t('stage.opening') : kind === 'comments' ? t('stage.openCommentPeriod') : t('stage.startSilence')}
      </button>
      {error && (
        <div className="notice notice-error" role="alert">
          <p>{error.message}</p>
          {error.problems.length > 0 && (
            <ul>
              {error.problems.map((problem, index) => (
                <li key={index}>{problemMessage(problem)}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  )
}
