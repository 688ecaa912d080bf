/**
 * The servers under test, as child processes of the load generator: ours (Hono relay with
 * SQLite), the reference in-memory relay (@y/websocket-server) and Hocuspocus with its SQLite extension. Every child and temp
 * directory is registered so that it is killed and removed when the benchmark exits, errors included.
 */
import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import net from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { MemberDirectory } from '../../server/auth/members.ts'
import { databaseFileName, openSqlite } from '../../server/store/sqlite.ts'
import { SqliteDocumentStore } from '../../server/store/sqliteDocuments.ts'
import { buildServer, openTestDatabase, usePostgres } from '../helpers/server.ts'

export const repoRoot = path.resolve(import.meta.dirname, '../..')
export const host = '127.0.0.1'

export type ServerKind = 'ours' | 'reference' | 'hocuspocus'

/** y-websocket: one document per socket; hocuspocus: the document name in every frame (see dialect.ts). */
export type Protocol = 'y-websocket' | 'hocuspocus'

export interface BenchServer {
  kind: ServerKind
  protocol: Protocol
  pid: number
  port: number
  /** Base for WebsocketProvider: the document id is appended as `/<id>`. */
  wsBase: string
  httpBase: string
  token: string
  /** Full WebSocket URL of one document, with the token. */
  documentUrl(documentId: string): string
  /** Resident set size of the server process, in bytes (VmRSS). */
  rssBytes(): number
  /** Everything the process printed (stdout and stderr), for error reports. */
  output(): string
  /** SIGTERM, then waits for the exit (bounded); resolves with the exit code. */
  stop(timeoutMs?: number): Promise<number | null>
  /** SIGKILL (kill -9), then waits for the process to be gone. */
  kill(): Promise<void>
}

const children = new Set<ChildProcess>()
const tempDirs = new Set<string>()

function killAllSync(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        child.kill('SIGKILL')
      } catch {
        // Already gone.
      }
    }
  }
  children.clear()
  for (const dir of tempDirs) fs.rmSync(dir, { recursive: true, force: true })
  tempDirs.clear()
}

process.on('exit', killAllSync)
for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
  process.once(signal, () => {
    killAllSync()
    process.exit(130)
  })
}

export function makeTempDir(prefix: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix))
  tempDirs.add(dir)
  return dir
}

export function removeTempDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true })
  tempDirs.delete(dir)
}

/**
 * A data directory with a co-facilitator ("Bench writer") and a fresh token for it; with `databaseUrl`, the member is
 * made in that PostgreSQL database (the server is then started with DATABASE_URL set to it).
 */
export async function prepareDataDir({ databaseUrl }: { databaseUrl?: string } = {}): Promise<{ dataDir: string; token: string }> {
  const dataDir = makeTempDir('dtg-bench-')
  if (databaseUrl) usePostgres(dataDir, databaseUrl)
  const database = await openTestDatabase(dataDir)
  try {
    const members = new MemberDirectory(database.db)
    const member = await members.ensureMember('Bench writer', 'secretariat')
    return { dataDir, token: await members.issueToken(member.id) }
  } finally {
    await database.close()
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer()
    probe.once('error', reject)
    probe.listen(0, host, () => {
      const { port } = probe.address() as net.AddressInfo
      probe.close(() => resolve(port))
    })
  })
}

export function readRssBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8')
  const match = status.match(/^VmRSS:\s+(\d+)\s+kB/m)
  if (!match) throw new Error(`no VmRSS in /proc/${pid}/status`)
  return Number(match[1]) * 1024
}

/** CPU time (user + system) the process has used so far, in seconds (clock ticks of 1/100 s). */
export function cpuSeconds(pid: number): number {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8')
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ')
  // After the command name: state is field 3, utime field 14, stime field 15.
  return (Number(fields[11]) + Number(fields[12])) / 100
}

/**
 * CPU time the whole machine has spent running processes so far (all cores), plus time the host
 * took the virtual CPUs away (steal), in seconds. Interrupt time is left out: the loopback traffic
 * of the benchmark itself lands there.
 */
export function machineBusySeconds(): number {
  const [, ...fields] = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/)
  const [user, nice, system, , , , , steal] = fields.map(Number)
  return (user + nice + system + (steal ?? 0)) / 100
}

interface SpawnSpec {
  kind: ServerKind
  args: string[]
  env: Record<string, string>
  /** Finds the port in what the process printed so far, once it is listening. */
  ready: RegExp
  portFrom: (match: RegExpMatchArray) => number
  token: string
}

