/** Asks before the current text is replaced by a snapshot's, saying that the current text is kept first, then restores it. */
import { useState } from 'react'
import { restoreSnapshot, type RestoreAnswer, type SnapshotSummary } from '../api/history.ts'
import { Modal } from '../revisions/Modal.tsx'
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
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)
  const when = formatWhen(snapshot.createdAt)

  const restore = async () => {
    setBusy(true)
    setFailure(null)
    try {
      onRestored(await restoreSnapshot(documentId, snapshot.id))
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error))
      setBusy(false)
    }
  }

  return (
    <Modal title="Restore this snapshot?" className="confirm-dialog" onClose={onClose}>
      <p>
        The current text will be replaced by the text of the snapshot of <strong>{when}</strong>, for everyone who has the document open.
      </p>
      <p className="hint">
        Before it is replaced, the current text is saved as a new snapshot at the top of this History list, so you can view, compare or
        restore it later. Comments on text that comes back are anchored on it again.
      </p>
      {failure && (
        <div className="notice notice-error" role="alert">
          <p>The snapshot was not restored: {failure}</p>
        </div>
      )}
      <div className="modal-actions">
        <button type="button" onClick={restore} disabled={busy}>
          {busy ? 'Restoring…' : 'Restore the snapshot'}
        </button>
        <button type="button" className="button-quiet" onClick={onClose} disabled={busy}>
          Cancel
        </button>
      </div>
    </Modal>
  )
}
