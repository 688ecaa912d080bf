/** One snapshot in the history panel: when, why, whose edits went into it, and what can be done with it. */
import type { SnapshotSummary } from '../api/history.ts'
import { formatWhen } from '../revisions/revisionText.ts'
import { snapshotAuthorsText, snapshotReasonText } from './historyText.ts'
import { t } from '../i18n/i18n.ts'

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
        <button type="button" className="action-link" onClick={onView} aria-label={t('history.viewLabel', { when })}>
          {t('history.view')}
        </button>
        <button type="button" className="action-link" onClick={onCompare} aria-label={t('history.compareLabel', { when })}>
          {t('history.compareWithCurrent')}
        </button>
        {onRestore && (
          <button type="button" className="action-link" onClick={onRestore} aria-label={t('history.restoreLabel', { when })}>
            {t('history.restoreEllipsis')}
          </button>
        )}
      </div>
    </li>
  )
}
