/** Asks before the current text is replaced by a snapshot's, saying that the current text is kept first, then restores it. */
import { restoreSnapshot, type RestoreAnswer, type SnapshotSummary } from '../api/history.ts'
import { ConfirmRestore } from '../revisions/ConfirmRestore.tsx'
import { formatWhen } from '../revisions/revisionText.ts'
import { t, tx } from '../i18n/i18n.ts'

export function RestoreSnapshotDialog({
  documentId,
  snapshot,
  onRestored,
  onClose,
}: {
  documentId: string
  snapshot: SnapshotSummary
  onRestored: (answer: RestoreAnswer) => void
  onClose: () => void
}) {
  const when = formatWhen(snapshot.createdAt)
  const restore = async () => onRestored(await restoreSnapshot(documentId, snapshot.id))

  return (
    <ConfirmRestore
      title={t('history.restoreTitle')}
      notRestored={(reason) => t('history.notRestored', { reason })}
      action={t('history.restoreAction')}
      restore={restore}
      onClose={onClose}
    >
      <p>{tx('history.restoreWillReplace', { when, strong: (chunks) => <strong key="strong">{chunks}</strong> })}</p>
      <p className="hint">{t('history.restoreExplained')}</p>
    </ConfirmRestore>
  )
}
