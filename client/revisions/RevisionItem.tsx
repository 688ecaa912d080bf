/** One revision in the panel's list: its label, note, who cut it and when, and what can be done with it. */
import type { RevisionSummary } from '../api/revisions.ts'
import { routeHref } from '../app/route.ts'
import { nameWithDelegation } from '../app/memberLine.ts'
import { formatWhen } from './revisionText.ts'
import { t, tx } from '../i18n/i18n.ts'

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
        <strong className="revision-label" translate="no" dir="auto">
          {revision.label}
        </strong>
        {latest && <span className="flag">{t('revisions.latest')}</span>}
      </p>
      {revision.note && (
        <p className="revision-note" translate="no" dir="auto">
          {revision.note}
        </p>
      )}
      <p className="revision-meta">
        {tx('revisions.byWhen', {
          author: (
            <bdi key="author" translate="no">
              {nameWithDelegation(revision.createdBy)}
            </bdi>
          ),
          when: (
            <time key="when" dateTime={new Date(revision.createdAt).toISOString()}>
              {formatWhen(revision.createdAt)}
            </time>
          ),
        })}
      </p>
      <div className="revision-actions">
        <a className="action-link" href={routeHref({ page: 'revision', documentId, revisionId: revision.id })} aria-label={t('revisions.openLabel', { label: revision.label })}>
          {t('revisions.open')}
        </a>
        <a
          className="action-link"
          href={routeHref({ page: 'compare', documentId, from: revision.id, to: 'current' })}
          aria-label={t('revisions.compareWithCurrentLabel', { label: revision.label })}
        >
          {t('revisions.compareWithCurrent')}
        </a>
        {previous && (
          <a className="action-link" href={routeHref({ page: 'compare', documentId, from: previous.id, to: revision.id })}>
            {tx('revisions.compareWith', { label: <bdi key="label" translate="no">{previous.label}</bdi> })}
          </a>
        )}
        {onRestore && (
          <button type="button" className="action-link" onClick={onRestore} aria-label={t('revisions.restoreAsCurrentLabel', { label: revision.label })}>
            {t('revisions.restoreEllipsis')}
          </button>
        )}
      </div>
    </li>
  )
}
