/** The document's revisions beside the editor: cut one, open one read-only, compare, restore. */
import { LoadNotice } from '../app/LoadState.tsx'
import type { Editor } from '@tiptap/core'
import { useState } from 'react'
import { errorMessage } from '../api/errorMessage.ts'
import type { RevisionSummary } from '../api/revisions.ts'
import type { DocumentDetail } from '../api/types.ts'
import { t } from '../i18n/i18n.ts'
import { revealRecommendation } from '../panels/revealRecommendation.ts'
import { CutRevisionForm } from './CutRevisionForm.tsx'
import { RestoreRevisionDialog } from './RestoreRevisionDialog.tsx'
import { RevisionItem } from './RevisionItem.tsx'
import { nameWithDelegation } from '../app/memberLine.ts'
import { announcementText, previousRevision, suggestRevisionLabel, type Announcement } from './revisionText.ts'
import { useRevisions } from './useRevisions.ts'
import '../styles/revisions.css'

/** With the live editor, problems that refuse a revision lead to their recommendation in the text. */
export function RevisionsPanel({ detail, editor }: { detail: DocumentDetail; editor?: Editor | null }) {
  const onReveal = editor ? (recommendationId: string) => void revealRecommendation(editor, recommendationId) : undefined
  const documentId = detail.document.id
  const { permissions } = detail
  const [announcement, setAnnouncement] = useState<Announcement | null>(null)
  const { revisions, error, refresh, add } = useRevisions(documentId, {
    cut: (revision) => setAnnouncement({ kind: 'cut', revision, by: nameWithDelegation(revision.createdBy) }),
    restored: ({ revision, by }) => setAnnouncement({ kind: 'restored', revision, by }),
  })
  const [restoring, setRestoring] = useState<RevisionSummary | null>(null)

  const newestFirst = revisions ? [...revisions].reverse() : []

  return (
    <section className="side-panel revisions-panel" aria-labelledby="revisions-heading">
      <h2 id="revisions-heading">{t('revisions.heading')}</h2>
      {permissions.cutRevision && revisions && (
        <CutRevisionForm
          documentId={documentId}
          suggestedLabel={suggestRevisionLabel(revisions)}
          onReveal={onReveal}
          onCut={(revision) => {
            add(revision)
            setAnnouncement({ kind: 'cut', revision, by: nameWithDelegation(revision.createdBy) })
          }}
        />
      )}
      <p className="revision-announcement" role="status">
        {announcement && announcementText(announcement)}
      </p>
      <LoadNotice loading={!revisions} error={revisions ? null : error} what={t('revisions.loadingWhatRevisions')} retry={refresh} />
      {revisions && revisions.length === 0 && (
        <p className="panel-summary">
          {permissions.cutRevision ? t('revisions.noneYetCut', { label: suggestRevisionLabel(revisions) }) : t('revisions.noneYet')}
        </p>
      )}
      {revisions && revisions.length > 0 && (
        <>
          <ol className="revision-list" aria-label={t('revisions.listNewestFirst')}>
            {newestFirst.map((revision, index) => (
              <RevisionItem
                key={revision.id}
                documentId={documentId}
                revision={revision}
                previous={previousRevision(revisions, revision.id) ?? null}
                latest={index === 0}
                onRestore={permissions.restoreRevision ? () => setRestoring(revision) : null}
              />
            ))}
          </ol>
          {error && <p className="hint">{t('revisions.listOutOfDate', { reason: errorMessage(error) })}</p>}
        </>
      )}
      {restoring && (
        <RestoreRevisionDialog
          documentId={documentId}
          revision={restoring}
          onClose={() => setRestoring(null)}
          onRestored={(revision) => {
            setRestoring(null)
            // The server's `restored` event names who restored it; it may arrive before this answer.
            setAnnouncement((shown) => (shown?.kind === 'restored' && shown.revision.id === revision.id && shown.by ? shown : { kind: 'restored', revision, by: null }))
          }}
        />
      )}
    </section>
  )
}
