/** The PostgreSQL side of the query layer (server/store/database.ts): a pg pool and Kysely's dialect over it. */
import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely'
import pg from 'pg'
import { log } from '../log.ts'
import type { Db } from './database.ts'
import type { Database } from './schema.ts'

/** BIGINT, NUMERIC (sums) as numbers: every id, time and count here is far below 2^53. */
const numberTypes = new Set([20, 1700])

export interface PostgresPoolOptions {
  /** Connections opened at most. */
  max?: number
  /** How long opening a connection may take before it fails (ms). */
  connectTimeoutMs?: number
  /**
   * How long a query may wait for its answer before it fails and its connection is closed (ms); 0 for no limit (the
   * admin CLI: a migration may take long). A connection whose server went away without a word (a failover behind a
   * moved address) otherwise holds every write queued behind it until the kernel gives up, about 15 minutes.
   */
  queryTimeoutMs?: number
}

export function postgresPool(url: string, options: PostgresPoolOptions = {}): pg.Pool {
  const { max = 10, connectTimeoutMs = 10_000, queryTimeoutMs = 0 } = options
  // How long opening a connection may take is set on each connection: the pool's own `connectionTimeoutMillis` (below)
  // is how long a request waits for one, which a busy pool must allow to be longer.
  class Connection extends pg.Client {
    constructor(config?: pg.ClientConfig) {
      super({ ...config, connectionTimeoutMillis: connectTimeoutMs })
    }
  }
  const pool = new pg.Pool({
    connectionString: url,
    max,
    Client: Connection,
    // A request waits for a connection as long as a busy one may take to be given back (its query's limit), and one
    // being opened: past that, the database is unreachable rather than busy. No limit when queries have none.
    connectionTimeoutMillis: queryTimeoutMs > 0 ? queryTimeoutMs + connectTimeoutMs : 0,
    // The database cancels (and rolls back) a statement a little before the client stops waiting for it, so that a
    // query that ran long fails with the database's own error, its effect known: the client's limit is left for a
    // connection whose server no longer answers at all.
    ...(queryTimeoutMs > 0 ? { query_timeout: queryTimeoutMs, statement_timeout: Math.max(1, queryTimeoutMs - Math.min(1000, queryTimeoutMs / 10)) } : {}),
    keepAlive: true,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        numberTypes.has(oid) ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  })
  // An idle connection the server dropped (a restart, a failover) is replaced on next use; it must not end the process.
  pool.on('error', (error) => log.warn('database.connection_lost', { error }))
  pool.on('connect', (client) => {
    // A connection in use when the server drops it reports the error on itself (its query fails on its own): without a
    // listener there, the error would end the process.
    client.on('error', (error) => log.warn('database.connection_lost', { error, inUse: true }))
  })
  return pool
}

/**
 * The pool as the query layer takes connections from it: a connection whose query timed out is given back broken, so
 * that the pool closes and replaces it rather than hand out a connection still waiting for an answer.
 */
function closingTimedOut(pool: pg.Pool): PostgresPool {
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect()
      let broken: Error | undefined
      return {
        query: ((...args: Parameters<pg.PoolClient['query']>) => {
          const result = (client.query as (...a: unknown[]) => unknown)(...args)
          if (result instanceof Promise) {
            result.catch((error: unknown) => {
              if ((error as Error | null)?.message !== 'Query read timeout') return
              broken = error as Error
              log.warn('database.query_timed_out', { note: 'the connection is closed and replaced' })
            })
          }
          return result
        }) as PostgresPoolClient['query'],
        // Kysely asks to discard a connection whose transaction could not be rolled back.
        release: (discard?: boolean) => client.release(broken ?? (discard ? new Error('discarded by the query layer') : undefined)),
      }
    },
    end: () => pool.end(),
  }
}

export function postgresQueryLayer(pool: pg.Pool): Db {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool: closingTimedOut(pool) }) })
}
