/** Whether an error is the store refusing a write for a passing reason (disk full, I/O error, locked): answered 503, not 500. */

/** SQLite's result codes (and their extended forms, SQLITE_IOERR_WRITE...) that mean "not now", not "wrong request". */
const refusals = ['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_READONLY', 'SQLITE_CANTOPEN']

/** Seconds a client is told to wait before retrying a write the store refused. */
export const storeRetryAfterSeconds = 30

/** The store's error code when `error` is such a refusal, else null. */
export function storeRefusal(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code !== 'string') return null
  return refusals.some((refusal) => code === refusal || code.startsWith(`${refusal}_`)) ? code : null
}
