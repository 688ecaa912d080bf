/** "A new version is ready": shown once a new deployment's service worker is waiting; reloading uses it. */
import { useSyncExternalStore } from 'react'
import { subscribeUpdate, updateReady, switchToNewVersion } from './serviceWorkerUpdates.ts'

export function UpdateNotice() {
  const ready = useSyncExternalStore(subscribeUpdate, updateReady)
  if (!ready) return null
  return (
    <div className="update-notice" role="status" data-testid="update-notice">
      <p>A new version is ready.</p>
      <button type="button" onClick={switchToNewVersion}>
        Reload
      </button>
    </div>
  )
}