async function spawnServer(spec: SpawnSpec, startTimeoutMs = 60_000): Promise<BenchServer> {
  const child = spawn(process.execPath, spec.args, {
    cwd: repoRoot,
    env: { ...process.env, ...spec.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  children.add(child)
  let output = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => (output += chunk))
  const exited = new Promise<number | null>((resolve) =>
    child.once('exit', (code) => {
      children.delete(child)
      resolve(code)
    }),
  )

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`${spec.kind} server did not start within ${startTimeoutMs} ms:\n${output}`)), startTimeoutMs)
    const onData = () => {
      const match = output.match(spec.ready)
      if (!match) return
      clearTimeout(timer)
      child.stdout!.off('data', onData)
      resolve(spec.portFrom(match))
    }
    child.stdout!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`${spec.kind} server exited with ${code} before listening:\n${output}`))
    })
  })

  const pid = child.pid!
  const wsBase = spec.kind === 'ours' ? `ws://${host}:${port}/collab` : `ws://${host}:${port}`
  const protocol: Protocol = spec.kind === 'hocuspocus' ? 'hocuspocus' : 'y-websocket'
  return {
    kind: spec.kind,
    protocol,
    pid,
    port,
    wsBase,
    httpBase: `http://${host}:${port}`,
    token: spec.token,
    // Hocuspocus reads the document name from each frame, and the token from its first one.
    documentUrl: (documentId) => (protocol === 'hocuspocus' ? wsBase : `${wsBase}/${documentId}?token=${encodeURIComponent(spec.token)}`),
    rssBytes: () => readRssBytes(pid),
    output: () => output,
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
    async stop(timeoutMs = 30_000) {
      if (child.exitCode !== null || child.signalCode !== null) return exited
      child.kill('SIGTERM')
      let timer: NodeJS.Timeout | undefined
      const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)))
      const result = await Promise.race([exited, timedOut])
      clearTimeout(timer)
      if (result === 'timeout') {
        child.kill('SIGKILL')
        await exited
        throw new Error(`${spec.kind} server did not exit within ${timeoutMs} ms of SIGTERM:\n${output}`)
      }
      return result
    },
  }
}

/** How our server runs: `built` is what `npm start` runs (dist/server with plain node), `tsx` the sources through tsx. */
export type OurRuntime = 'built' | 'tsx'

let built = false

/**
 * The Node options `npm start` gives the server (package.json's start script, `node <options> server/build/launch.mjs
 * main`): the built server runs here as it runs in production.
 */
export function startNodeOptions(): string[] {
  const start = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')).scripts.start as string
  const words = start.trim().split(/\s+/)
  const launcher = words.indexOf('server/build/launch.mjs')
  if (words[0] !== 'node' || launcher < 0) throw new Error(`package.json's start script is not "node <options> server/build/launch.mjs main": ${start}`)
  const options = words.slice(1, launcher)
  if (options.some((word) => !word.startsWith('--'))) throw new Error(`the start script's Node options must each be one word (--name=value): ${start}`)
  return options
}

/** Our server on a prepared data directory, built (as in production) unless asked to run the sources through tsx. */
export function startOurServer(
  dataDir: string,
  token: string,
  env: Record<string, string> = {},
  runtime: OurRuntime = 'built',
  nodeArgs: string[] = [],
): Promise<BenchServer> {
  if (runtime === 'built' && !built) {
    buildServer()
    built = true
  }
  return spawnServer({
    kind: 'ours',
    // For diagnosis: BENCH_CPU_PROF=<dir> writes a V8 CPU profile of each of our server processes
    // there on exit; BENCH_SERVER_NODE_ARGS adds Node options (space-separated) to our server.
    args: [
      ...(process.env.BENCH_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF] : []),
      ...(process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      ...nodeArgs,
      ...(runtime === 'built' ? [...startNodeOptions(), 'dist/server/main.js'] : ['--import', 'tsx', 'server/main.ts']),
    ],
    // The relay is what is measured: no build of the browser client when the server starts. One bench member
    // holds every connection (1,000 documents in the memory run), past the per-member cap meant for people.
    env: { PORT: '0', HOST: host, DATA_DIR: dataDir, LOG_LEVEL: 'warn', MAX_CONNECTIONS_PER_MEMBER: '100000', ...env },
    ready: /listening on http:\/\/127\.0\.0\.1:(\d+)/,
    portFrom: (match) => Number(match[1]),
    token,
  })
}

