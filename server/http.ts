/** Shared pieces of the HTTP layer: the context variables and the JSON error shape. */
import type { Context } from 'hono'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import type { Member } from '../shared/schema/member.ts'

export interface AppEnv {
  Variables: { member: Member }
}

export function apiError(c: Context, status: ContentfulStatusCode, code: string, message: string, details?: unknown) {
  return c.json({ error: { code, message, ...(details === undefined ? {} : { details }) } }, status)
}
