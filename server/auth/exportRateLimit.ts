/** Middleware: each member may ask for so many exports (documents, redlines, compilations) a minute; past that, 429 with Retry-After. */
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { RetryLater } from '../heavy/retryLater.ts'
import type { AppEnv } from '../http.ts'
import type { MemberRateLimit } from '../cluster/cluster.ts'
import { MemberRate } from './memberRate.ts'

/**
 * One rate per member, shared by every route it guards. `limit(isExport)` guards a route; `isExport` says which of its
 * requests count (a route serving both JSON and files counts only its files), all by default.
 */
export function exportRateLimit({ perMinute, burst, rate = MemberRate.limit(perMinute, burst) }: { perMinute: number; burst: number; rate?: MemberRateLimit }) {
  const limit = (isExport: (c: Context<AppEnv>) => boolean = () => true) =>
    createMiddleware<AppEnv>(async (c, next) => {
      if (!isExport(c)) return next()
      const retryAfter = await rate.take(c.get('member').id)
      if (retryAfter !== null) {
        throw new RetryLater(429, 'export_rate_limited', `too many exports in a short time: at most ${perMinute} a minute; try again shortly`, retryAfter)
      }
      await next()
    })
  return limit
}
