/**
 * The operators' endpoints: `GET /readyz` (can this instance serve: its database answers; 503 otherwise) and
 * `GET /metrics` (Prometheus text). Metrics are served with `Authorization: Bearer <METRICS_TOKEN>` when that is set;
 * without it, only to loopback callers that came straight, not through a proxy.
 */
import { timingSafeEqual, createHash } from 'node:crypto'
import { Hono, type Context } from 'hono'
import { ApiError } from '../../shared/errors/apiError.ts'
import { Readiness } from '../../shared/schema/health.ts'
import { clientAddress } from '../auth/trustProxy.ts'
import { reply, type AppEnv } from '../http.ts'
import type { Metrics } from './metrics.ts'
import { checkReadiness, type ReadinessCheck } from './readiness.ts'

export interface OpsDeps {
  metrics: Metrics
  checks: readonly ReadinessCheck[]
  accepting: () => boolean
  readyTimeoutMs: number
  metricsToken: string | null
  trustProxy: readonly string[]
}

const loopback = /^(127\.\d+\.\d+\.\d+|::1)$/

function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => createHash('sha256').update(value).digest()
  return timingSafeEqual(digest(given), digest(expected))
}

/** Throws 401 or 403 unless the caller may read the metrics. */
function allowMetrics(c: Context, { metricsToken, trustProxy }: OpsDeps): void {
  if (metricsToken !== null) {
    const given = c.req.header('authorization')?.match(/^Bearer\s+(\S+)$/i)?.[1]
    if (!given || !sameSecret(given, metricsToken)) throw new ApiError(401, 'metrics_unauthorized', 'metrics need Authorization: Bearer <METRICS_TOKEN>')
    return
  }
  // A request that passed through a proxy is not a local one, whatever address the proxy connects from.
  const proxied = c.req.header('x-forwarded-for') !== undefined || c.req.header('forwarded') !== undefined
  const address = clientAddress(c, trustProxy)
  if (proxied || address === null || !loopback.test(address)) {
    throw new ApiError(403, 'metrics_forbidden', 'metrics are served to this machine only; set METRICS_TOKEN to read them from elsewhere')
  }
}

export function opsRoutes(deps: OpsDeps) {
  return new Hono<AppEnv>()
    .get('/readyz', async (c) => {
      const readiness = await checkReadiness(deps.checks, { accepting: deps.accepting(), timeoutMs: deps.readyTimeoutMs })
      return reply(c, Readiness, readiness, readiness.status === 'ready' ? 200 : 503)
    })
    .get('/metrics', async (c) => {
      allowMetrics(c, deps)
      c.header('content-type', deps.metrics.contentType)
      c.header('cache-control', 'no-store')
      return c.body(await deps.metrics.render())
    })
}
