/** What the shell shows before there is a member to show pages to: signing in, or the server out of reach. */
import { useEffect } from 'react'
import { useOnline } from './useOnline.ts'

export function SigningIn() {
  return (
    <main className="page narrow">
      <p className="loading" role="status">
        Signing in…
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
        <p>The workspace cannot be reached: {online ? message : 'this browser is offline. It will try again when the connection returns.'}</p>
        <button type="button" onClick={() => window.location.reload()}>
          Try again
        </button>
      </div>
    </main>
  )
}
