/**
 * Readiness: each dependency the server cannot serve without (the database; later the fan-out) is checked with a time
 * limit. The answer names each check and a short error code; the full error goes to the log, never to the caller.
 */
import type { Readiness } from '../../shared/schema/health.ts'
import { log } from '../log.ts'

export interface ReadinessCheck {
  name: string
  /** Resolves when the dependency answers; throws (or rejects) when it does not. */
  check: () => unknown
}

class TimedOut extends Error {
  readonly code = 'timed_out'
}

function within<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimedOut(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer))
}

/** A short, secret-free code for a failed check: the driver's error code (SQLITE_CANTOPEN, ECONNREFUSED...) or `failed`. */
function errorCode(error: unknown): string {
  const code = (error as { code?: unknown } | null)?.code
  return typeof code === 'string' && /^[A-Za-z0-9_]{1,64}$/.test(code) ? code : 'failed'
}

export async function checkReadiness(checks: readonly ReadinessCheck[], options: { accepting: boolean; timeoutMs: number }): Promise<Readiness> {
  const results = await Promise.all(
    checks.map(async ({ name, check }) => {
      const started = performance.now()
      try {
        await within(Promise.resolve().then(check), options.timeoutMs)
        return { name, ok: true, ms: Math.round(performance.now() - started) }
      } catch (error) {
        log.warn('ready.check_failed', { check: name, error })
        return { name, ok: false, ms: Math.round(performance.now() - started), error: errorCode(error) }
      }
    }),
  )
  const status = !options.accepting ? 'shutting_down' : results.every((result) => result.ok) ? 'ready' : 'not_ready'
  return { status, checks: results }
}
