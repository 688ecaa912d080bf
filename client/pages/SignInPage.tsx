/** For visitors without a session: why the invite failed, or how to get one. */
import { Brand } from '../app/Brand.tsx'

export function SignInPage({ inviteError, sessionEnded = false }: { inviteError: string | null; sessionEnded?: boolean }) {
  return (
    <>
      <header className="app-header" role="banner">
        <Brand />
      </header>
      <main className="page narrow sign-in" id="main">
        <h1>DTG drafting workspace</h1>
        <p className="lede">Global Mechanism on developments in the field of ICTs in the context of international security</p>
        {inviteError ? (
          <div className="notice notice-error" role="alert">
            <h2>The invite link cannot be used</h2>
            <p>{inviteError}</p>
          </div>
        ) : sessionEnded ? (
          <div className="notice notice-error" role="alert" data-testid="session-ended">
            <h2>You have been signed out</h2>
            <p>
              Your session has ended: the secretariat may have withdrawn your access, or you signed out in another window. To take part
              again, ask the secretariat for a new invite link.
            </p>
          </div>
        ) : (
          <div className="notice" role="status">
            <h2>Sign in with your invite link</h2>
            <p>
              You are not signed in. Open the personal invite link the secretariat sent you; it signs you in on this browser. Each
              link works once.
            </p>
          </div>
        )}
      </main>
    </>
  )
}
