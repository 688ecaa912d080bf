/** For co-facilitators: open a comment period or put a revision under silence, until a New York time (your own shown too). */
import { useId, useState, type FormEvent } from 'react'
import { ApiError } from '../api/http.ts'
import { openProcedure, type ProcedureKind } from '../api/procedures.ts'
import type { RevisionSummary } from '../api/revisions.ts'
import { bothTimes, readDeadline, readerZone } from './stageTimes.ts'

interface Problem {
  message: string
}

export function OpenProcedureForm({
  documentId,
  revisions,
  kinds,
  serverOffset,
  onOpened,
}: {
  documentId: string
  revisions: RevisionSummary[]
  kinds: ProcedureKind[]
  serverOffset: number
  onOpened: () => void
}) {
  const [kind, setKind] = useState<ProcedureKind>(kinds[0]!)
  const [revisionId, setRevisionId] = useState<number | null>(revisions.at(-1)?.id ?? null)
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
    if (!deadline.ok) return setError({ message: deadline.message, problems: [] })
    if (revisionId === null) return setError({ message: 'Choose the revision.', problems: [] })
    setBusy(true)
    setError(null)
    try {
      await openProcedure(documentId, { kind, revisionId, deadline: deadline.iso })
      setDate('')
      setTime('')
      onOpened()
    } catch (failure) {
      const problems = failure instanceof ApiError && Array.isArray(failure.details) ? (failure.details as Problem[]).filter((p) => typeof p?.message === 'string') : []
      setError({ message: failure instanceof Error ? failure.message : String(failure), problems })
    } finally {
      setBusy(false)
    }
  }

  if (revisions.length === 0) return <p className="panel-summary">Cut a revision first: periods and silence apply to a revision.</p>
  return (
    <form className="procedure-form" onSubmit={submit} aria-label="Open a procedure">
      <fieldset className="procedure-kinds">
        <legend>Procedure</legend>
        {kinds.map((option) => (
          <label key={option}>
            <input type="radio" name="procedure-kind" value={option} checked={kind === option} onChange={() => setKind(option)} />
            {option === 'comments' ? 'Comment period' : 'Silence procedure'}
          </label>
        ))}
      </fieldset>
      <label>
        Revision
        <select value={revisionId ?? ''} onChange={(event) => setRevisionId(Number(event.target.value))}>
          {[...revisions].reverse().map((revision) => (
            <option key={revision.id} value={revision.id}>
              {revision.label}
            </option>
          ))}
        </select>
      </label>
      <div className="procedure-deadline">
        <label htmlFor={dateId}>Deadline date (New York)</label>
        <input id={dateId} type="date" value={date} onChange={(event) => setDate(event.target.value)} aria-describedby={previewId} required />
        <label htmlFor={timeId}>Time (New York, 24-hour)</label>
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
          <>
            Ends {preview.newYork}
            {preview.own && <> — {preview.own}</>}
          </>
        ) : parsed && !parsed.ok ? (
          parsed.message
        ) : (
          'The date and time are read as New York time; the server’s clock decides when it has passed.'
        )}
      </p>
      <button type="submit" disabled={busy}>
        {busy ? 'Opening…' : kind === 'comments' ? 'Open comment period' : 'Start silence'}
      </button>
      {error && (
        <div className="notice notice-error" role="alert">
          <p>{error.message}</p>
          {error.problems.length > 0 && (
            <ul>
              {error.problems.map((problem, index) => (
                <li key={index}>{problem.message}</li>
              ))}
            </ul>
          )}
        </div>
      )}
    </form>
  )
}
