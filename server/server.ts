/** Starts the whole server on a configuration and stops it cleanly. */
import { warmUp } from './warmUp.ts'
import { serve, type ServerType } from '@hono/node-server'
import fs from 'node:fs'
import { sql } from 'kysely'
import type { AddressInfo } from 'node:net'
import { createApp } from './app.ts'
import { CloseCode } from '../shared/collab/closeCodes.ts'
import { publicUrlOf, type Config } from './config.ts'
import { log } from './log.ts'
import { recordServerAddress } from './serverAddress.ts'
import { createServices } from './services.ts'
import { ownConnection, startCheckpointer } from './store/checkpointer.ts'
import { openDatabase } from './store/database.ts'
import { databasePath } from './store/sqlite.ts'
import { createDemoIfEmpty, inviteLink } from './workspaces/demo.ts'

/** Free pages (4 KiB) given back at shutdown, at most: 1 GiB, so a stop never takes long. */
const freePagesAtShutdown = 262_144

export interface RunningServer {
  port: number
  url: string
  /** The secretariat's sign-in link when this start created the demo workspace. */
  demoInviteLink: string | null
  /** Stops accepting, closes connections, stores and compacts every room, closes the database. */
  stop(): Promise<void>
}

export async function startServer(config: Config, options: { clientDir?: string | null } = {}): Promise<RunningServer> {
  const database = await openDatabase({
    dataDir: config.dataDir,
    databaseUrl: config.databaseUrl,
    poolSize: config.databasePoolSize,
    connectTimeoutMs: config.databaseConnectTimeoutMs,
    queryTimeoutMs: config.databaseQueryTimeoutMs,
    sqlite: { synchronous: config.sqliteSynchronous, externalCheckpoints: true },
  })
  // SQLite's write-ahead log is checkpointed by the server's connection when short, by a thread of its own when long;
  // PostgreSQL does this itself.
  const checkpointer = database.sqlite ? startCheckpointer(databasePath(config.dataDir), { own: ownConnection(database.sqlite) }) : null
  const services = await createServices(config, database)
  // Deadlines that passed while the server was down are settled before it serves anyone, with the objections received before them.
  await services.procedures.start()
  // Snapshots the retention policy no longer keeps go at start-up, then on a timer.
  services.history.start()
  let accepting = true
  let port = config.port
  const publicUrl = () => publicUrlOf(config, port)
  const clientDir = options.clientDir && fs.existsSync(`${options.clientDir}/index.html`) ? options.clientDir : null
  // The database answers a query on the connection every request uses. A fan-out (Redis) adds its check here.
  const readiness: { name: string; check: () => unknown }[] = [{ name: 'database', check: () => sql`SELECT 1`.execute(database.db) }]
  if (services.cluster.shared) readiness.push({ name: 'redis', check: () => services.cluster.check() })
  const { app, injectWebSocket, wss } = createApp({ config, services, clientDir, publicUrl, accepting: () => accepting, readiness })
  warmUp(app)

  const server: ServerType = await new Promise((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s))
    s.once('error', reject)
  })
  // Idle keep-alive connections stay open longer than a load balancer's usual idle timeout (60 s), so the server is not
  // the side that closes a connection a client is about to reuse (the client's request would then fail).
  const http1 = server as import('node:http').Server
  http1.keepAliveTimeout = 65_000
  http1.headersTimeout = 66_000
  injectWebSocket(server)
  port = (server.address() as AddressInfo).port
  recordServerAddress(config.dataDir, publicUrl())

  const demo = await createDemoIfEmpty({ ...services, year: new Date().getFullYear() })
  const pruneSessions = setInterval(() => services.sessions.pruneExpired().catch((error) => log.error('sessions.prune_failed', { error })), 3_600_000)
  // Revocations made from the admin CLI (another process) close the member's connections here too, and a
  // session that ended (signed out, expired) closes the connections opened with it.
  const sweepRevoked = setInterval(async () => {
    try {
      for (const memberId of await services.members.revokedAmong(services.rooms.connectedMemberIds())) {
        services.rooms.closeMember(memberId, CloseCode.memberRevoked)
      }
      // Then connections whose own session ended: signed out in another tab, or expired.
      services.rooms.closeSignedOut(CloseCode.signedOut)
    } catch (error) {
      log.error('members.revocation_sweep_failed', { error })
    }
  }, config.revocationSweepMs)
  sweepRevoked.unref()
  pruneSessions.unref()

  let stopping: Promise<void> | null = null
  const stop = () => {
    stopping ??= (async () => {
      accepting = false
      services.procedures.stop()
      clearInterval(pruneSessions)
      clearInterval(sweepRevoked)
      server.close()
      for (const client of wss.clients) client.close(CloseCode.goingAway.code, CloseCode.goingAway.reason)
      // Before the rooms unload: the snapshots due are read from the loaded documents.
      await services.history.stop()
      await services.rooms.closeAll()
      await services.cluster.close()
      await services.pool.close()
      await checkpointer?.stop()
      try {
        await database.releaseFreePages(freePagesAtShutdown)
      } catch (error) {
        log.warn('store.free_pages_not_released', { error })
      }
      database.sqlite?.pragma('wal_checkpoint(TRUNCATE)')
      await database.close()
      if ('closeAllConnections' in server) server.closeAllConnections()
      log.info('server.stopped')
    })()
    return stopping
  }
  return {
    port,
    url: `http://${config.host}:${port}`,
    demoInviteLink: demo ? inviteLink(publicUrl(), demo.inviteToken) : null,
    stop,
  }
}
