/** Shared pieces of the HTTP layer: the context variables, the JSON error shape, payload checks. */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'
import { ApiError, errorEnvelope, invalidPayload } from '../shared/errors/apiError.ts'
import { RetryLater } from './heavy/retryLater.ts'
import { log } from './log.ts'
import { storeRefusal, storeRetryAfterSeconds } from './store/storeRefusal.ts'
import type { Member } from '../shared/schema/member.ts'
import type { Subject } from './auth/permissions.ts'
import type { DocumentRecord } from './workspaces/registry.ts'

export interface AppEnv {
  Variables: {
    member: Member
    /** Under /api/documents/:id, the document (set by documentScope) and the member's permission subject on it. */
    document: DocumentRecord
    subject: Subject
    /** Whether the credential this request came with (session or token) still holds: asked by long-lived streams. */
    stillSignedIn: () => boolean
  }
}

export function apiError(c: Context, status: ContentfulStatusCode, code: string, message: string, details?: unknown) {
  return c.json(errorEnvelope(code, message, details), status)
}

/**
 * The response for an error thrown while handling a request: an ApiError as its envelope (with Retry-After when it
 * says when to retry), a store refusing writes as 503 with Retry-After, anything else 500.
 */
export function errorResponse(error: unknown, c: Context) {
  if (error instanceof RetryLater) c.header('retry-after', String(error.retryAfterSeconds))
  if (error instanceof ApiError) return c.json(error.toEnvelope(), error.status as ContentfulStatusCode)
  const refused = storeRefusal(error)
  if (refused) {
    log.warn('store.write_refused', { code: refused, path: c.req.path })
    c.header('retry-after', String(storeRetryAfterSeconds))
    return apiError(c, 503, 'store_unavailable', 'the server cannot store changes right now (its storage is full or busy); nothing was changed, try again later')
  }
  console.error(error)
  return apiError(c, 500, 'internal_error', 'the server could not handle this request')
}

/** Reads and checks a JSON body: the parsed value, or throws ApiError 400 (`invalid_json`, `invalid_payload`). */
export async function parseJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw new ApiError(400, 'invalid_json', 'the request body must be JSON')
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw invalidPayload(parsed.error)
  return parsed.data
}

/** parseJson for routes not yet throwing: the parsed value, or the 400 response naming what is wrong. */
export async function readJson<T extends z.ZodType>(
  c: Context,
  schema: T,
): Promise<{ ok: true; value: z.infer<T> } | { ok: false; response: Response }> {
  try {
    return { ok: true, value: await parseJson(c, schema) }
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, response: errorResponse(error, c) }
    throw error
  }
}
