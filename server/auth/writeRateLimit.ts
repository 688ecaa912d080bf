/** Middleware: each member may make so many changing requests (POST, PUT, PATCH, DELETE) a minute; past that, 429 with Retry-After. */
import { createMiddleware } from 'hono/factory'
import { RetryLater } from '../heavy/retryLater.ts'
import type { AppEnv } from '../http.ts'
import type { MemberRateLimit } from '../cluster/cluster.ts'
import { MemberRate } from './memberRate.ts'

const reading = new Set(['GET', 'HEAD', 'OPTIONS'])

/** `rate` counts where every instance sees it (REDIS_URL); by default, in this process. */
export function writeRateLimit({ perMinute, burst, rate = MemberRate.limit(perMinute, burst) }: { perMinute: number; burst: number; rate?: MemberRateLimit }) {
  return createMiddleware<AppEnv>(async (c, next) => {
    if (reading.has(c.req.method)) return next()
    const retryAfter = await rate.take(c.get('member').id)
    if (retryAfter !== null) {
      throw new RetryLater(429, 'rate_limited', `too many changes in a short time: at most ${perMinute} a minute; try again shortly`, retryAfter)
    }
    await next()
  })
}
