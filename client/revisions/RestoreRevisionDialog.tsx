/** Asks before the current text is replaced by a revision's, then restores it. */
import { restoreRevision, type RevisionSummary } from '../api/revisions.ts'
import { ConfirmRestore } from './ConfirmRestore.tsx'
import { cutByLine } from './revisionText.ts'

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
    <ConfirmRestore title={`Restore ${revision.label}?`} what="The revision" action={`Restore ${revision.label}`} restore={restore} onClose={onClose}>
      <p>
        The current text will be replaced by the text of <strong>{revision.label}</strong> ({cutByLine(revision)}).
      </p>
      <p className="hint">
        Before it is replaced, the current text is saved as a new snapshot at the top of the History panel, from which it can be viewed,
        compared with the restored text or restored again. Everyone who has the document open sees the change at once. To keep a named copy
        of the current text, cut a revision of it first.
      </p>
    </ConfirmRestore>
  )
}
