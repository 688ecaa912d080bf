/** Middleware: each member may ask for so many exports (documents, redlines, compilations) a minute; past that, 429 with Retry-After. */
import type { Context } from 'hono'
import { createMiddleware } from 'hono/factory'
import { TokenBucket } from '../collab/rateLimit.ts'
import { RetryLater } from '../heavy/retryLater.ts'
import type { AppEnv } from '../http.ts'

/**
 * One rate per member, shared by every route it guards. `limit(isExport)` guards a route; `isExport` says which of its
 * requests count (a route serving both JSON and files counts only its files), all by default.
 */
export function exportRateLimit({ perMinute, burst }: { perMinute: number; burst: number }) {
  const buckets = new Map<number, TokenBucket>()
  const limit = (isExport: (c: Context<AppEnv>) => boolean = () => true) =>
    createMiddleware<AppEnv>(async (c, next) => {
      if (perMinute === 0 || !isExport(c)) return next()
      const memberId = c.get('member').id
      let bucket = buckets.get(memberId)
      if (!bucket) {
        // Members are few (hundreds); the map is cleared rather than grown past any sensible size.
        if (buckets.size > 10_000) buckets.clear()
        buckets.set(memberId, (bucket = new TokenBucket(perMinute / 60, burst)))
      }
      if (!bucket.take()) {
        const retryAfter = Math.max(1, Math.ceil(bucket.msUntilNext() / 1000))
        throw new RetryLater(429, 'export_rate_limited', `too many exports in a short time: at most ${perMinute} a minute; try again shortly`, retryAfter)
      }
      await next()
    })
  return limit
}
