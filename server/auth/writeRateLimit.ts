/** Middleware: each member may make so many changing requests (POST, PUT, PATCH, DELETE) a minute; past that, 429 with Retry-After. */
import { createMiddleware } from 'hono/factory'
import { RetryLater } from '../heavy/retryLater.ts'
import type { AppEnv } from '../http.ts'
import { MemberRate } from './memberRate.ts'

const reading = new Set(['GET', 'HEAD', 'OPTIONS'])

export function writeRateLimit({ perMinute, burst }: { perMinute: number; burst: number }) {
  const rate = new MemberRate(perMinute, burst)
  return createMiddleware<AppEnv>(async (c, next) => {
    if (reading.has(c.req.method)) return next()
    const retryAfter = rate.take(c.get('member').id)
    if (retryAfter !== null) {
      throw new RetryLater(429, 'rate_limited', `too many changes in a short time: at most ${perMinute} a minute; try again shortly`, retryAfter)
    }
    await next()
  })
}
