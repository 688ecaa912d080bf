/** Signs in on page load: spends an invite from the link's fragment if there is one, then asks who we are. */
import { exchangeInvite, fetchMe } from '../api/auth.ts'
import type { SignedInMember } from '../api/types.ts'
import { clearLocalDrafts } from '../collab/localDrafts.ts'
import { inviteTokenFromHash } from './inviteToken.ts'

/**
 * Why the invite in the link could not be used: the server's refusal (`invite_used`, `invite_expired`...), the server
 * out of reach, or another failure. The sign-in page states it with errorMessage, in the reader's language.
 */
export interface InviteError {
  failure: unknown
}

export interface SessionStart {
  member: SignedInMember | null
  /** Why the invite in the link could not be used, when there was one. */
  inviteError: InviteError | null
}

function clearFragment(): void {
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`)
  window.dispatchEvent(new HashChangeEvent('hashchange'))
}

async function start(): Promise<SessionStart> {
  const token = inviteTokenFromHash(window.location.hash)
  let inviteError: InviteError | null = null
  if (token) {
    try {
      const member = await exchangeInvite(token)
      // Drafts kept in this browser belong to the session that wrote them, never to the next one to sign in here.
      void clearLocalDrafts()
      return { member, inviteError: null }
    } catch (error) {
      inviteError = { failure: error }
    } finally {
      clearFragment()
    }
  }
  return { member: await fetchMe(), inviteError }
}

let started: Promise<SessionStart> | null = null

/** Runs once per page load, however often it is called. */
export function startSession(): Promise<SessionStart> {
  started ??= start()
  return started
}
