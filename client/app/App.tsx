/** The app shell: signs in, then shows the page the hash names under a common header. */
import { lazy, Suspense, useEffect, useRef, useState } from 'react'
import { onMembershipChanged } from '../access/membershipChange.ts'
import { fetchMe, signOut } from '../api/auth.ts'
import type { SignedInMember } from '../api/types.ts'
import { clearLocalDrafts } from '../collab/localDrafts.ts'
import { unsyncedChanges } from '../collab/unsyncedChanges.ts'
import { NotFoundPage } from '../pages/NotFoundPage.tsx'
import { SignInPage } from '../pages/SignInPage.tsx'
import { WorkspaceListPage } from '../pages/WorkspaceListPage.tsx'
import { WorkspacePage } from '../pages/WorkspacePage.tsx'
import { AppHeader } from './AppHeader.tsx'
import { onSessionEnded } from './sessionEnd.ts'
import { startSession } from './startSession.ts'
import { useRoute } from './useRoute.ts'

const DocumentPage = lazy(() => import('../pages/DocumentPage.tsx'))
const MembersPage = lazy(() => import('../members/MembersPage.tsx'))
const RevisionPage = lazy(() => import('../revisions/RevisionPage.tsx'))
const ComparePage = lazy(() => import('../revisions/ComparePage.tsx'))
const SignOutDialog = lazy(() => import('./SignOutDialog.tsx'))

type SessionState =
  | { status: 'starting' }
  | { status: 'failed'; message: string }
  | { status: 'signed-out'; inviteError: string | null; ended?: boolean }
  | { status: 'signed-in'; member: SignedInMember }

export function App() {
  const [session, setSession] = useState<SessionState>({ status: 'starting' })
  const route = useRoute()
  const [askingToSignOut, setAskingToSignOut] = useState(false)
  const signOutButton = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    startSession().then(
      ({ member, inviteError }) => setSession(member ? { status: 'signed-in', member } : { status: 'signed-out', inviteError }),
      (error: unknown) => setSession({ status: 'failed', message: error instanceof Error ? error.message : String(error) }),
    )
  }, [])

  useEffect(
    () => onSessionEnded(() => setSession((current) => (current.status === 'signed-in' ? { status: 'signed-out', inviteError: null, ended: true } : current))),
    [],
  )

  // Signed out, by choice or because the session ended: the drafts this browser keeps go with it (a shared computer keeps nothing).
  useEffect(() => {
    if (session.status === 'signed-out') void clearLocalDrafts()
  }, [session.status])

  // The secretariat changed the member's role or the workspaces they lead: the header shows them as they now are.
  useEffect(
    () =>
      onMembershipChanged(async () => {
        const member = await fetchMe().catch(() => undefined) // Offline: the header keeps what it knew.
        if (member === undefined) return
        setSession((current) => {
          if (current.status !== 'signed-in') return current
          return member ? { status: 'signed-in', member } : { status: 'signed-out', inviteError: null, ended: true }
        })
      }),
    [],
  )

  const leave = async () => {
    setAskingToSignOut(false)
    try {
      await signOut()
    } catch {
      // Offline: this page signs out all the same; the server ends the session when it expires.
    } finally {
      setSession({ status: 'signed-out', inviteError: null })
      window.location.hash = '#/'
    }
  }

  // Changes the server has not had yet would be deleted with the drafts: ask first.
  const askToLeave = () => {
    if (unsyncedChanges() > 0) setAskingToSignOut(true)
    else void leave()
  }

  const stay = () => setAskingToSignOut(false)

  // Once the dialog has closed (its focus trap gone), the focus goes back to the button that opened it.
  const wasAsking = useRef(false)
  useEffect(() => {
    if (wasAsking.current && !askingToSignOut) signOutButton.current?.focus()
    wasAsking.current = askingToSignOut
  }, [askingToSignOut])

  if (session.status === 'starting') {
    return (
      <main className="page narrow">
        <p className="loading" role="status">
          Signing in…
        </p>
      </main>
    )
  }
  if (session.status === 'failed') {
    return (
      <main className="page narrow">
        <div className="notice notice-error" role="alert">
          <p>The workspace cannot be reached: {session.message}</p>
          <button type="button" onClick={() => window.location.reload()}>
            Try again
          </button>
        </div>
      </main>
    )
  }
  if (session.status === 'signed-out') return <SignInPage inviteError={session.inviteError} sessionEnded={session.ended} />

  const { member } = session
  return (
    <>
      <AppHeader member={member} onSignOut={askToLeave} signOutRef={signOutButton} />
      {askingToSignOut && (
        <Suspense fallback={null}>
          <SignOutDialog onSignOut={leave} onStay={stay} />
        </Suspense>
      )}
      <main className="page" id="main" tabIndex={-1}>
        {route.page === 'workspaces' && <WorkspaceListPage member={member} />}
        {route.page === 'workspace' && <WorkspacePage key={route.workspaceId} workspaceId={route.workspaceId} />}
        {route.page === 'document' && (
          <Suspense
            fallback={
              <p className="loading" role="status">
                Opening the editor…
              </p>
            }
          >
            <DocumentPage key={route.documentId} documentId={route.documentId} member={member} />
          </Suspense>
        )}
        {(route.page === 'revision' || route.page === 'compare') && (
          <Suspense
            fallback={
              <p className="loading" role="status">
                Loading…
              </p>
            }
          >
            {route.page === 'revision' ? (
              <RevisionPage key={`${route.documentId}/${route.revisionId}`} documentId={route.documentId} revisionId={route.revisionId} member={member} />
            ) : (
              <ComparePage key={route.documentId} documentId={route.documentId} from={route.from} to={route.to} member={member} />
            )}
          </Suspense>
        )}
        {route.page === 'members' && (
          <Suspense
            fallback={
              <p className="loading" role="status">
                Loading the members…
              </p>
            }
          >
            <MembersPage member={member} />
          </Suspense>
        )}
        {route.page === 'not-found' && <NotFoundPage />}
      </main>
    </>
  )
}
