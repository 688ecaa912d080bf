/** The session as the shell knows it: starting, unreachable, signed out (and why), or signed in as a member kept current. */
import { useEffect, useState, type Dispatch, type SetStateAction } from 'react'
import { onMembershipChanged } from '../access/membershipChange.ts'
import { fetchMe } from '../api/auth.ts'
import type { SignedInMember } from '../api/types.ts'
import { clearLocalDrafts } from '../collab/localDrafts.ts'
import { onSessionEnded } from './sessionEnd.ts'
import { errorMessage } from '../api/errorMessage.ts'
import { startSession, type InviteError } from './startSession.ts'

export type SessionState =
  | { status: 'starting' }
  | { status: 'failed'; message: string }
  | { status: 'signed-out'; inviteError: InviteError | null; ended?: boolean }
  | { status: 'signed-in'; member: SignedInMember }

export function useSession(): [SessionState, Dispatch<SetStateAction<SessionState>>] {
  const [session, setSession] = useState<SessionState>({ status: 'starting' })

  useEffect(() => {
    startSession().then(
      ({ member, inviteError }) => setSession(member ? { status: 'signed-in', member } : { status: 'signed-out', inviteError }),
      (error: unknown) => setSession({ status: 'failed', message: errorMessage(error) }),
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

  // The secretariat changed the member's role or the workspaces they lead: the shell shows them as they now are.
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

  return [session, setSession]
}
