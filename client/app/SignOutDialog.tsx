/** Asks before signing out while the open document has changes the server has not had: signing out deletes them from this browser. */
import { useEffect, useRef, useSyncExternalStore } from 'react'
import { subscribeUnsynced, unsyncedChanges } from '../collab/unsyncedChanges.ts'
import { Modal } from '../revisions/Modal.tsx'
import '../styles/revisions.css'

const changes = (count: number) => `${count} ${count === 1 ? 'change' : 'changes'}`

export default function SignOutDialog({ onSignOut, onStay }: { onSignOut: () => void; onStay: () => void }) {
  const pending = useSyncExternalStore(subscribeUnsynced, unsyncedChanges)
  const stay = useRef<HTMLButtonElement>(null)
  // After the dialog opened (its own effect runs first): the safe choice has the focus.
  useEffect(() => stay.current?.focus(), [])
  return (
    <Modal title="Sign out?" className="confirm-dialog sign-out-dialog" onClose={onStay}>
      {pending > 0 ? (
        <>
          <p data-testid="sign-out-unsynced">
            You have {changes(pending)} not yet saved to the server. Sign out anyway?
          </p>
          <p className="hint">
            {pending === 1 ? 'It is' : 'They are'} kept only in this browser until the connection comes back. Signing out removes every draft
            this browser keeps, so {pending === 1 ? 'it' : 'they'} would be lost.
          </p>
        </>
      ) : (
        <p data-testid="sign-out-unsynced">Your changes have now reached the server.</p>
      )}
      <div className="modal-actions">
        <button type="button" onClick={onSignOut}>
          {pending > 0 ? 'Sign out anyway' : 'Sign out'}
        </button>
        <button type="button" className="button-quiet" onClick={onStay} ref={stay}>
          Stay signed in
        </button>
      </div>
    </Modal>
  )
}
