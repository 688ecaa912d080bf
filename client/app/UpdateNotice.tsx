/** "A new version is ready": shown once a new deployment's service worker is waiting; reloading uses it. */
import { useSyncExternalStore } from 'react'
import { subscribeUpdate, updateReady, switchToNewVersion } from './serviceWorkerUpdates.ts'

export function UpdateNotice() {
  const ready = useSyncExternalStore(subscribeUpdate, updateReady)
  if (!ready) return null
  return (
    // A region of its own: it sits above every page's landmarks, the sign-in page's too.
    <section className="update-notice" aria-label="New version" data-testid="update-notice">
      <p role="status">A new version is ready.</p>
      <button type="button" onClick={switchToNewVersion}>
        Reload
      </button>
    </section>
  )
}
