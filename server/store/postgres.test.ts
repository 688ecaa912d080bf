/** The PostgreSQL pool when connections fail: a dropped connection never ends the process, a hung one is replaced. */
import { randomBytes } from 'node:crypto'
import pg from 'pg'
import { afterEach, describe, expect, it } from 'vitest'
import { testDatabaseUrl } from '../../tests/helpers/postgres.ts'
import { sql } from 'kysely'
import { postgresPool, postgresQueryLayer } from './postgres.ts'
import { outcomeUnknown, storeRefusal } from './storeRefusal.ts'

const pools: pg.Pool[] = []

/** A pool whose connections carry a name of their own, so that only they are terminated. */
function namedPool(options: Parameters<typeof postgresPool>[1]): { pool: pg.Pool; name: string } {
  const name = `dtg_pool_test_${randomBytes(4).toString('hex')}`
  const url = new URL(testDatabaseUrl)
  url.searchParams.set('application_name', name)
  const pool = postgresPool(url.toString(), options)
  pools.push(pool)
  return { pool, name }
}

async function terminate(name: string): Promise<number> {
  const admin = new pg.Client({ connectionString: testDatabaseUrl })
  await admin.connect()
  try {
    const result = await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [name])
    return result.rowCount ?? 0
  } finally {
    await admin.end()
  }
}

afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.end().catch(() => {})
})

describe('the PostgreSQL pool', () => {
  it('survives a connection terminated while it is in use: the error is the query’s, and the next query gets a new connection', async () => {
    const { pool, name } = namedPool({ max: 1 })
    const client = await pool.connect()
    const { rows } = await client.query('SELECT pg_backend_pid() AS pid')
    expect(await terminate(name)).toBe(1)
    // The server's notice reaches the client, checked out: without a listener of its own, it would end the process.
    const failed = await client.query('SELECT 1').then(
      () => null,
      (error: Error) => error,
    )
    expect(failed).toBeInstanceOf(Error)
    expect(storeRefusal(failed)).not.toBeNull()
    client.release(failed ?? undefined)
    const after = await pool.query('SELECT pg_backend_pid() AS pid')
    expect(after.rows[0].pid).not.toBe(rows[0].pid)
  })

  it('closes a connection whose server stops answering, so the pool does not hand it out still waiting', async () => {
    const { pool } = namedPool({ max: 1, queryTimeoutMs: 300 })
    // Through the query layer, as the server queries: it gives a connection back to the pool as it found it.
    const db = postgresQueryLayer(pool)
    const pid = async () => (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db)).rows[0].pid
    const before = await pid()
    // The backend process stopped: it answers nothing, as behind a failover that moved the address.
    process.kill(before, 'SIGSTOP')
    let timedOut: Error | null
    try {
      timedOut = await sql`SELECT 1`.execute(db).then(
        () => null,
        (error: Error) => error,
      )
    } finally {
      process.kill(before, 'SIGCONT')
    }
    expect(timedOut?.message).toBe('Query read timeout')
    expect(storeRefusal(timedOut)).toBe('connection_lost')
    // Handed out again, the old connection would still be waiting: a new one answers, from another process.
    expect(await pid()).not.toBe(before)
  })

  it('lets the database cancel a statement that runs too long, its effect known, and keeps the connection', async () => {
    const { pool } = namedPool({ max: 1, queryTimeoutMs: 1000 })
    const db = postgresQueryLayer(pool)
    const cancelled = await sql`SELECT pg_sleep(3)`.execute(db).then(
      () => null,
      (error: Error & { code?: string }) => error,
    )
    expect((cancelled as { code?: string } | null)?.code).toBe('57014')
    expect(storeRefusal(cancelled)).toBe('57014')
    expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(db)).rows[0].one).toBe(1)
  })

  it('waits for a busy connection however long, while opening one has a time limit', async () => {
    const { pool } = namedPool({ max: 1, connectTimeoutMs: 200 })
    const held = await pool.connect()
    const waiting = pool.query('SELECT 1 AS one')
    await new Promise((resolve) => setTimeout(resolve, 500))
    held.release()
    expect((await waiting).rows[0].one).toBe(1)
  })
})

describe('storeRefusal', () => {
  it('takes the passing failures of SQLite, PostgreSQL and the network for refusals, and nothing else', () => {
    for (const code of ['SQLITE_FULL', 'SQLITE_IOERR_WRITE', '57P01', '08006', '53100', '40001', 'ECONNREFUSED']) expect(storeRefusal({ code })).toBe(code)
    expect(storeRefusal(new Error('Connection terminated unexpectedly'))).toBe('connection_lost')
    for (const code of ['SQLITE_CONSTRAINT', '23505', '42P01', 'ERR_INVALID_ARG_TYPE']) expect(storeRefusal({ code })).toBeNull()
    expect(storeRefusal(new Error('boom'))).toBeNull()
    // A lost connection leaves a write's outcome unknown; a full disk or a cancelled statement does not.
    expect(['connection_lost', 'ECONNRESET', '08006', '57P01'].every(outcomeUnknown)).toBe(true)
    expect(['SQLITE_FULL', '53100', '57014', '40001'].some(outcomeUnknown)).toBe(false)
  })
})
