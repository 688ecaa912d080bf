/** A polite word that the member's permissions on the open document changed, with a button to put it away. */
import '../styles/access.css'

export function AccessNotice({ notice, onDismiss }: { notice: string | null; onDismiss: () => void }) {
  // The live region stays in the page so that screen readers announce the sentence when it appears.
  return (
    <div className={notice ? 'access-notice notice' : 'access-notice'}>
      <p role="status" aria-live="polite" data-testid="access-notice">
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
