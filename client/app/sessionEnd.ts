/** Notices that the member's session ended while a page is open (access revoked, signed out elsewhere, expired) and tells the shell. */
import { fetchMe } from '../api/auth.ts'

const sessionEnded = 'dtg:session-ended'

export function onSessionEnded(listener: () => void): () => void {
  window.addEventListener(sessionEnded, listener)
  return () => window.removeEventListener(sessionEnded, listener)
}

/** Asks the server whether the session still holds, and tells the shell when it does not. A network failure proves nothing. */
export async function confirmSession(): Promise<void> {
  try {
    if ((await fetchMe()) === null) window.dispatchEvent(new Event(sessionEnded))
  } catch {
    // Offline or the server is restarting: the session may well be fine.
  }
}
