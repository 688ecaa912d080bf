/** Asks before the current text is replaced by a revision's, then restores it. */
import { useState } from 'react'
import { restoreRevision, type RevisionSummary } from '../api/revisions.ts'
import { Modal } from './Modal.tsx'
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
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  const restore = async () => {
    setBusy(true)
    setFailure(null)
    try {
      await restoreRevision(documentId, revision.id)
      onRestored(revision)
    } catch (error) {
      setFailure(error instanceof Error ? error.message : String(error))
      setBusy(false)
    }
  }

  return (
    <Modal title={`Restore ${revision.label}?`} className="confirm-dialog" onClose={onClose}>
      <p>
        The current text will be replaced by the text of <strong>{revision.label}</strong> ({cutByLine(revision)}).
      </p>
      <p className="hint">
        Before it is replaced, the current text is saved as a new snapshot at the top of the History panel, from which it can be viewed,
        compared with the restored text or restored again. Everyone who has the document open sees the change at once. To keep a named copy
        of the current text, cut a revision of it first.
      </p>
      {failure && (
        <div className="notice notice-error" role="alert">
          <p>The revision was not restored: {failure}</p>
        </div>
      )}
      <div className="modal-actions">
        <button type="button" onClick={restore} disabled={busy}>
          {busy ? 'Restoring…' : `Restore ${revision.label}`}
        </button>
        <button type="button" className="button-quiet" onClick={onClose} disabled={busy}>
          Cancel
        </button>
      </div>
    </Modal>
  )
}
