/** Asks before signing out while the open document has changes the server has not had: signing out deletes them from this browser. */
import { useEffect, useRef, useSyncExternalStore } from 'react'
import { subscribeUnsynced, unsyncedChanges } from '../collab/unsyncedChanges.ts'
import { t } from '../i18n/i18n.ts'
import { Modal } from '../revisions/Modal.tsx'
import '../styles/revisions.css'

export default function SignOutDialog({ onSignOut, onStay }: { onSignOut: () => void; onStay: () => void }) {
  const pending = useSyncExternalStore(subscribeUnsynced, unsyncedChanges)
  const stay = useRef<HTMLButtonElement>(null)
  // After the dialog opened (its own effect runs first): the safe choice has the focus.
  useEffect(() => stay.current?.focus(), [])
  return (
    <Modal title={t('app.signOutQuestion')} className="confirm-dialog sign-out-dialog" onClose={onStay}>
      {pending > 0 ? (
        <>
          <p data-testid="sign-out-unsynced">{t('app.unsyncedChanges', { count: pending })}</p>
          <p className="hint">{t('app.unsyncedChangesKept', { count: pending })}</p>
        </>
      ) : (
        <p data-testid="sign-out-unsynced">{t('app.changesReachedServer')}</p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onSignOut}>
          {pending > 0 ? t('app.signOutAnyway') : t('app.signOut')}
        </button>
        <button type="button" className="button-quiet" onClick={onStay} ref={stay}>
          {t('app.staySignedIn')}
        </button>
      </div>
    </Modal>
  )
}
