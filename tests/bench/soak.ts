/**
 * Soak: 100 real clients edit one document for 10 minutes (60 s with BENCH_QUICK), dropping and restoring their
 * connections at random and editing on while offline, and the server is killed with SIGKILL three times (once) along
 * the way. After each kill, before the server is back, the store is read directly: every edit any client has received
 * from the server (relayed, hence stored first) must be in it. At the end every client must converge on one document,
 * and the store must hold exactly that document.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { openSqlite } from '../../server/store/sqlite.ts'
import { SqliteDocumentStore } from '../../server/store/sqliteDocuments.ts'
import { freePort, prepareDataDir, removeTempDir, repoRoot, startOurServer, type BenchServer } from './servers.ts'
import { int, met, type Row } from './table.ts'
import { textName } from './trace.ts'
import { connectProvider, sleep, waitUntil } from './wire.ts'

const quick = process.env.BENCH_QUICK === '1'

export const soakConfig = {
  clients: Number(process.env.SOAK_CLIENTS ?? 100),
  durationMs: Number(process.env.SOAK_MS ?? (quick ? 60_000 : 10 * 60_000)),
  kills: quick ? 1 : 3,
  /** Each client edits every 1-3 s, on average every 2 s: about 50 edits/s for 100 clients. */
  editEveryMs: [1000, 3000] as const,
  /** Every tick, each connected client drops its connection with this probability, for 0.2-4 s. */
  disconnectTickMs: 500,
  disconnectChance: 0.01,
  offlineMs: [200, 4000] as const,
  convergeTimeoutMs: 120_000,
}

const artifact = path.join(repoRoot, 'test-artifacts/bench/soak.json')
const documentId = 'soak'
const log = (message: string) => console.log(`[bench] ${message}`)
const between = ([low, high]: readonly [number, number]) => low + Math.random() * (high - low)

interface SoakClient {
  doc: Y.Doc
  provider: WebsocketProvider
  edits: number
  offlineUntil: number
}

/**
 * Everything clients received from the server, merged into one document: relayed updates and sync answers. The server
 * sends neither before the content is stored, so all of it must be in the store at any time.
 */
class Witness {
  readonly doc = new Y.Doc()
  private readonly seen = new Set<string>()

  receive(update: Uint8Array): void {
    // The same update reaches every connected client; it is merged once.
    const key = Buffer.from(update).toString('latin1')
    if (this.seen.has(key)) return
    this.seen.add(key)
    Y.applyUpdate(this.doc, update)
  }

  /** What `stored` lacks of what was received: structs past its state vector, deletions it does not have. */
  missingFrom(stored: Y.Doc): string[] {
    const problems: string[] = []
    const have = Y.decodeStateVector(Y.encodeStateVector(stored))
    for (const [client, clock] of Y.decodeStateVector(Y.encodeStateVector(this.doc))) {
      const stored = have.get(client) ?? 0
      if (stored < clock) problems.push(`client ${client}: received up to clock ${clock}, stored up to ${stored}`)
    }
    const storedDeletions = Y.createDeleteSetFromStructStore(stored.store)
    for (const [client, ranges] of Y.createDeleteSetFromStructStore(this.doc.store).clients) {
      for (const { clock, len } of ranges) {
        for (const at of [clock, clock + len - 1]) {
          if (!Y.isDeleted(storedDeletions, new Y.ID(client, at))) problems.push(`client ${client}: deletion of clock ${at} was received but is not stored`)
        }
      }
    }
    return problems
  }
}

/** The document as the store holds it; call it while the server is down. */
async function readStore(dataDir: string): Promise<Y.Doc> {
  const db = openSqlite(dataDir)
  try {
    const stored = await new SqliteDocumentStore(db).load(documentId)
    const doc = new Y.Doc()
    if (stored.state) Y.applyUpdate(doc, stored.state)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
    return doc
  } finally {
    db.close()
  }
}

const sameStateVector = (a: Y.Doc, b: Y.Doc) => Buffer.compare(Buffer.from(Y.encodeStateVector(a)), Buffer.from(Y.encodeStateVector(b))) === 0

export interface SoakResult {
  clients: number
  durationMs: number
  edits: number
  disconnects: number
  kills: Array<{ atMs: number; checked: number; problems: string[]; restartMs: number }>
  converged: boolean
  convergeMs: number
  finalCharacters: number
  finalProblems: string[]
}

