/** One-line JSON log records on stderr; quiet unless LOG_LEVEL asks for more. */
const levels = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 } as const
type Level = keyof typeof levels

const threshold = levels[(process.env.LOG_LEVEL as Level) ?? 'info'] ?? levels.info

function write(level: Exclude<Level, 'silent'>, event: string, fields?: Record<string, unknown>): void {
  if (levels[level] < threshold) return
  const record: Record<string, unknown> = { time: new Date().toISOString(), level, event, ...fields }
  if (fields?.error instanceof Error) record.error = fields.error.message
  process.stderr.write(JSON.stringify(record) + '\n')
}

export const log = {
  debug: (event: string, fields?: Record<string, unknown>) => write('debug', event, fields),
  info: (event: string, fields?: Record<string, unknown>) => write('info', event, fields),
  warn: (event: string, fields?: Record<string, unknown>) => write('warn', event, fields),
  error: (event: string, fields?: Record<string, unknown>) => write('error', event, fields),
}
