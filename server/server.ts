/** Starts the whole server on a configuration and stops it cleanly. */
import { serve, type ServerType } from '@hono/node-server'
import type { AddressInfo } from 'node:net'
import { createApp } from './app.ts'
import { MemberDirectory } from './auth/members.ts'
import { CloseCode } from './collab/closeCodes.ts'
import { Rooms } from './collab/rooms.ts'
import type { Config } from './config.ts'
import { log } from './log.ts'
import { openSqlite } from './store/sqlite.ts'
import { SqliteDocumentStore } from './store/sqliteDocuments.ts'

export interface RunningServer {
  port: number
  url: string
  /** Stops accepting, closes connections, stores and compacts every room, closes the database. */
  stop(): Promise<void>
}

export async function startServer(config: Config): Promise<RunningServer> {
  const db = openSqlite(config.dataDir, { synchronous: config.sqliteSynchronous })
  const store = new SqliteDocumentStore(db)
  const members = new MemberDirectory(db)
  const rooms = new Rooms(store, config)
  let accepting = true
  const { app, injectWebSocket, wss } = createApp({ config, rooms, members, accepting: () => accepting })

  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s))
    s.once('error', reject)
  })
  injectWebSocket(server)
  const port = (server.address() as AddressInfo).port

  let stopping: Promise<void> | null = null
  const stop = () => {
    stopping ??= (async () => {
      accepting = false
      server.close()
      for (const client of wss.clients) client.close(CloseCode.goingAway.code, CloseCode.goingAway.reason)
      await rooms.closeAll()
      db.close()
      if ('closeAllConnections' in server) server.closeAllConnections()
      log.info('server.stopped')
    })()
    return stopping
  }
  return { port, url: `http://${config.host}:${port}`, stop }
}
