/** The app shell: signs in, then shows the page the hash names under a common header. */
import { lazy, Suspense } from 'react'
import { SignInPage } from '../pages/SignInPage.tsx'
import { AppHeader } from './AppHeader.tsx'
import { RoutedPage } from './RoutedPage.tsx'
import { SigningIn, Unreachable } from './SessionScreens.tsx'
import { useRoute } from './useRoute.ts'
import { useSession } from './useSession.ts'
import { useSignOut } from './useSignOut.ts'

const SignOutDialog = lazy(() => import('./SignOutDialog.tsx'))

export function App() {
  const [session, setSession] = useSession()
  const route = useRoute()
  const signOut = useSignOut(() => setSession({ status: 'signed-out', inviteError: null }))

  if (session.status === 'starting') return <SigningIn />
  if (session.status === 'failed') return <Unreachable message={session.message} />
  if (session.status === 'signed-out') return <SignInPage inviteError={session.inviteError} sessionEnded={session.ended} />

  return (
    <>
      <AppHeader member={session.member} onSignOut={signOut.askToLeave} signOutRef={signOut.signOutButton} />
      {signOut.asking && (
        <Suspense fallback={null}>
          <SignOutDialog onSignOut={signOut.leave} onStay={signOut.stay} />
        </Suspense>
      )}
      <main className="page" id="main" tabIndex={-1}>
        <RoutedPage route={route} member={session.member} />
      </main>
    </>
  )
}
