/** Middleware that names the member behind a request, from a bearer token, or refuses it with 401. */
import { createMiddleware } from 'hono/factory'
import { apiError, type AppEnv } from '../http.ts'
import type { MemberDirectory } from './members.ts'

function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)$/i)
  return match ? match[1] : null
}

export function authenticate(members: MemberDirectory) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const token = bearerToken(c.req.header('authorization')) ?? c.req.query('token') ?? null
    if (!token) return apiError(c, 401, 'unauthenticated', 'sign in, or pass a token as ?token= or an Authorization: Bearer header')
    const member = members.authenticateToken(token)
    if (!member) return apiError(c, 401, 'invalid_token', 'the token is unknown or has been revoked')
    c.set('member', member)
    await next()
  })
}
