/** Middleware that names the member behind a request, from a session cookie or a bearer token, or refuses it. */
import { getCookie } from 'hono/cookie'
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { ApiError } from '../../shared/errors/apiError.ts'
import type { Member } from '../../shared/schema/member.ts'
import type { AppEnv } from '../http.ts'
import type { MemberDirectory } from './members.ts'
import { can, type Action, type Subject } from '../../shared/auth/permissions.ts'
import type { Sessions } from './sessions.ts'

export const sessionCookie = 'dtg_session'

function bearerToken(header: string | undefined): string | null {
  const match = header?.match(/^Bearer\s+(\S+)$/i)
  return match ? match[1] : null
}

/**
 * `queryToken`: whether `?token=` is read too. Only the WebSocket upgrade allows it (a browser's WebSocket cannot send
 * headers); on REST a token in the address would land in access logs and histories, so it is refused there.
 */
export function authenticate(
  members: MemberDirectory,
  sessions: Sessions,
  { queryToken = false, freshen }: { queryToken?: boolean; freshen?: () => Promise<void> } = {},
) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const inQuery = c.req.query('token')
    if (inQuery !== undefined && !queryToken) {
      throw new ApiError(401, 'token_in_query', 'tokens are not accepted in the address here; send it as an Authorization: Bearer header')
    }
    const token = bearerToken(c.req.header('authorization')) ?? (queryToken ? (inQuery ?? null) : null)
    const cookie = getCookie(c, sessionCookie)
    if (!token && !cookie) {
      throw new ApiError(
        401,
        'unauthenticated',
        queryToken
          ? 'sign in with your invite link, or pass a token as ?token= or an Authorization: Bearer header'
          : 'sign in with your invite link, or pass a token as an Authorization: Bearer header',
      )
    }
    const session = token ? null : await sessions.authenticate(cookie!)
    const member = token ? await members.authenticateToken(token) : session
    if (!member) {
      throw token
        ? new ApiError(401, 'invalid_token', 'the token is unknown or has been revoked')
        : new ApiError(401, 'session_expired', 'your session has ended; sign in again')
    }
    c.set('member', { id: member.id, name: member.name, role: member.role, delegation: member.delegation, regionalGroup: member.regionalGroup })
    // Answered from memory for every open connection: a session ends by signing out or expiring; a member (and so a
    // token) by revocation, which closes their connections itself.
    c.set('stillSignedIn', () => (session ? sessions.stillOpen(cookie!, session.expiresAt) : true))
    c.set('stillSignedInNow', async () => (token ? await members.authenticateToken(token) : await sessions.authenticate(cookie!)) !== null)
    // The leads another process changed are read again before a request is answered with old ones.
    await freshen?.()
    await next()
  })
}

/** The 403 error for a request the rules refuse. */
export function forbidden(member: Pick<Member, 'role'>, action: Action): ApiError {
  return new ApiError(403, 'forbidden', `your role (${member.role}) may not ${action.replaceAll('.', ' ')} here`)
}

/** Throws the 403 unless the subject may do `action`. */
export function requirePermission(subject: Subject, action: Action): void {
  refuseIfSubmitted(subject, action)
  if (!can(subject, action)) throw forbidden(subject.member, action)
}

/**
 * Refuses with 409 `already_submitted` what the member could do were the document not submitted: the refusal names the
 * reason, not the member's role.
 */
export function refuseIfSubmitted(subject: Subject, action: Action): void {
  if (subject.documentSubmitted && !can(subject, action) && can({ ...subject, documentSubmitted: false }, action)) {
    throw new ApiError(409, 'already_submitted', 'this document has been submitted to the plenary: its text, metadata, revisions, proposals and procedures are closed')
  }
}

/** Refuses the request with 403 unless the signed-in member may do `action` (with `subject` for scoped rules). */
export function allow(action: Action, subject?: (c: Context<AppEnv>) => Subject) {
  return createMiddleware<AppEnv>(async (c, next) => {
    requirePermission(subject ? subject(c) : { member: c.get('member') }, action)
    await next()
  })
}

/**
 * Refuses requests from other sites: a browser sends Origin with every WebSocket upgrade and every
 * cross-origin request, so a page elsewhere cannot act with a member's cookie.
 */
export function sameOrigin(publicUrl: () => string) {
  return createMiddleware<AppEnv>(async (c, next) => {
    const origin = c.req.header('origin')
    const host = c.req.header('host')
    const originHost = origin ? URL.parse(origin)?.host : undefined
    if (origin && originHost !== host && origin !== new URL(publicUrl()).origin) {
      throw new ApiError(403, 'cross_origin', `requests from ${origin} are not accepted`)
    }
    await next()
  })
}