export async function runSoak(): Promise<SoakResult> {
  const { clients: clientCount, durationMs, kills: killCount } = soakConfig
  log(`soak: ${clientCount} clients for ${durationMs / 1000} s, random disconnects, ${killCount} kill -9 of the server${quick ? ' (BENCH_QUICK)' : ''}`)
  const { dataDir, token } = await prepareDataDir()
  const port = await freePort()
  const env = { PORT: String(port), LOG_LEVEL: 'error' }
  let server: BenchServer = await startOurServer(dataDir, token, env)
  process.setMaxListeners(Math.max(process.getMaxListeners(), clientCount + 20))
  const witness = new Witness()
  const clients: SoakClient[] = []
  const result: SoakResult = {
    clients: clientCount,
    durationMs,
    edits: 0,
    disconnects: 0,
    kills: [],
    converged: false,
    convergeMs: 0,
    finalCharacters: 0,
    finalProblems: [],
  }
  const timers = new Set<NodeJS.Timeout>()
  /** How the clients' connections ended, by close code and reason. */
  const closeCodes = new Map<string, number>()
  let running = true
  try {
    for (let i = 0; i < clientCount; i++) {
      const doc = new Y.Doc()
      const provider = connectProvider(server, documentId, doc)
      const client: SoakClient = { doc, provider, edits: 0, offlineUntil: 0 }
      provider.on('connection-close', (event: { code?: number; reason?: string } | null) => {
        const key = `${event?.code ?? 'none'} ${event?.reason ?? ''}`.trim()
        closeCodes.set(key, (closeCodes.get(key) ?? 0) + 1)
      })
      doc.on('update', (update: Uint8Array, origin: unknown) => {
        if (origin === provider) witness.receive(update)
      })
      clients.push(client)
    }
    await waitUntil(() => clients.every((c) => c.provider.synced), 'every soak client to sync', 60_000, 50)

    const started = performance.now()
    const edit = (client: SoakClient) => {
      const text = client.doc.getText(textName)
      if (text.length > 20 && Math.random() < 0.25) {
        const at = Math.floor(Math.random() * (text.length - 3))
        text.delete(at, 1 + Math.floor(Math.random() * 3))
      } else {
        const at = Math.floor(Math.random() * (text.length + 1))
        text.insert(at, Math.random().toString(36).slice(2, 3 + Math.floor(Math.random() * 5)))
      }
      client.edits++
      result.edits++
    }
    // Each client edits on its own timer, connected or not (offline edits go out when it reconnects).
    for (const client of clients) {
      const next = () => {
        if (!running) return
        const timer = setTimeout(() => {
          timers.delete(timer)
          if (!running) return
          edit(client)
          next()
        }, between(soakConfig.editEveryMs))
        timers.add(timer)
      }
      next()
    }
    const chaos = setInterval(() => {
      const now = performance.now()
      for (const client of clients) {
        if (client.offlineUntil > 0 && now >= client.offlineUntil) {
          client.offlineUntil = 0
          client.provider.connect()
        } else if (client.offlineUntil === 0 && Math.random() < soakConfig.disconnectChance) {
          client.offlineUntil = now + between(soakConfig.offlineMs)
          client.provider.disconnect()
          result.disconnects++
        }
      }
    }, soakConfig.disconnectTickMs)
    timers.add(chaos)

    // The kills, spread evenly over the run; after each, the store is checked before the server comes back.
    for (let k = 1; k <= killCount; k++) {
      const at = (durationMs * k) / (killCount + 1)
      await sleep(Math.max(0, started + at - performance.now()))
      await server.kill()
      const atMs = performance.now() - started
      const stored = await readStore(dataDir)
      const problems = witness.missingFrom(stored)
      const checked = [...Y.decodeStateVector(Y.encodeStateVector(witness.doc)).values()].reduce((sum, clock) => sum + clock, 0)
      stored.destroy()
      const restarting = performance.now()
      server = await startOurServer(dataDir, token, env)
      const restartMs = performance.now() - restarting
      result.kills.push({ atMs, checked, problems, restartMs })
      log(`  kill -9 at ${(atMs / 1000).toFixed(0)} s: ${int(checked)} received structs checked in the store, ${problems.length} missing; restarted in ${restartMs.toFixed(0)} ms`)
      for (const problem of problems.slice(0, 5)) log(`    MISSING: ${problem}`)
    }
    await sleep(Math.max(0, started + durationMs - performance.now()))

    // Quiet: no more edits or drops; everyone reconnects and must converge.
    running = false
    for (const timer of timers) clearTimeout(timer)
    clearInterval(chaos)
    for (const client of clients) {
      if (client.offlineUntil > 0) {
        client.offlineUntil = 0
        client.provider.connect()
      }
    }
    const quiet = performance.now()
    const reference = clients[0].doc
    await waitUntil(
      () => clients.every((c) => c.provider.synced && sameStateVector(c.doc, reference) && c.doc.getText(textName).length === reference.getText(textName).length),
      () => `every soak client to converge (${clients.filter((c) => sameStateVector(c.doc, reference)).length}/${clients.length} agree)`,
      soakConfig.convergeTimeoutMs,
      200,
    ).then(
      () => (result.converged = true),
      (error) => {
        log(`  ${(error as Error).message}`)
        const states = new Map<string, number>()
        for (const c of clients) {
          const key = `connected ${c.provider.wsconnected}, synced ${c.provider.synced}, agrees ${sameStateVector(c.doc, reference)}`
          states.set(key, (states.get(key) ?? 0) + 1)
        }
        log(`  clients: ${JSON.stringify(Object.fromEntries(states))}; connections closed: ${JSON.stringify(Object.fromEntries(closeCodes))}`)
        log(`  server said: ${server.output().slice(-3000)}`)
      },
    )
    result.convergeMs = performance.now() - quiet
    const text = reference.getText(textName).toString()
    result.converged &&= clients.every((c) => c.doc.getText(textName).toString() === text)
    result.finalCharacters = text.length
    // Stored before the clients hear of it: after a clean stop, the store holds exactly what they converged on.
    for (const client of clients) client.provider.destroy()
    const code = await server.stop()
    if (code !== 0) result.finalProblems.push(`the server exited with ${code} on SIGTERM`)
    const stored = await readStore(dataDir)
    result.finalProblems.push(...witness.missingFrom(stored))
    if (!sameStateVector(stored, reference) || stored.getText(textName).toString() !== text) {
      result.finalProblems.push('the stored document differs from the one the clients converged on')
    }
    stored.destroy()
    log(
      `  ${int(result.edits)} edits, ${int(result.disconnects)} disconnects; converged: ${result.converged} in ${result.convergeMs.toFixed(0)} ms ` +
        `(${int(result.finalCharacters)} characters); final store check: ${result.finalProblems.length} problems`,
    )
    for (const problem of result.finalProblems.slice(0, 5)) log(`    ${problem}`)
    return result
  } finally {
    running = false
    for (const timer of timers) clearTimeout(timer)
    for (const client of clients) {
      client.provider.destroy()
      client.doc.destroy()
    }
    await server.stop().catch(() => null)
    removeTempDir(dataDir)
  }
}

