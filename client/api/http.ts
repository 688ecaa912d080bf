/** The one way the client talks to the REST API: same-origin JSON read with the route's shared schema, errors as ApiError. */
import type { z } from 'zod'
import { ApiError, ErrorEnvelope } from '../../shared/errors/apiError.ts'

export { ApiError }
/** The sentence a failed request shows to people, in the interface language (client/api/errorMessage.ts). */
export { errorMessage } from './errorMessage.ts'

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

/**
 * The answer as `schema` (the route's, from shared/schema) reads it. An answer the schema does not accept is an ApiError
 * (`unexpected_response`, naming each field): client and server ship together, so it is a bug to see at once, never
 * data to cast and carry on with.
 */
export function checkedAnswer<S extends z.ZodType>(schema: S, path: string, json: unknown): z.output<S> {
  const parsed = schema.safeParse(json)
  if (parsed.success) return parsed.data
  const fields = parsed.error.issues.map((issue) => `${issue.path.join('.') || '(answer)'}: ${issue.message}`).join('; ')
  throw new ApiError(0, 'unexpected_response', `the server's answer to ${path} is not what this page expects (${fields})`, parsed.error.issues)
}

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'

/** A request whose answer has no body (204). */
export async function send(method: Method, path: string, body?: unknown): Promise<void> {
  await call(method, path, body)
}

export async function request<S extends z.ZodType>(method: Method, path: string, schema: S, body?: unknown): Promise<z.output<S>> {
  const response = await call(method, path, body)
  return checkedAnswer(schema, path, await response.json())
}

/** The response to a request that succeeded; a failure (network, or any status but 2xx) as ApiError. */
export async function call(method: Method, path: string, body?: unknown): Promise<Response> {
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
  return response
}