/** The reference relay, in memory, on a free port. The token is passed but ignored. */
export async function startReferenceServer(token = 'unused', nodeArgs: string[] = [], env: Record<string, string> = {}): Promise<BenchServer> {
  const port = await freePort()
  return spawnServer({
    kind: 'reference',
    // For diagnosis, as for ours: BENCH_REF_CPU_PROF=<dir> profiles it, BENCH_REF_NODE_ARGS adds Node options (the same
    // instrumentation on both servers, say).
    args: [
      ...(process.env.BENCH_REF_NODE_ARGS?.split(' ').filter(Boolean) ?? []),
      ...nodeArgs,
      ...(process.env.BENCH_REF_CPU_PROF ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_REF_CPU_PROF, '--import', 'data:text/javascript,process.on("SIGTERM",()=>process.exit(0))'] : []),
      'node_modules/@y/websocket-server/src/server.js',
    ],
    env: { HOST: host, PORT: String(port), ...env },
    ready: /running at '127\.0\.0\.1' on port (\d+)/,
    portFrom: (match) => Number(match[1]),
    token,
  })
}

/**
 * Hocuspocus 4 with its SQLite extension (the Database extension on better-sqlite3, its default debounced store) on a
 * file in a new temp directory, on a free port. Any token is accepted. Its data directory is removed when it stops.
 */
export async function startHocuspocusServer(token = 'unused'): Promise<BenchServer> {
  const port = await freePort()
  const databaseDir = makeTempDir('dtg-bench-hocuspocus-')
  const server = await spawnServer({
    kind: 'hocuspocus',
    args: ['--import', 'tsx', 'tests/bench/hocuspocusServer.ts'],
    env: { HOST: host, PORT: String(port), DATABASE_DIR: databaseDir },
    ready: /hocuspocus listening on port (\d+)/,
    portFrom: (match) => Number(match[1]),
    token,
  })
  const stop = server.stop
  return {
    ...server,
    async stop(timeoutMs) {
      try {
        return await stop(timeoutMs)
      } finally {
        removeTempDir(databaseDir)
      }
    },
  }
}

export interface StoredSize {
  stateBytes: number
  logBytes: number
  logEntries: number
  /** Sizes of workspace.sqlite, -wal and -shm as found on disk (0 when absent). */
  files: Record<string, number>
  /** Pages of the database file, and how many of them are free (left by deleted log rows). */
  pageCount: number
  freePages: number
  pageSize: number
}

/** Reads what our store holds for a document; call it while the server is stopped. */
export async function storedSize(dataDir: string, documentId: string): Promise<StoredSize> {
  const files: Record<string, number> = {}
  for (const suffix of ['', '-wal', '-shm']) {
    const name = databaseFileName + suffix
    const file = path.join(dataDir, name)
    files[name] = fs.existsSync(file) ? fs.statSync(file).size : 0
  }
  const db = openSqlite(dataDir)
  try {
    const pragma = (name: string) => db.pragma(name, { simple: true }) as number
    return {
      ...(await new SqliteDocumentStore(db).size(documentId)),
      files,
      pageCount: pragma('page_count'),
      freePages: pragma('freelist_count'),
      pageSize: pragma('page_size'),
    }
  } finally {
    db.close()
  }
}

/**
 * Rewrites what our store holds for a document as a crash would leave it: `state` as the compacted state, then `log`
 * as the entries appended after it (not yet merged). Call it while the server is stopped.
 */
export async function storeStateAndLog(dataDir: string, documentId: string, state: Uint8Array, log: readonly Uint8Array[]): Promise<void> {
  const db = openSqlite(dataDir)
  try {
    const store = new SqliteDocumentStore(db)
    const stored = await store.load(documentId)
    // Over the state stored, whatever it merged: `stored.throughSeq` is the basis that lets it be replaced.
    if (!(await store.compact(documentId, state, stored.seqs, stored.throughSeq))) throw new Error(`the state of ${documentId} was not replaced`)
    for (const update of log) await store.append([{ documentId, update }])
  } finally {
    db.close()
  }
}

/** GET /healthz of our server: the number of loaded rooms. */
export async function loadedRooms(server: BenchServer): Promise<number> {
  const response = await fetch(`${server.httpBase}/healthz`, { signal: AbortSignal.timeout(5000) })
  const body = (await response.json()) as { rooms: number }
  return body.rooms
}
