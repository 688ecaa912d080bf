/** One revision in the panel's list: its label, note, who cut it and when, and what can be done with it. */
import type { RevisionSummary } from '../api/revisions.ts'
import { routeHref } from '../app/route.ts'
import { authorName, formatWhen } from './revisionText.ts'

export interface RevisionItemProps {
  documentId: string
  revision: RevisionSummary
  /** The revision before it, to compare with. */
  previous: RevisionSummary | null
  latest: boolean
  /** Offered only to those the server lets restore. */
  onRestore: (() => void) | null
}

export function RevisionItem({ documentId, revision, previous, latest, onRestore }: RevisionItemProps) {
  return (
    <li className="revision-item" data-revision-id={revision.id}>
      <p className="revision-title">
        <strong className="revision-label">{revision.label}</strong>
        {latest && <span className="flag">latest</span>}
      </p>
      {revision.note && <p className="revision-note">{revision.note}</p>}
      <p className="revision-meta">
        {authorName(revision.createdBy)} · <time dateTime={new Date(revision.createdAt).toISOString()}>{formatWhen(revision.createdAt)}</time>
      </p>
      <div className="revision-actions">
        <a className="action-link" href={routeHref({ page: 'revision', documentId, revisionId: revision.id })} aria-label={`Open ${revision.label}, read-only`}>
          Open
        </a>
        <a
          className="action-link"
          href={routeHref({ page: 'compare', documentId, from: revision.id, to: 'current' })}
          aria-label={`Compare with current: ${revision.label} with the current text`}
        >
          Compare with current
        </a>
        {previous && (
          <a className="action-link" href={routeHref({ page: 'compare', documentId, from: previous.id, to: revision.id })}>
            Compare with {previous.label}
          </a>
        )}
        {onRestore && (
          <button type="button" className="action-link" onClick={onRestore} aria-label={`Restore ${revision.label} as the current text`}>
            Restore…
          </button>
        )}
      </div>
    </li>
  )
}
