/** The notice that a change to agreed text was not kept and the document was loaded again from the server. */
import '../styles/blockStatus.css'

export function LockNotice({ notice, onDismiss }: { notice: string | null; onDismiss: () => void }) {
  // The live region stays in the page so that screen readers announce the sentence when it appears.
  return (
    <div className={notice ? 'lock-notice notice' : 'lock-notice'}>
      <p role="status" aria-live="polite" data-testid="lock-notice">
        {notice ?? ''}
      </p>
      {notice && (
        <button type="button" className="button-quiet" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  )
}
