/** A modal dialog (native <dialog>): focus stays inside, Escape closes it, and the focus returns to what opened it. */
import { useId, useLayoutEffect, useRef, type ReactNode } from 'react'
import { t } from '../i18n/i18n.ts'

export function Modal({ title, className, onClose, children }: { title: string; className?: string; onClose: () => void; children: ReactNode }) {
  const dialog = useRef<HTMLDialogElement>(null)
  const headingId = useId()
  // A layout effect: its cleanup runs while the dialog is still in the page, so the focus can be handed back.
  useLayoutEffect(() => {
    const element = dialog.current
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    if (element && !element.open) element.showModal()
    return () => {
      const active = document.activeElement
      // Unless the closing action moved the focus on purpose (to a recommendation, say), the opener gets it back.
      const focusInDialog = !active || active === document.body || Boolean(element?.contains(active))
      element?.close()
      if (focusInDialog && opener?.isConnected) opener.focus()
    }
  }, [])
  return (
    <dialog
      ref={dialog}
      className={`modal ${className ?? ''}`}
      aria-labelledby={headingId}
      onCancel={(event) => {
        event.preventDefault()
        onClose()
      }}
    >
      <header className="modal-header">
        <h2 id={headingId}>{title}</h2>
        <button type="button" className="modal-close button-quiet" aria-label={t('revisions.closeDialog')} onClick={onClose}>
          ×
        </button>
      </header>
      <div className="modal-body">{children}</div>
    </dialog>
  )
}
