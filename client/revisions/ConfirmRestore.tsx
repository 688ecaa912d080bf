/** The confirmation both restores share (a revision's text, a snapshot's): what will happen, the failure, restore or cancel. */
import { type ReactNode, useState } from 'react'
import { Modal } from './Modal.tsx'
import { errorMessage } from '../api/errorMessage.ts'
import { t } from '../i18n/i18n.ts'

export function ConfirmRestore({
  title,
  notRestored,
  action,
  restore,
  onClose,
  children,
}: {
  title: string
  /** The failure, said in full: "The revision was not restored: ...". */
  notRestored: (reason: string) => string
  /** The button's label. */
  action: string
  /** Restores; its failure is shown in the dialog, which stays open. */
  restore: () => Promise<void>
  onClose: () => void
  /** What will happen, in full. */
  children: ReactNode
}) {
  const [busy, setBusy] = useState(false)
  const [failure, setFailure] = useState<string | null>(null)

  const confirm = async () => {
    setBusy(true)
    setFailure(null)
    try {
      await restore()
    } catch (error) {
      setFailure(errorMessage(error))
      setBusy(false)
    }
  }

  return (
    <Modal title={title} className="confirm-dialog" onClose={onClose}>
      {children}
      {failure && (
        <div className="notice notice-error" role="alert">
          <p>{notRestored(failure)}</p>
        </div>
      )}
      <div className="modal-actions">
        <button type="button" onClick={confirm} disabled={busy}>
          {busy ? t('revisions.restoring') : action}
        </button>
        <button type="button" className="button-quiet" onClick={onClose} disabled={busy}>
          {t('revisions.cancel')}
        </button>
      </div>
    </Modal>
  )
}
