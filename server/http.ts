/** Shared pieces of the HTTP layer: the context variables, the JSON error shape, payload checks. */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { z } from 'zod'
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
  return c.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, status)
}

/** Reads and checks a JSON body: the parsed value, or the 400 response naming what is wrong. */
export async function readJson<T extends z.ZodType>(
  c: Context,
  schema: T,
): Promise<{ ok: true; value: z.infer<T> } | { ok: false; response: Response }> {
  let body: unknown
  try {
    body = await c.req.json()
  } catch {
    return { ok: false, response: apiError(c, 400, 'invalid_json', 'the request body must be JSON') }
  }
  const parsed = schema.safeParse(body)
  if (!parsed.success) {
    const details = parsed.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
    const summary = details.map((d) => (d.path ? `${d.path}: ${d.message}` : d.message)).join('; ')
    return { ok: false, response: apiError(c, 400, 'invalid_payload', summary, details) }
  }
  return { ok: true, value: parsed.data }
}
