/** Shared pieces of the HTTP layer: the context variables, the one mapping of thrown errors to responses, payload checks. */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'
import { ApiError, invalidPayload } from '../shared/errors/apiError.ts'
import { RetryLater } from './heavy/retryLater.ts'
import { log } from './log.ts'
import { outcomeUnknown, storeRefusal, storeRetryAfterSeconds } from './store/storeRefusal.ts'
import type { Member } from '../shared/schema/member.ts'
import type { Subject } from '../shared/auth/permissions.ts'
import type { DocumentRecord } from './workspaces/registry.ts'

export interface AppEnv {
  Variables: {
    member: Member
    /** Under /api/documents/:id, the document (set by documentScope) and the member's permission subject on it. */
    document: DocumentRecord
    subject: Subject
    /** Whether the credential this request came with (session or token) still holds, from memory: asked by open connections. */
    stillSignedIn: () => boolean
    /** The same, asked of the database (a revocation made by another process): asked by long-lived streams now and then. */
    stillSignedInNow: () => Promise<boolean>
    /**
     * When the server began handling the request (Date.now(), before authentication and anything else that waits):
     * the time that decides whether an objection came before a silence deadline.
     */
    receivedAt: number
  }
}

/**
 * The response for an error thrown while handling a request, the one place errors become HTTP: an ApiError (domain
 * errors are ApiErrors) as its envelope with its status (and Retry-After when it says when to retry), a store
 * refusing writes as 503 with Retry-After, anything else 500.
 */
export function errorResponse(error: unknown, c: Context) {
  if (error instanceof RetryLater) c.header('retry-after', String(error.retryAfterSeconds))
  if (error instanceof ApiError) return c.json(error.toEnvelope(), error.status as ContentfulStatusCode)
  const refused = storeRefusal(error)
  if (refused) {
    log.warn('store.write_refused', { code: refused, path: c.req.path })
    c.header('retry-after', String(storeRetryAfterSeconds))
    const answer = outcomeUnknown(refused)
      ? new ApiError(503, 'store_unreachable', 'the server lost its connection to its database while handling this request; what it changes may or may not have been stored: reload before trying again')
      : new ApiError(503, 'store_unavailable', 'the server cannot store changes right now (its storage is full or busy); nothing was changed, try again later')
    return c.json(answer.toEnvelope(), 503)
  }
  log.error('http.failed', { method: c.req.method, path: c.req.path, error })
  return c.json(new ApiError(500, 'internal_error', 'the server could not handle this request').toEnvelope(), 500)
}

/**
 * A JSON answer of the shape `schema` (in shared/schema) describes: the schema the client and the integration tests
 * read the answer with types what the route may send.
 */
export function reply<S extends z.ZodType>(c: Context, _schema: S, body: z.output<S>, status: ContentfulStatusCode = 200): Response {
  return c.json(body as Record<string, unknown>, status)
}

/** The 404 for a path no route serves. */
export function noRoute(c: Context) {
  return errorResponse(new ApiError(404, 'not_found', `no route for ${c.req.method} ${c.req.path}`), c)
}

/**
 * The path of the first string in a parsed JSON value that holds the NUL character, or null. JSON allows it (as
 * \u0000), PostgreSQL's text columns do not (and `copy-to-postgres` would stop at the first), and no text a member
 * writes has it.
 */
function nulAt(value: unknown): string | null {
  const stack: Array<[unknown, string]> = [[value, '']]
  while (stack.length > 0) {
    const [item, path] = stack.pop()!
    if (typeof item === 'string') {
      if (item.includes('\0')) return path || '(the body)'
    } else if (Array.isArray(item)) {
      item.forEach((entry, i) => stack.push([entry, `${path}[${i}]`]))
    } else if (item !== null && typeof item === 'object') {
      for (const [key, entry] of Object.entries(item)) {
        if (key.includes('\0')) return `${path}${path ? '.' : ''}(a key)`
        stack.push([entry, path ? `${path}.${key}` : key])
      }
    }
  }
  return null
}

/** Throws ApiError 400 (`invalid_text`, naming the field) when a parsed JSON body holds the NUL character anywhere. */
export function refuseNul(body: unknown): void {
  const nul = nulAt(body)
  if (nul !== null) throw new ApiError(400, 'invalid_text', `${nul} must not contain the NUL character (U+0000)`)
}

/**
 * Reads and checks a JSON body: the parsed value, or throws ApiError 400 (`invalid_json`, `invalid_text`,
 * `invalid_payload`).
 */
export async function parseJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.infer<T>> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    throw new ApiError(400, 'invalid_json', 'the request body must be JSON')
  }
  refuseNul(body)
  const parsed = schema.safeParse(body)
  if (!parsed.success) throw invalidPayload(parsed.error)
  return parsed.data
}
