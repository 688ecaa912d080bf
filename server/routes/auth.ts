/** `/api/auth` and `/api/me`: exchanging an invite for a session, signing out, who am I. */
import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { z } from 'zod'
import { authenticate, sessionCookie } from '../auth/authenticate.ts'
import { isHttps } from '../auth/trustProxy.ts'
import type { MemberDirectory } from '../auth/members.ts'
import type { Sessions } from '../auth/sessions.ts'
import { apiError, readJson, type AppEnv } from '../http.ts'

const InviteExchange = z.object({ token: z.string().min(1, 'token must not be empty').max(256, 'token is too long') })

const inviteErrors = {
  invite_unknown: 'this invite link is not valid; ask the secretariat for a new one',
  invite_used: 'this invite link has been used already; ask the secretariat for a new one',
  invite_expired: 'this invite link has expired; ask the secretariat for a new one',
} as const

export interface AuthRouteDeps {
  members: MemberDirectory
  sessions: Sessions
  sessionTtlMs: number
  /** Proxies whose X-Forwarded-Proto is believed (TRUST_PROXY). */
  trustProxy: readonly string[]
  /** Called after a session ended: the connections opened with it close. */
  onSessionEnded?: () => void
}

export function authRoutes({ members, sessions, sessionTtlMs, trustProxy, onSessionEnded }: AuthRouteDeps) {
  return new Hono<AppEnv>()
    .post('/auth/invite', async (c) => {
      const body = await readJson(c, InviteExchange)
      if (!body.ok) return body.response
      const outcome = sessions.acceptInvite(body.value.token, (id) => members.get(id))
      if ('error' in outcome) return apiError(c, 400, outcome.error, inviteErrors[outcome.error])
      setCookie(c, sessionCookie, outcome.sessionToken, {
        httpOnly: true,
        sameSite: 'Strict',
        secure: isHttps(c, trustProxy),
        path: '/',
        maxAge: Math.floor(sessionTtlMs / 1000),
      })
      return c.json({ member: outcome.member })
    })
    .post('/auth/signout', (c) => {
      const cookie = getCookie(c, sessionCookie)
      if (cookie) {
        sessions.end(cookie)
        onSessionEnded?.()
      }
      deleteCookie(c, sessionCookie, { path: '/' })
      return c.body(null, 204)
    })
    .get('/me', authenticate(members, sessions), (c) => c.json({ member: c.get('member') }))
}
