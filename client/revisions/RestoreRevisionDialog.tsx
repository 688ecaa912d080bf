/** Asks before the current text is replaced by a revision's, then restores it. */
import { restoreRevision, type RevisionSummary } from '../api/revisions.ts'
import { t, tx } from '../i18n/i18n.ts'
import { ConfirmRestore } from './ConfirmRestore.tsx'
import { revisionFacts } from './revisionFacts.tsx'

export function RestoreRevisionDialog({
  documentId,
  revision,
  onRestored,
  onClose,
}: {
  documentId: string
  revision: RevisionSummary
  onRestored: (revision: RevisionSummary) => void
  onClose: () => void
}) {
  const restore = async () => {
    await restoreRevision(documentId, revision.id)
    onRestored(revision)
  }

  return (
    <ConfirmRestore
      title={t('revisions.restoreTitle', { label: revision.label })}
      notRestored={(reason) => t('revisions.notRestored', { reason })}
      action={t('revisions.restoreAction', { label: revision.label })}
      restore={restore}
      onClose={onClose}
    >
      <p>
        {tx('revisions.restoreWillReplace', revisionFacts(revision))}
      </p>
      <p className="hint">{t('revisions.restoreExplained')}</p>
    </ConfirmRestore>
  )
}
