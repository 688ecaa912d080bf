/**
 * Every HTTP request gets an id (the caller's `X-Request-Id` when it is a plain token, else a new one), echoed in the
 * answer and carried by every log line written while handling it; its duration goes to the metrics by route pattern,
 * and one log line records it (method, route, path without the query, status, ms). Probes log at debug only.
 */
import { randomUUID } from 'node:crypto'
import type { MiddlewareHandler } from 'hono'
import { log } from '../log.ts'
import { withRequest } from '../requestContext.ts'
import type { Metrics } from './metrics.ts'

const acceptedId = /^[A-Za-z0-9._:-]{1,64}$/
const probes = new Set(['/healthz', '/readyz', '/metrics'])

export function requestLog(metrics: Metrics): MiddlewareHandler {
  return async (c, next) => {
    const given = c.req.header('x-request-id')
    const requestId = given && acceptedId.test(given) ? given : randomUUID()
    const started = performance.now()
    await withRequest({ requestId }, async () => {
      await next()
      // Upgraded WebSocket answers have immutable headers.
      try {
        c.res.headers.set('x-request-id', requestId)
      } catch {
        // The id is still in the log line.
      }
      const seconds = (performance.now() - started) / 1000
      // The pattern of the route that answered (`/api/documents/:id`): ids in paths make no new series.
      const route = c.req.routePath || 'unmatched'
      const status = c.res.status
      metrics.request(c.req.method, route, status, seconds)
      const fields = { method: c.req.method, route, path: c.req.path, status, ms: Math.round(seconds * 1000) }
      if (probes.has(c.req.path)) log.debug('http.request', fields)
      else log.info('http.request', fields)
    })
  }
}
