/**
 * A failure as the interface states it: in the reader's language when its code is one the interface knows (the server
 * cannot be reached, it is restarting...), else in the words the server or the browser gave.
 */
import { ApiError } from '../api/http.ts'
import { t } from '../i18n/i18n.ts'

/** Codes whose meaning does not depend on what was asked: the same sentence fits every form and panel. */
const messageIds: Record<string, string> = {
  network_error: 'app.errorNetwork',
  shutting_down: 'app.errorShuttingDown',
  store_unavailable: 'app.errorStoreUnavailable',
  internal_error: 'app.errorInternal',
  payload_too_large: 'app.errorPayloadTooLarge',
  session_expired: 'app.errorSessionExpired',
}

export function errorText(error: unknown): string {
  if (error instanceof ApiError) {
    const id = messageIds[error.code]
    if (id) return t(id)
  }
  return error instanceof Error ? error.message : String(error)
}
