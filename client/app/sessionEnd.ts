/** Notices that the member's session ended while a page is open (access revoked, signed out elsewhere, expired) and tells the shell. */
import { fetchMe } from '../api/auth.ts'
import { unauthorizedEvent } from '../api/http.ts'

const sessionEnded = 'dtg:session-ended'

/** Calls `listener` when the session is found to have ended, by a closed socket or an API call answered 401. */
export function onSessionEnded(listener: () => void): () => void {
  window.addEventListener(sessionEnded, listener)
  window.addEventListener(unauthorizedEvent, listener)
  return () => {
    window.removeEventListener(sessionEnded, listener)
    window.removeEventListener(unauthorizedEvent, listener)
  }
}

/** Asks the server whether the session still holds, and tells the shell when it does not. A network failure proves nothing. */
export async function confirmSession(): Promise<void> {
  try {
    if ((await fetchMe()) === null) window.dispatchEvent(new Event(sessionEnded))
  } catch {
    // Offline or the server is restarting: the session may well be fine.
  }
}
