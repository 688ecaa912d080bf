/** Middleware: each member may ask for so many exports (documents, redlines, compilations) a minute; past that, 429 with Retry-After. */
import { createMiddleware } from 'hono/factory'
import { TokenBucket } from '../collab/rateLimit.ts'
import { apiError, type AppEnv } from '../http.ts'

export function exportRateLimit({ perMinute, burst }: { perMinute: number; burst: number }) {
  const buckets = new Map<number, TokenBucket>()
  return createMiddleware<AppEnv>(async (c, next) => {
    if (perMinute === 0) return next()
    const memberId = c.get('member').id
    let bucket = buckets.get(memberId)
    if (!bucket) {
      // Members are few (hundreds); the map is cleared rather than grown past any sensible size.
      if (buckets.size > 10_000) buckets.clear()
      buckets.set(memberId, (bucket = new TokenBucket(perMinute / 60, burst)))
    }
    if (!bucket.take()) {
      c.header('retry-after', String(Math.max(1, Math.ceil(bucket.msUntilNext() / 1000))))
      return apiError(c, 429, 'export_rate_limited', `too many exports in a short time: at most ${perMinute} a minute; try again shortly`)
    }
    await next()
  })
}
