/** `/api/auth` and `/api/me`: exchanging an invite for a session, signing out, who am I. */
import { Hono } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { z } from 'zod'
import { memberPermissions } from '../../shared/auth/permissions.ts'
import { ApiError } from '../../shared/errors/apiError.ts'
import { ChooseLanguage, SignedIn, type Member } from '../../shared/schema/member.ts'
import { authenticate, sessionCookie } from '../auth/authenticate.ts'
import { isHttps } from '../auth/trustProxy.ts'
import type { MemberDirectory } from '../auth/members.ts'
import type { Sessions } from '../auth/sessions.ts'
import { parseJson, reply, type AppEnv } from '../http.ts'

const InviteExchange = z.object({ token: z.string().min(1, 'token must not be empty').max(256, 'token is too long') })

const inviteErrors = {
  invite_unknown: 'this invite link is not valid; ask the secretariat for a new one',
  invite_used: 'this invite link has been used already; ask the secretariat for a new one',
  invite_expired: 'this invite link has expired; ask the secretariat for a new one',
  invite_replaced: 'this invite link was replaced by a newer one; use the most recent link the secretariat sent you',
} as const

export interface AuthRouteDeps {
  members: MemberDirectory
  sessions: Sessions
  sessionTtlMs: number
  /** Proxies whose X-Forwarded-Proto is believed (TRUST_PROXY). */
  trustProxy: readonly string[]
  /** The address people open (PUBLIC_URL): when it is https, the session cookie is Secure whatever the request says. */
  publicUrl?: () => string
  /** Called after a session ended: the connections opened with it close. */
  onSessionEnded?: (sessionToken: string) => void
}

export function authRoutes({ members, sessions, sessionTtlMs, trustProxy, publicUrl, onSessionEnded }: AuthRouteDeps) {
  const signedIn = async (member: Member): Promise<SignedIn> => ({ member, permissions: memberPermissions(member), language: await members.language(member.id) })
  return new Hono<AppEnv>()
    .post('/auth/invite', async (c) => {
      const { token } = await parseJson(c, InviteExchange)
      const outcome = await sessions.acceptInvite(token)
      if ('error' in outcome) throw new ApiError(400, outcome.error, inviteErrors[outcome.error])
      setCookie(c, sessionCookie, outcome.sessionToken, {
        httpOnly: true,
        sameSite: 'Strict',
        // Behind a proxy that ends TLS and is not listed in TRUST_PROXY, the request looks like plain HTTP; an https
        // public address says how people reach the server all the same.
        secure: isHttps(c, trustProxy) || (publicUrl?.().startsWith('https:') ?? false),
        path: '/',
        maxAge: Math.floor(sessionTtlMs / 1000),
      })
      return reply(c, SignedIn, await signedIn(outcome.member))
    })
    .post('/auth/signout', async (c) => {
      const cookie = getCookie(c, sessionCookie)
      // The connections opened with it close, here and on the other instances, only when there was such a session.
      if (cookie && (await sessions.end(cookie))) onSessionEnded?.(cookie)
      deleteCookie(c, sessionCookie, { path: '/' })
      return c.body(null, 204)
    })
    .get('/me', authenticate(members, sessions), async (c) => reply(c, SignedIn, await signedIn(c.get('member'))))
}

/**
 * `PUT /api/me/language`: the signed-in member's interface language, remembered for them (mounted behind
 * authentication and the write rate limit; a member changes only their own).
 */
export function preferenceRoutes({ members }: { members: MemberDirectory }) {
  return new Hono<AppEnv>().put('/me/language', async (c) => {
    const { language } = await parseJson(c, ChooseLanguage)
    await members.setLanguage(c.get('member').id, language)
    return c.body(null, 204)
  })
}
