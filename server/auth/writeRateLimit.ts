/** Middleware: each member may make so many changing requests (POST, PUT, PATCH, DELETE) a minute; past that, 429. */
import { createMiddleware } from 'hono/factory'
import { TokenBucket } from '../collab/rateLimit.ts'
import { ApiError } from '../../shared/errors/apiError.ts'
import type { AppEnv } from '../http.ts'

const reading = new Set(['GET', 'HEAD', 'OPTIONS'])

export function writeRateLimit({ perMinute, burst }: { perMinute: number; burst: number }) {
  const buckets = new Map<number, TokenBucket>()
  return createMiddleware<AppEnv>(async (c, next) => {
    if (perMinute === 0 || reading.has(c.req.method)) return next()
    const memberId = c.get('member').id
    let bucket = buckets.get(memberId)
    if (!bucket) {
      // Members are few (hundreds); the map is cleared rather than grown past any sensible size.
      if (buckets.size > 10_000) buckets.clear()
      buckets.set(memberId, (bucket = new TokenBucket(perMinute / 60, burst)))
    }
    if (!bucket.take()) {
      c.header('retry-after', String(Math.max(1, Math.ceil(bucket.msUntilNext() / 1000))))
      throw new ApiError(429, 'rate_limited', `too many changes in a short time: at most ${perMinute} a minute; try again shortly`)
    }
    await next()
  })
}
