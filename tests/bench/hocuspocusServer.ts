/**
 * The second reference relay: Hocuspocus with its SQLite extension (Database extension on better-sqlite3) on a file in
 * DATABASE_DIR, on PORT. Run as a child process by the benchmarks (servers.ts); any token is accepted.
 */
import path from 'node:path'
import { SQLite } from '@hocuspocus/extension-sqlite'
import { Server } from '@hocuspocus/server'

const port = Number(process.env.PORT ?? 0)
const databaseDir = process.env.DATABASE_DIR
if (!databaseDir) throw new Error('DATABASE_DIR is required')

const server = new Server({
  address: process.env.HOST ?? '127.0.0.1',
  port,
  quiet: true,
  // SIGTERM stores what is pending and exits 0.
  stopOnSignals: true,
  extensions: [new SQLite({ database: path.join(databaseDir, 'hocuspocus.sqlite') })],
})

await server.listen()
console.log(`hocuspocus listening on port ${server.address.port}`)
