/** The one way the client talks to the REST API: same-origin JSON, errors as ApiError. */

import { ApiError, ErrorEnvelope } from '../../shared/errors/apiError.ts'

export { ApiError }

/** Dispatched on window when the API answers 401 outside signing in: the session has ended (expired, revoked, signed out elsewhere). */
export const unauthorizedEvent = 'dtg:unauthorized'

/** The ApiError a failed response stands for, from its JSON error body when it has one. */
export async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown
  try {
    body = await response.json()
  } catch {
    // Not JSON (a proxy's error page, say): the status alone has to do.
  }
  const envelope = ErrorEnvelope.safeParse(body)
  if (envelope.success) return new ApiError(response.status, envelope.data.error.code, envelope.data.error.message, envelope.data.error.details)
  return new ApiError(response.status, `http_${response.status}`, response.statusText || `the server answered ${response.status}`)
}

export async function request<T>(method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH', path: string, body?: unknown): Promise<T> {
  let response: Response
  try {
    response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    })
  } catch {
    throw new ApiError(0, 'network_error', 'the server cannot be reached; check your connection')
  }
  if (response.status === 401 && path !== '/api/me' && !path.startsWith('/api/auth/')) window.dispatchEvent(new Event(unauthorizedEvent))
  if (!response.ok) throw await toApiError(response)
  if (response.status === 204) return undefined as T
  return (await response.json()) as T
}
