/** Asks before the current text is replaced by a snapshot's, saying that the current text is kept first, then restores it. */
import { restoreSnapshot, type RestoreAnswer, type SnapshotSummary } from '../api/history.ts'
import { ConfirmRestore } from '../revisions/ConfirmRestore.tsx'
import { formatWhen } from '../revisions/revisionText.ts'

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
    <ConfirmRestore title="Restore this snapshot?" what="The snapshot" action="Restore the snapshot" restore={restore} onClose={onClose}>
      <p>
        The current text will be replaced by the text of the snapshot of <strong>{when}</strong>, for everyone who has the document open.
      </p>
      <p className="hint">
        Before it is replaced, the current text is saved as a new snapshot at the top of this History list, so you can view, compare or
        restore it later. Comments on text that comes back are anchored on it again.
      </p>
    </ConfirmRestore>
  )
}
