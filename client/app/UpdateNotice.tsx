/** "A new version is ready": shown once a new deployment's service worker is waiting; reloading uses it. */
import { useSyncExternalStore } from 'react'
import { t } from '../i18n/i18n.ts'
import { subscribeUpdate, updateReady, switchToNewVersion } from './serviceWorkerUpdates.ts'

export function UpdateNotice() {
  const ready = useSyncExternalStore(subscribeUpdate, updateReady)
  if (!ready) return null
  return (
    // A region of its own: it sits above every page's landmarks, the sign-in page's too.
    <section className="update-notice" aria-label={t('app.newVersion')} data-testid="update-notice">
      <p role="status">{t('app.newVersionReady')}</p>
      <button type="button" onClick={switchToNewVersion}>
        {t('app.reload')}
      </button>
    </section>
  )
}
