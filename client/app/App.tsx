/** The app shell: signs in, then shows the page the hash names under a common header. */
import { Suspense, useEffect, useLayoutEffect } from 'react'
import { currentLanguage, setLanguage, t, useLanguage } from '../i18n/i18n.ts'
import { SignInPage } from '../pages/SignInPage.tsx'
import { AppHeader } from './AppHeader.tsx'
import { lazyScreen, prefetchScreensWhenIdle } from './lazyScreen.ts'
import { RoutedPage } from './RoutedPage.tsx'
import { ScreenBoundary } from './ScreenBoundary.tsx'
import { SigningIn, Unreachable } from './SessionScreens.tsx'
import { UpdateNotice } from './UpdateNotice.tsx'
import { useRoute } from './useRoute.ts'
import { useSession } from './useSession.ts'
import { useSignOut } from './useSignOut.ts'

const SignOutDialog = lazyScreen(() => import('./SignOutDialog.tsx'))

export function App() {
  return (
    <>
      <UpdateNotice />
      <Shell />
    </>
  )
}

function Shell() {
  const [session, setSession] = useSession()
  const route = useRoute()
  const signOut = useSignOut(() => setSession({ status: 'signed-out', inviteError: null }))
  const signedIn = session.status === 'signed-in'
  const memberLanguage = session.status === 'signed-in' ? session.member.language : null
  // The page renders again in a new language: its screens are keyed on it (the session and the header stay).
  const language = useLanguage()

  // The language the member chose is theirs on every browser: it replaces this browser's guess once known.
  useEffect(() => {
    if (memberLanguage && memberLanguage !== currentLanguage()) void setLanguage(memberLanguage).catch(() => undefined)
  }, [memberLanguage])

  // The tab names the application in the language in use. A layout effect: a page that names the tab itself (the open
  // document) does so in its own effects, which run after this one.
  useLayoutEffect(() => {
    document.title = t('app.name')
  }, [language])

  // Once signed in and idle, the screens loaded on demand are fetched ahead of need (and so kept for offline use).
  useEffect(() => {
    if (signedIn) prefetchScreensWhenIdle()
  }, [signedIn])

  if (session.status === 'starting') return <SigningIn />
  if (session.status === 'failed') return <Unreachable message={session.message} />
  if (session.status === 'signed-out') return <SignInPage inviteError={session.inviteError} sessionEnded={session.ended} />

  return (
    <>
      <AppHeader member={session.member} onSignOut={signOut.askToLeave} signOutRef={signOut.signOutButton} />
      {signOut.asking && (
        <ScreenBoundary what={t('app.theSignOutDialog')} onDismiss={signOut.stay}>
          <Suspense fallback={null}>
            <SignOutDialog onSignOut={signOut.leave} onStay={signOut.stay} />
          </Suspense>
        </ScreenBoundary>
      )}
      <main className="page" id="main" tabIndex={-1}>
        <RoutedPage key={language} route={route} member={session.member} />
      </main>
    </>
  )
}
