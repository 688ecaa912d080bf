/** The history beside the revisions: automatic snapshots of the text, newest first; view, compare with current, restore. */
import { LoadNotice } from '../app/LoadState.tsx'
import { useRef, useState } from 'react'
import type { ServedCatalogue } from '../api/catalogue.ts'
import type { SnapshotSummary } from '../api/history.ts'
import type { DocumentDetail } from '../api/types.ts'
import { t } from '../i18n/i18n.ts'
import { formatWhen } from '../revisions/revisionText.ts'
import { retentionText } from './historyText.ts'
import { RestoreSnapshotDialog } from './RestoreSnapshotDialog.tsx'
import { CompareSnapshotDialog, ViewSnapshotDialog } from './SnapshotDialogs.tsx'
import { SnapshotItem } from './SnapshotItem.tsx'
import { useHistory } from './useHistory.ts'
import '../styles/revisions.css'
import '../styles/history.css'

type Open = { kind: 'view' | 'compare' | 'restore'; snapshot: SnapshotSummary }

export function HistoryPanel({ detail, catalogue }: { detail: DocumentDetail; catalogue: ServedCatalogue }) {
  const documentId = detail.document.id
  const [announcement, setAnnouncement] = useState<string | null>(null)
  // A restore made on this page is announced from its answer, which names the snapshot holding the replaced text.
  const restoredHere = useRef<number | null>(null)
  const { snapshots, retention, error, refresh } = useHistory(documentId, ({ snapshot, by }) => {
    if (restoredHere.current !== snapshot.id) {
      const when = formatWhen(snapshot.createdAt)
      setAnnouncement(by ? t('history.restoredBy', { by, when }) : t('history.restoredBySomeone', { when }))
    }
  })
  const [open, setOpen] = useState<Open | null>(null)
  const close = () => setOpen(null)

  return (
    <section className="side-panel history-panel" aria-labelledby="history-heading">
      <h2 id="history-heading">{t('history.heading')}</h2>
      {retention && <p className="hint">{retentionText(retention)}</p>}
      <p className="revision-announcement" role="status">
        {announcement}
      </p>
      <LoadNotice loading={!snapshots} error={snapshots ? null : error} what={t('history.loadingWhatHistory')} retry={refresh} />
      {snapshots && snapshots.length === 0 && <p className="panel-summary">{t('history.noneYet')}</p>}
      {snapshots && snapshots.length > 0 && (
        <ol className="revision-list history-list" aria-label={t('history.listNewestFirst')}>
          {snapshots.map((snapshot) => (
            <SnapshotItem
              key={snapshot.id}
              snapshot={snapshot}
              onView={() => setOpen({ kind: 'view', snapshot })}
              onCompare={() => setOpen({ kind: 'compare', snapshot })}
              onRestore={detail.permissions.restoreSnapshot ? () => setOpen({ kind: 'restore', snapshot }) : null}
            />
          ))}
        </ol>
      )}
      {open?.kind === 'view' && (
        <ViewSnapshotDialog documentId={documentId} snapshot={open.snapshot} catalogue={catalogue} textLanguage={detail.document.originalLanguage} onClose={close} />
      )}
      {open?.kind === 'compare' && (
        <CompareSnapshotDialog documentId={documentId} snapshot={open.snapshot} textLanguage={detail.document.originalLanguage} onClose={close} />
      )}
      {open?.kind === 'restore' && (
        <RestoreSnapshotDialog
          documentId={documentId}
          snapshot={open.snapshot}
          onClose={close}
          onRestored={({ saved }) => {
            restoredHere.current = open.snapshot.id
            close()
            setAnnouncement(t('history.restoredHere', { when: formatWhen(open.snapshot.createdAt), saved: formatWhen(saved.createdAt) }))
            refresh()
          }}
        />
      )}
    </section>
  )
}
