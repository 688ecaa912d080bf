/** What the shell shows before there is a member to show pages to: signing in, or the server out of reach. */
import { useEffect } from 'react'
import { t } from '../i18n/i18n.ts'
import { useOnline } from './useOnline.ts'

export function SigningIn() {
  return (
    <main className="page narrow">
      <p className="loading" role="status">
        {t('app.signingIn')}
      </p>
    </main>
  )
}

export function Unreachable({ message }: { message: string }) {
  const online = useOnline()
  // Offline, the page came from the browser's copy of the application; once the network is back, it tries again.
  useEffect(() => {
    const retry = () => window.location.reload()
    window.addEventListener('online', retry)
    return () => window.removeEventListener('online', retry)
  }, [])
  return (
    <main className="page narrow">
      <div className="notice notice-error" role="alert">
        <p>{online ? t('app.unreachable', { reason: message }) : t('app.unreachableOffline')}</p>
        <button type="button" onClick={() => window.location.reload()}>
          {t('app.tryAgain')}
        </button>
      </div>
    </main>
  )
}
