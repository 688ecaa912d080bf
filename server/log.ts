/**
 * One-line JSON log records on stderr: `time`, `level`, `msg`, the `requestId` of the request being handled, the fields
 * given, and `err` (message, code, stack) for an error. Secrets never reach a line: fields named like a credential are
 * replaced, and bearer tokens, `token=` parameters and invite links are cut out of every string. Quiet below LOG_LEVEL.
 */
import { withSourceLocations } from './ops/stackSources.ts'
import { currentRequestId } from './requestContext.ts'

const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const
type Level = keyof typeof levels

const threshold = levels[(process.env.LOG_LEVEL as Level) ?? 'info'] ?? levels.info

/** Field names whose values are never written. */
const secretField = /token|authorization|cookie|secret|password|invite(link)?$/i
/** Credentials inside a string: `Bearer <token>`, `token=<value>` (query or fragment), `#invite=<value>`. */
const secretInText = /(bearer\s+)[^\s"',;]+|([?&#](?:token|invite)=)[^\s"'&#]+/gi

export function redactText(text: string): string {
  return text.replace(secretInText, (_match, bearer: string | undefined, parameter: string | undefined) => `${bearer ?? parameter}[redacted]`)
}

function serializeError(error: unknown): Record<string, unknown> {
  if (!(error instanceof Error)) return { message: redactText(String(error)) }
  const code = (error as { code?: unknown }).code
  return {
    type: error.name,
    message: redactText(error.message),
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(error.stack ? { stack: redactText(withSourceLocations(error.stack)) } : {}),
    ...(error.cause !== undefined ? { cause: serializeError(error.cause) } : {}),
  }
}

function redact(value: unknown, key: string, depth: number): unknown {
  if (secretField.test(key)) return '[redacted]'
  if (typeof value === 'string') return redactText(value)
  if (value instanceof Error) return serializeError(value)
  if (depth >= 4 || value === null || typeof value !== 'object') return value
  if (Array.isArray(value)) return value.map((item) => redact(item, '', depth + 1))
  return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, redact(inner, name, depth + 1)]))
}

/** The JSON line for a record (exported for tests). */
export function formatRecord(level: Exclude<Level, 'silent'>, msg: string, fields?: Record<string, unknown>, requestId = currentRequestId()): string {
  const record: Record<string, unknown> = { time: new Date().toISOString(), level, msg }
  if (requestId) record.requestId = requestId
  for (const [key, value] of Object.entries(fields ?? {})) {
    if (key === 'error' || key === 'err') record.err = value instanceof Error ? serializeError(value) : redact(value, '', 1)
    else record[key] = redact(value, key, 1)
  }
  return JSON.stringify(record)
}

function write(level: Exclude<Level, 'silent'>, msg: string, fields?: Record<string, unknown>): void {
  if (levels[level] < threshold) return
  process.stderr.write(formatRecord(level, msg, fields) + '\n')
}

export const log = {
  debug: (msg: string, fields?: Record<string, unknown>) => write('debug', msg, fields),
  info: (msg: string, fields?: Record<string, unknown>) => write('info', msg, fields),
  warn: (msg: string, fields?: Record<string, unknown>) => write('warn', msg, fields),
  error: (msg: string, fields?: Record<string, unknown>) => write('error', msg, fields),
}
