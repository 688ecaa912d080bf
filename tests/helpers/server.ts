/** Starts the real server as a child process on a free port, with its own data directory. */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { RegionalGroup, Role } from '../../shared/schema/member.ts'
import { Access } from '../../server/auth/access.ts'
import { MemberDirectory } from '../../server/auth/members.ts'
import { Registry } from '../../server/workspaces/registry.ts'
import { openDatabase, type OpenDatabase } from '../../server/store/database.ts'

export const repoRoot = path.resolve(import.meta.dirname, '../..')

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-test-'))
}

export interface MemberOptions {
  delegation?: string
  regionalGroup?: RegionalGroup
  /** Workspaces the member co-facilitates (they must exist). */
  leads?: string[]
}

/** The PostgreSQL database (DATABASE_URL) a data directory's server uses, when not SQLite in it (usePostgres). */
const postgresOf = new Map<string, string>()

/** Makes the server started on `dataDir`, and the helpers here, use PostgreSQL at `databaseUrl` instead of SQLite. */
export function usePostgres(dataDir: string, databaseUrl: string): void {
  postgresOf.set(dataDir, databaseUrl)
}

/** The database a data directory's server uses, opened (and migrated) as the server would. */
export function openTestDatabase(dataDir: string): Promise<OpenDatabase> {
  return openDatabase({ dataDir, databaseUrl: postgresOf.get(dataDir) ?? null, poolSize: 2, migrate: 'always' })
}

/** Adds a member to the data directory's database and returns a fresh token for it. */
export async function mintToken(dataDir: string, name: string, role: Role, options: MemberOptions = {}): Promise<string> {
  const database = await openTestDatabase(dataDir)
  try {
    const members = new MemberDirectory(database.db)
    const member = await members.ensureMember(name, role, options.delegation ?? null, options.regionalGroup ?? null)
    const access = new Access(database.db, await Registry.open(database.db))
    for (const workspaceId of options.leads ?? []) await access.addLead(workspaceId, member.id, member.id)
    return await members.issueToken(member.id)
  } finally {
    await database.close()
  }
}

export interface TestServer {
  url: string
  wsUrl: string
  port: number
  dataDir: string
  process: ChildProcess
  output: () => string
  /** What the server wrote to stderr: its JSON log lines. */
  logs: () => string
  /** SIGTERM, then waits for the exit; resolves with the exit code. */
  stop(): Promise<number | null>
  /** SIGKILL, no chance to flush anything. */
  kill9(): Promise<void>
}

/**
 * Builds the server into dist/server (`npm run build`, the server part) when its sources changed since the last build,
 * for the tests that run what production runs. Called once per run by tests/integration/globalSetup.ts.
 */
export function buildServer(): void {
  const built = spawnSync(process.execPath, ['server/build/build.mjs', 'server', '--if-stale'], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 })
  if (built.status !== 0) throw new Error(`the server build failed:\n${built.stdout}${built.stderr}`)
}

export interface StartOptions {
  /** Run the built server (dist/server/main.js) with plain node, as `npm start` does; else the sources through tsx. */
  built?: boolean
  /** Run it on PostgreSQL at this DATABASE_URL (and the helpers here with it, as `usePostgres`); else SQLite in dataDir. */
  databaseUrl?: string
  /** Options given to node before the program (`--import <file>`, say). */
  nodeArgs?: string[]
  /** The directory the server runs in (its dist/ and node_modules/); the repository by default. */
  cwd?: string
}

export async function startTestServer(dataDir: string, env: Record<string, string> = {}, options: StartOptions = {}): Promise<TestServer> {
  if (options.databaseUrl) usePostgres(dataDir, options.databaseUrl)
  const program = [...(options.nodeArgs ?? []), ...(options.built ? ['dist/server/main.js'] : ['--import', 'tsx', 'server/main.ts'])]
  const child = spawn(process.execPath, program, {
    cwd: options.cwd ?? repoRoot,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      ...(postgresOf.has(dataDir) ? { DATABASE_URL: postgresOf.get(dataDir)! } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  let logs = ''
  child.stdout!.on('data', (chunk) => (output += chunk))
  child.stderr!.on('data', (chunk) => {
    output += chunk
    logs += chunk
  })
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)))

  const port = await new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start within 20 s:\n${output}`)), 20_000)
    const onData = () => {
      const match = output.match(/listening on http:\/\/127\.0\.0\.1:(\d+)/)
      if (match) {
        clearTimeout(timer)
        child.stdout!.off('data', onData)
        resolve(Number(match[1]))
      }
    }
    child.stdout!.on('data', onData)
    child.once('exit', (code) => {
      clearTimeout(timer)
      reject(new Error(`server exited with ${code} before listening:\n${output}`))
    })
  })

  return {
    url: `http://127.0.0.1:${port}`,
    wsUrl: `ws://127.0.0.1:${port}/collab`,
    port,
    dataDir,
    process: child,
    output: () => output,
    logs: () => logs,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM')
      return exited
    },
    async kill9() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL')
      await exited
    },
  }
}

/** Registers a document with a chosen id in a workspace (created if missing), as the API would. */
export async function registerDocument(dataDir: string, documentId: string, workspace: { dtg: 1 | 2; year: number }): Promise<string> {
  const { db, close } = await openTestDatabase(dataDir)
  try {
    const workspaceId = `dtg${workspace.dtg}-${workspace.year}`
    await db
      .insertInto('workspaces')
      .values({ id: workspaceId, dtg: workspace.dtg, year: workspace.year, title: `DTG ${workspace.dtg} (${workspace.year})`, created_at: Date.now() })
      .onConflict((conflict) => conflict.doNothing())
      .execute()
    await db
      .insertInto('documents')
      .values({ id: documentId, workspace_id: workspaceId, title: `Draft ${documentId}`, kind: 'working-draft', created_at: Date.now() })
      .execute()
    return workspaceId
  } finally {
    await close()
  }
}

/** Adds a member (or finds them) in the data directory's database; their id and a fresh bearer token. */
export async function enrol(
  dataDir: string,
  name: string,
  role: Role,
  delegation: string | null = null,
  regionalGroup: RegionalGroup | null = null,
): Promise<{ id: number; token: string }> {
  const database = await openTestDatabase(dataDir)
  try {
    const members = new MemberDirectory(database.db)
    const member = await members.ensureMember(name, role, delegation, regionalGroup)
    return { id: member.id, token: await members.issueToken(member.id) }
  } finally {
    await database.close()
  }
}
