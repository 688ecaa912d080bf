/** One snapshot in the history panel: when, why, whose edits went into it, and what can be done with it. */
import type { SnapshotSummary } from '../api/history.ts'
import { formatWhen } from '../revisions/revisionText.ts'
import { snapshotAuthorsText, snapshotReasonText } from './historyText.ts'

export interface SnapshotItemProps {
  snapshot: SnapshotSummary
  onView: () => void
  onCompare: () => void
  /** Offered only to those the server lets restore. */
  onRestore: (() => void) | null
}

export function SnapshotItem({ snapshot, onView, onCompare, onRestore }: SnapshotItemProps) {
  const when = formatWhen(snapshot.createdAt)
  return (
    <li className="revision-item snapshot-item" data-snapshot-id={snapshot.id}>
      <p className="revision-title">
        <time className="revision-label" dateTime={new Date(snapshot.createdAt).toISOString()}>
          {when}
        </time>
      </p>
      <p className="snapshot-reason">{snapshotReasonText(snapshot)}</p>
      <p className="revision-meta">{snapshotAuthorsText(snapshot)}</p>
      <div className="revision-actions">
        <button type="button" className="action-link" onClick={onView} aria-label={`View the snapshot of ${when}`}>
          View
        </button>
        <button type="button" className="action-link" onClick={onCompare} aria-label={`Compare the snapshot of ${when} with the current text`}>
          Compare with current
        </button>
        {onRestore && (
          <button type="button" className="action-link" onClick={onRestore} aria-label={`Restore the snapshot of ${when} as the current text`}>
            Restore…
          </button>
        )}
      </div>
    </li>
  )
}