export async function runSoakBenchmark(): Promise<Row[]> {
  const result = await runSoak()
  fs.mkdirSync(path.dirname(artifact), { recursive: true })
  fs.writeFileSync(artifact, JSON.stringify({ generatedAt: new Date().toISOString(), quick, loadAverage: os.loadavg(), config: soakConfig, ...result }, null, 2) + '\n')
  const lostAtKills = result.kills.reduce((sum, kill) => sum + kill.problems.length, 0)
  const passed = result.converged && lostAtKills === 0 && result.finalProblems.length === 0 && result.kills.length === soakConfig.kills
  return [
    {
      metric: `soak: ${result.clients} clients, ${(result.durationMs / 60_000).toFixed(0)} min, random disconnects, ${result.kills.length} kill -9`,
      ours: `${int(result.edits)} edits, ${int(result.disconnects)} disconnects; ${lostAtKills} received edits missing after the kills; converged ${result.converged ? 'yes' : 'NO'} in ${(result.convergeMs / 1000).toFixed(1)} s`,
      reference: '',
      ratio: '',
      target: 'nothing received is lost; all converge; store = converged doc',
      met: met(passed),
    },
  ]
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatTable } = await import('./table.ts')
  runSoakBenchmark().then(
    (rows) => {
      console.log(formatTable(rows))
      process.exit(0)
    },
    (error) => {
      console.error(error)
      process.exit(1)
    },
  )
}
