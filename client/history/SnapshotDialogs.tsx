/** A snapshot opened read-only, or compared with the current text (the server's comparison, drawn as a redline). */
import type { Language } from '../../shared/i18n/languages.ts'
import type { ServedCatalogue } from '../api/catalogue.ts'
import { compareSnapshotWithCurrent, getSnapshot, type SnapshotSummary } from '../api/history.ts'
import { LoadState } from '../app/LoadState.tsx'
import { useLoad } from '../app/useLoad.ts'
import { Modal } from '../revisions/Modal.tsx'
import { ReadOnlyDraft } from '../revisions/ReadOnlyDraft.tsx'
import { Redline } from '../revisions/Redline.tsx'
import { comparisonSummaryLine } from '../revisions/redlineView.ts'
import { formatWhen } from '../revisions/revisionText.ts'
import { t } from '../i18n/i18n.ts'

interface DialogProps {
  documentId: string
  /** The document's original language, which its text is marked with. */
  textLanguage?: Language
  snapshot: SnapshotSummary
  onClose: () => void
}

export function ViewSnapshotDialog({ documentId, snapshot, catalogue, textLanguage, onClose }: DialogProps & { catalogue: ServedCatalogue }) {
  const [loaded, reload] = useLoad(() => getSnapshot(documentId, snapshot.id), [documentId, snapshot.id])
  const label = t('history.snapshotOf', { when: formatWhen(snapshot.createdAt) })
  return (
    <Modal title={label} className="snapshot-dialog" onClose={onClose}>
      <LoadState loaded={loaded} what={t('history.loadingWhatSnapshot')} retry={reload}>
        {(detail) => <ReadOnlyDraft content={detail.content} catalogue={catalogue} label={label} textLanguage={textLanguage} />}
      </LoadState>
    </Modal>
  )
}

export function CompareSnapshotDialog({ documentId, snapshot, textLanguage, onClose }: DialogProps) {
  const [loaded, reload] = useLoad(() => compareSnapshotWithCurrent(documentId, snapshot.id), [documentId, snapshot.id])
  return (
    <Modal title={t('history.compareTitle', { when: formatWhen(snapshot.createdAt) })} className="snapshot-dialog" onClose={onClose}>
      <LoadState loaded={loaded} what={t('history.loadingWhatComparison')} retry={reload}>
        {(result) => (
          <>
            <p className="panel-summary">{comparisonSummaryLine(result.comparison.summary)}</p>
            <Redline
              blocks={result.comparison.blocks}
              fromLabel={t('history.snapshotOf', { when: formatWhen(snapshot.createdAt) })}
              toLabel={t('revisions.currentText')}
              textLanguage={textLanguage}
            />
          </>
        )}
      </LoadState>
    </Modal>
  )
}
