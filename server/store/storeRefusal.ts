/**
 * Whether an error is the store refusing a write for a passing reason (disk full, I/O error, locked, the database server
 * unreachable or restarting): answered 503, not 500.
 */

/** SQLite's result codes (and their extended forms, SQLITE_IOERR_WRITE...) that mean "not now", not "wrong request". */
const sqliteRefusals = ['SQLITE_FULL', 'SQLITE_IOERR', 'SQLITE_BUSY', 'SQLITE_LOCKED', 'SQLITE_READONLY', 'SQLITE_CANTOPEN']

/**
 * PostgreSQL's SQLSTATE classes that mean the same: connection exception (08), insufficient resources (53: disk full,
 * out of memory, too many connections), operator intervention (57: shutdown, restart, query cancelled by a timeout),
 * system error (58); and single codes: serialization failure, deadlock, lock not available.
 */
const postgresClasses = ['08', '53', '57', '58']
const postgresCodes = ['40001', '40P01', '55P03']

/** The socket's codes when the database server cannot be reached. */
const networkCodes = ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH', 'EAI_AGAIN']

/** Errors the PostgreSQL client raises without a code, when a connection is lost, times out or cannot be made. */
const connectionMessages = [
  /^Connection terminated/,
  /^Query read timeout$/,
  /^timeout expired$/,
  /^timeout exceeded when trying to connect$/,
  /^Client has encountered a connection error/,
]

/**
 * Whether a refusal leaves the write's outcome unknown: the connection to the database was lost or stopped answering
 * while the write was under way, and it may have been stored (a COMMIT whose answer never came).
 */
export function outcomeUnknown(code: string): boolean {
  return code === 'connection_lost' || networkCodes.includes(code) || code.startsWith('08') || code.startsWith('57P')
}

/** Seconds a client is told to wait before retrying a write the store refused. */
export const storeRetryAfterSeconds = 30

/** The store's error code when `error` is such a refusal (`connection_lost` for an error without one), else null. */
export function storeRefusal(error: unknown): string | null {
  const code = (error as { code?: unknown } | null)?.code
  if (typeof code === 'string') {
    if (sqliteRefusals.some((refusal) => code === refusal || code.startsWith(`${refusal}_`))) return code
    if (/^[0-9A-Z]{5}$/.test(code) && (postgresClasses.includes(code.slice(0, 2)) || postgresCodes.includes(code))) return code
    if (networkCodes.includes(code)) return code
    return null
  }
  const message = (error as { message?: unknown } | null)?.message
  return typeof message === 'string' && connectionMessages.some((pattern) => pattern.test(message)) ? 'connection_lost' : null
}
