/** The PostgreSQL pool when connections fail: a dropped connection never ends the process, a hung one is replaced. */
import { randomBytes } from 'node:crypto'
import net from 'node:net'
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

/**
 * A TCP proxy to the test database whose connections can be made to go silent: what either side sends is dropped, and
 * neither side is told (no reset, no close), as a network that lost the route.
 */
async function silentProxy(): Promise<{ port: number; silenceOpenConnections(): void; silenceNewConnections(): void; close(): Promise<void> }> {
  const target = new URL(testDatabaseUrl)
  const open = new Set<{ silent: boolean; sockets: net.Socket[] }>()
  let silentFromStart = false
  const server = net.createServer((client) => {
    const link = { silent: silentFromStart, sockets: [client] as net.Socket[] }
    open.add(link)
    const upstream = net.connect(Number(target.port || 5432), target.hostname)
    link.sockets.push(upstream)
    client.on('data', (chunk) => link.silent || upstream.write(chunk))
    upstream.on('data', (chunk) => link.silent || client.write(chunk))
    for (const socket of link.sockets) {
      socket.on('error', () => {})
      socket.on('close', () => {
        for (const other of link.sockets) other.destroy()
        open.delete(link)
      })
    }
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  return {
    port: (server.address() as net.AddressInfo).port,
    silenceOpenConnections: () => open.forEach((link) => (link.silent = true)),
    silenceNewConnections: () => (silentFromStart = true),
    close: async () => {
      for (const link of open) for (const socket of link.sockets) socket.destroy()
      await new Promise((resolve) => server.close(resolve))
    },
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
    const proxy = await silentProxy()
    try {
      const url = new URL(testDatabaseUrl)
      url.host = `127.0.0.1:${proxy.port}`
      const pool = postgresPool(url.toString(), { max: 1, queryTimeoutMs: 300 })
      pools.push(pool)
      // Through the query layer, as the server queries: it gives a connection back to the pool as it found it.
      const db = postgresQueryLayer(pool)
      const pid = async () => (await sql<{ pid: number }>`SELECT pg_backend_pid() AS pid`.execute(db)).rows[0].pid
      const before = await pid()
      // Every connection open now goes silent, as behind a failover that moved the address; new ones still answer.
      proxy.silenceOpenConnections()
      const timedOut = await sql`SELECT 1`.execute(db).then(
        () => null,
        (error: Error) => error,
      )
      expect(timedOut?.message).toBe('Query read timeout')
      expect(storeRefusal(timedOut)).toBe('connection_lost')
      // Handed out again, the old connection would still be waiting: a new one answers, from another backend.
      expect(await pid()).not.toBe(before)
    } finally {
      await proxy.close()
    }
  })

  it('refuses as unreachable a database that accepts connections but never answers them, within the connect time', async () => {
    const proxy = await silentProxy()
    try {
      proxy.silenceNewConnections()
      const url = new URL(testDatabaseUrl)
      url.host = `127.0.0.1:${proxy.port}`
      const pool = postgresPool(url.toString(), { max: 1, connectTimeoutMs: 300, queryTimeoutMs: 1000 })
      pools.push(pool)
      const failed = await sql`SELECT 1`.execute(postgresQueryLayer(pool)).then(
        () => null,
        (error: Error) => error,
      )
      expect(failed).toBeInstanceOf(Error)
      expect(storeRefusal(failed)).toBe('connection_lost')
    } finally {
      await proxy.close()
    }
  })

  it('lets the database cancel a statement that runs too long, its effect known, and keeps the connection', async () => {
    // The database cancels at 2.7 s, well before the client would stop waiting at 3 s.
    const { pool } = namedPool({ max: 1, queryTimeoutMs: 3000 })
    const db = postgresQueryLayer(pool)
    const cancelled = await sql`SELECT pg_sleep(6)`.execute(db).then(
      () => null,
      (error: Error & { code?: string }) => error,
    )
    expect((cancelled as { code?: string } | null)?.code).toBe('57014')
    expect(storeRefusal(cancelled)).toBe('57014')
    expect((await sql<{ one: number }>`SELECT 1 AS one`.execute(db)).rows[0].one).toBe(1)
  })

  it('waits for a busy connection longer than opening one may take', async () => {
    const { pool } = namedPool({ max: 1, connectTimeoutMs: 200, queryTimeoutMs: 2000 })
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
