/** The PostgreSQL side of the query layer (server/store/database.ts): a pg pool and Kysely's dialect over it. */
import { Kysely, PostgresDialect } from 'kysely'
import pg from 'pg'
import { log } from '../log.ts'
import type { Db } from './database.ts'
import type { Database } from './schema.ts'

/** BIGINT, NUMERIC (sums) as numbers: every id, time and count here is far below 2^53. */
const numberTypes = new Set([20, 1700])

export function postgresPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({
    connectionString: url,
    max,
    types: {
      getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
        numberTypes.has(oid) ? (value: string) => Number(value) : pg.types.getTypeParser(oid, format)) as typeof pg.types.getTypeParser,
    },
  })
  // An idle connection the server dropped (a restart, a failover) is replaced on next use; it must not end the process.
  pool.on('error', (error) => log.warn('database.connection_lost', { error }))
  return pool
}

export function postgresQueryLayer(pool: pg.Pool): Db {
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
}
