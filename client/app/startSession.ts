/** Signs in on page load: spends an invite from the link's fragment if there is one, then asks who we are. */
import { exchangeInvite, fetchMe } from '../api/auth.ts'
import { ApiError } from '../api/http.ts'
import type { SignedInMember } from '../api/types.ts'
import { clearLocalDrafts } from '../collab/localDrafts.ts'
import { inviteTokenFromHash } from './inviteToken.ts'

export interface SessionStart {
  member: SignedInMember | null
  /** Why the invite in the link could not be used, when there was one. */
  inviteError: string | null
}

const inviteMessages: Record<string, string> = {
  invite_used: 'This invite link has already been used. Each link signs in once; ask the secretariat for a new one.',
  invite_expired: 'This invite link has expired. Ask the secretariat for a new one.',
  invite_unknown: 'This invite link is not valid. Check that you copied all of it, or ask the secretariat for a new one.',
}

function inviteErrorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return 'The server cannot be reached, so the invite link was not used. Try again when you are online.'
    return inviteMessages[error.code] ?? `This invite link cannot be used: ${error.message}. It may have been used already or have expired.`
  }
  return 'This invite link could not be used. Try again, or ask the secretariat for a new one.'
}

function clearFragment(): void {
  window.history.replaceState(null, '', `${window.location.pathname}${window.location.search}#/`)
  window.dispatchEvent(new HashChangeEvent('hashchange'))
}

async function start(): Promise<SessionStart> {
  const token = inviteTokenFromHash(window.location.hash)
  let inviteError: string | null = null
  if (token) {
    try {
      const member = await exchangeInvite(token)
      // Drafts kept in this browser belong to the session that wrote them, never to the next one to sign in here.
      void clearLocalDrafts()
      return { member, inviteError: null }
    } catch (error) {
      inviteError = inviteErrorMessage(error)
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
