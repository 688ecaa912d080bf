/** One revision, read-only (a lazy page): who cut it and when, its text numbered as in the editor, export, compare, restore. */
import { useState } from 'react'
import { fetchCatalogue, type ServedCatalogue } from '../api/catalogue.ts'
import { getDocument } from '../api/documents.ts'
import { getRevision, listRevisions, type RevisionDetail, type RevisionSummary } from '../api/revisions.ts'
import type { DocumentDetail, SignedInMember } from '../api/types.ts'
import { LoadState } from '../app/LoadState.tsx'
import { routeHref } from '../app/route.ts'
import { useLoad } from '../app/useLoad.ts'
import { DocumentHeading } from './DocumentHeading.tsx'
import { ExportMenu } from './ExportMenu.tsx'
import { ReadOnlyDraft } from './ReadOnlyDraft.tsx'
import { RestoreRevisionDialog } from './RestoreRevisionDialog.tsx'
import { revisionFacts } from './revisionFacts.tsx'
import { previousRevision } from './revisionText.ts'
import '../styles/document.css'
import '../styles/editor.css'
import '../styles/revisions.css'
import { t, tx } from '../i18n/i18n.ts'

export default function RevisionPage({ documentId, revisionId }: { documentId: string; revisionId: number; member: SignedInMember }) {
  const [loaded, reload] = useLoad(
    () => Promise.all([getDocument(documentId), fetchCatalogue(), getRevision(documentId, revisionId), listRevisions(documentId)]),
    [documentId, revisionId],
  )
  return (
    <LoadState loaded={loaded} what={t('revisions.loadingWhatRevision')} retry={reload}>
      {([detail, catalogue, revision, revisions]) => <RevisionView detail={detail} catalogue={catalogue} revision={revision} revisions={revisions} />}
    </LoadState>
  )
}

function RevisionView({
  detail,
  catalogue,
  revision: { revision, content },
  revisions,
}: {
  detail: DocumentDetail
  catalogue: ServedCatalogue
  revision: RevisionDetail
  revisions: RevisionSummary[]
}) {
  const documentId = detail.document.id
  const { permissions } = detail
  const previous = previousRevision(revisions, revision.id)
  const [restoring, setRestoring] = useState(false)

  return (
    <div className="document-layout revision-view">
      <DocumentHeading
        detail={detail}
        here={
          <bdi translate="no" dir="auto">
            {revision.label}
          </bdi>
        }
      >
        <h1 translate="no" dir="auto">
          {detail.document.title}
        </h1>
      </DocumentHeading>
      <div className="revision-banner" role="note" aria-label={t('revisions.revisionBanner')}>
        <div>
          <p className="revision-banner-title">
            {tx('revisions.bannerTitle', revisionFacts(revision))}
          </p>
          {revision.note && (
            <p className="revision-banner-note" translate="no" dir="auto">
              {revision.note}
            </p>
          )}
        </div>
        <div className="revision-banner-actions">
          <a className="action-link" href={routeHref({ page: 'document', documentId })}>
            <span className="back-arrow" aria-hidden="true">
              ←
            </span>{' '}
            {t('revisions.backToCurrent')}
          </a>
          <a className="action-link" href={routeHref({ page: 'compare', documentId, from: revision.id, to: 'current' })}>
            {t('revisions.compareWithCurrentText')}
          </a>
          {previous && (
            <a className="action-link" href={routeHref({ page: 'compare', documentId, from: previous.id, to: revision.id })}>
              {tx('revisions.compareWith', { label: <bdi key="label" translate="no">{previous.label}</bdi> })}
            </a>
          )}
          {permissions.restoreRevision && (
            <button type="button" className="action-link" onClick={() => setRestoring(true)}>
              {t('revisions.restoreEllipsis')}
            </button>
          )}
          <ExportMenu document={detail.document} permissions={permissions} revisionId={revision.id} />
        </div>
      </div>
      <ReadOnlyDraft content={content} catalogue={catalogue} label={revision.label} textLanguage={detail.document.originalLanguage} />
      {restoring && (
        <RestoreRevisionDialog
          documentId={documentId}
          revision={revision}
          onClose={() => setRestoring(false)}
          onRestored={() => {
            window.location.hash = routeHref({ page: 'document', documentId })
          }}
        />
      )}
    </div>
  )
}
