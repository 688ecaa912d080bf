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
import { cutByLine, previousRevision } from './revisionText.ts'
import '../styles/document.css'
import '../styles/editor.css'
import '../styles/revisions.css'

export default function RevisionPage({ documentId, revisionId }: { documentId: string; revisionId: number; member: SignedInMember }) {
  const [loaded, reload] = useLoad(
    () => Promise.all([getDocument(documentId), fetchCatalogue(), getRevision(documentId, revisionId), listRevisions(documentId)]),
    [documentId, revisionId],
  )
  return (
    <LoadState loaded={loaded} what="the revision" retry={reload}>
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
      <DocumentHeading detail={detail} here={revision.label}>
        <h1>{detail.document.title}</h1>
      </DocumentHeading>
      <div className="revision-banner" role="note" aria-label="Revision">
        <div>
          <p className="revision-banner-title">
            <strong>Revision: {revision.label}</strong> (read-only), {cutByLine(revision)}
          </p>
          {revision.note && <p className="revision-banner-note">{revision.note}</p>}
        </div>
        <div className="revision-banner-actions">
          <a className="action-link" href={routeHref({ page: 'document', documentId })}>
            ← Back to the current text
          </a>
          <a className="action-link" href={routeHref({ page: 'compare', documentId, from: revision.id, to: 'current' })}>
            Compare with current text
          </a>
          {previous && (
            <a className="action-link" href={routeHref({ page: 'compare', documentId, from: previous.id, to: revision.id })}>
              Compare with {previous.label}
            </a>
          )}
          {permissions.restoreRevision && (
            <button type="button" className="action-link" onClick={() => setRestoring(true)}>
              Restore…
            </button>
          )}
          <ExportMenu document={detail.document} permissions={permissions} revisionId={revision.id} />
        </div>
      </div>
      <ReadOnlyDraft content={content} catalogue={catalogue} label={revision.label} />
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
