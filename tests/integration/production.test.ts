/**
 * The built server (`npm run build`, dist/server) run with plain node, as `npm start` and the Docker image run it: it
 * relays and stores, runs heavy work on threads started from the build, answers /readyz and /metrics, logs JSON lines
 * with request ids, and never writes a bearer token or an invite token to its logs. It runs from a directory whose
 * node_modules holds only the runtime packages, on SQLite and on PostgreSQL with Redis.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import { isBuiltin } from 'node:module'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Sessions } from '../../server/auth/sessions.ts'
import { MemberDirectory } from '../../server/auth/members.ts'
import { connectClient, waitFor, waitForAsync } from '../helpers/clients.ts'
import { ApiClient } from '../helpers/http.ts'
import { startNodeOptions } from '../bench/servers.ts'
import { optionalPackages, runtimePackages } from '../../server/build/build.mjs'
import { bundledPackageDirectories } from '../../server/build/licenses.mjs'
import { mintToken, openTestDatabase, registerDocument, repoRoot, startTestServer, tempDataDir, usePostgres, type TestServer } from '../helpers/server.ts'
import { clearPrefix, sharedRedisUrl, uniquePrefix } from '../helpers/cluster.ts'
import { createTestSchema, type TestSchema } from '../helpers/postgres.ts'
import { readStored } from '../helpers/stored.ts'

/** A sample's value in Prometheus text, or null when the series is absent. */
function sample(metrics: string, series: string): number | null {
  const line = metrics.split('\n').find((candidate) => candidate.startsWith(`${series} `))
  return line ? Number(line.slice(series.length + 1)) : null
}

async function inviteFor(dataDir: string, name: string): Promise<string> {
  const database = await openTestDatabase(dataDir)
  try {
    const member = await new MemberDirectory(database.db).ensureMember(name, 'delegation', name, null)
    return await new Sessions(database.db, { sessionTtlMs: 3_600_000, inviteTtlMs: 3_600_000 }).createInvite(member.id)
  } finally {
    await database.close()
  }
}

/** The runtime packages and every package they depend on, as package-lock.json installs them at node_modules' top. */
function runtimeClosure(): string[] {
  const lock = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8')) as {
    packages: Record<string, { dependencies?: Record<string, string>; optionalDependencies?: Record<string, string> }>
  }
  const found = new Set<string>()
  const visit = (name: string) => {
    const entry = lock.packages[`node_modules/${name}`]
    if (!entry || found.has(name)) return
    found.add(name)
    for (const dependency of Object.keys({ ...entry.dependencies, ...entry.optionalDependencies })) visit(dependency)
  }
  for (const name of runtimePackages) visit(name)
  return [...found]
}

describe('the runtime dependencies', () => {
  it('are exactly the packages the built server loads from node_modules (npm ci --omit=dev installs what it needs, and nothing for the build)', () => {
    // esbuild's record of the build (server/build/build.mjs): every import it left out of the bundle.
    const meta = JSON.parse(fs.readFileSync(path.join(repoRoot, 'dist/server/meta.json'), 'utf8')) as {
      outputs: Record<string, { imports: Array<{ path: string; external?: boolean }> }>
    }
    const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')
    const imported = new Set(
      Object.values(meta.outputs)
        .flatMap((output) => output.imports)
        .filter((entry) => entry.external && !isBuiltin(entry.path))
        .map((entry) => packageOf(entry.path)),
    )
    const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }
    expect(Object.keys(manifest.dependencies).sort()).toEqual([...runtimePackages].sort())
    // Everything else the bundle reaches for is optional: the package that asks for it goes on without it.
    expect([...imported].filter((name) => !runtimePackages.includes(name)).every((name) => optionalPackages.includes(name))).toBe(true)
    for (const name of runtimePackages) expect(imported.has(name)).toBe(true)
    for (const buildTool of ['tsx', 'vite', 'esbuild', 'react', 'typescript']) expect(imported.has(buildTool)).toBe(false)
  })

})

describe('the notices of the bundled packages', () => {
  it('are in dist/server/THIRD_PARTY_LICENSES.txt: each package by name, version and licence, with its licence file', () => {
    const meta = JSON.parse(fs.readFileSync(path.join(repoRoot, 'dist/server/meta.json'), 'utf8')) as Parameters<typeof bundledPackageDirectories>[0]
    const notices = fs.readFileSync(path.join(repoRoot, 'dist/server/THIRD_PARTY_LICENSES.txt'), 'utf8')
    const directories = bundledPackageDirectories(meta)
    for (const name of ['yjs', 'hono', 'zod', 'kysely', 'docx', '@opentelemetry/api']) expect(directories).toContain(`node_modules/${name}`)
    for (const directory of directories) {
      const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, directory, 'package.json'), 'utf8')) as { name: string; version: string }
      expect(notices).toContain(`${manifest.name} ${manifest.version} (`)
    }
    // An Apache-2.0 package's licence goes whole, as that licence asks.
    expect(notices).toMatch(/@opentelemetry\/api [\d.]+ \(Apache-2\.0\)\n--- LICENSE\n\s*Apache License/)
  })
})

describe('the Node options of the server', () => {
  it('are the same for npm start, the Docker image and the benchmark', () => {
    const options = startNodeOptions()
    expect(options).toContain('--max-semi-space-size=1')
    // The image's command: node, then its options, then the built entry.
    const command = JSON.parse(/^CMD (\[.*\])$/m.exec(fs.readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8'))![1]) as string[]
    expect(command[0]).toBe('node')
    expect(command.at(-1)).toBe('dist/server/main.js')
    expect(command.slice(1, -1)).toEqual(options)
  })
})

/**
 * dist/ copied beside a node_modules holding only the runtime packages and what they depend on, copied from this
 * checkout's node_modules as `npm ci --omit=dev` would install them: the server runs with nothing else.
 */
function isolatedBuild({ client }: { client: boolean }): string {
  const directory = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-omit-dev-'))
  fs.cpSync(path.join(repoRoot, 'dist/server'), path.join(directory, 'dist/server'), { recursive: true })
  if (client) fs.cpSync(path.join(repoRoot, 'dist/client'), path.join(directory, 'dist/client'), { recursive: true })
  for (const name of runtimeClosure()) {
    // An optional dependency for another platform is in the lock but not installed.
    if (!fs.existsSync(path.join(repoRoot, 'node_modules', name))) continue
    fs.cpSync(path.join(repoRoot, 'node_modules', name), path.join(directory, 'node_modules', name), { recursive: true, dereference: true })
  }
  return directory
}

describe('the built server, run with plain node and only the runtime packages', () => {
  let server: TestServer
  let isolated: string
  let dataDir: string
  let secretariat: string
  let kenya: string
  let invite: string
  const year = new Date().getFullYear()

  beforeAll(async () => {
    dataDir = tempDataDir()
    await registerDocument(dataDir, 'production-relay', { dtg: 1, year })
    secretariat = await mintToken(dataDir, 'Secretariat officer', 'secretariat')
    kenya = await mintToken(dataDir, 'Delegate of Kenya', 'delegation', { delegation: 'Kenya' })
    invite = await inviteFor(dataDir, 'Delegate of Chile')
    // Debug: every line the server can write, so that the search for secrets below covers them all.
    // The client too, as npm start builds it: a run of the node tests alone has not built it (the browser tests'
    // global setup has, when they are part of the run, before any test starts).
    const client = spawnSync(process.execPath, ['server/build/build.mjs', 'client', '--if-stale'], {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'production' },
      encoding: 'utf8',
      timeout: 110_000,
    })
    if (client.status !== 0) throw new Error(`the client build failed:\n${client.stdout}${client.stderr}`)
    isolated = isolatedBuild({ client: true })
    server = await startTestServer(dataDir, { LOG_LEVEL: 'debug', HEAVY_WORKER_IDLE_MS: '60000' }, { built: true, cwd: isolated })
  }, 120_000)
  afterAll(async () => {
    expect(await server?.stop()).toBe(0)
    if (isolated) fs.rmSync(isolated, { recursive: true, force: true })
  })

  it('is the bundle, not the sources', () => {
    expect(server.process.spawnargs).toContain('dist/server/main.js')
    expect(server.process.spawnargs.join(' ')).not.toMatch(/tsx/)
  })

  it('serves the client beside it: the page, its service worker and a script', async () => {
    const page = await fetch(`${server.url}/`)
    expect(page.status).toBe(200)
    const html = await page.text()
    expect(html).toContain('<div id="root">')
    const script = /src="(\/assets\/[^"]+\.js)"/.exec(html)?.[1]
    expect(script).toBeTruthy()
    expect((await fetch(`${server.url}${script}`)).status).toBe(200)
    expect((await fetch(`${server.url}/sw.js`)).headers.get('cache-control')).toBe('no-cache')
  })

  it('runs the admin commands from the bundle too', () => {
    const listed = spawnSync(process.execPath, ['dist/server/cli.js', 'members'], { cwd: isolated, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8', timeout: 30_000 })
    expect(listed.stderr).not.toMatch(/Cannot find (module|package)/)
    expect(listed.status).toBe(0)
    expect(listed.stdout).toContain('Delegate of Kenya')
  })

  it('relays and stores an edit, exports DOCX on a thread started from the build, and counts it all in /metrics', async () => {
    const writer = connectClient(server.wsUrl, 'production-relay', secretariat)
    const reader = connectClient(server.wsUrl, 'production-relay', kenya)
    try {
      await Promise.all([writer.synced, reader.synced])
      writer.text.insert(0, 'Stored, then relayed.')
      await waitFor(() => reader.text.toString() === 'Stored, then relayed.', 'the relayed edit')

      const api = new ApiClient(server.url, secretariat)
      const workspace = await api.get(`/api/workspaces/dtg1-${year}`)
      expect(workspace.status).toBe(200)

      const templates = await api.get('/api/templates')
      const created = await api.post(`/api/workspaces/dtg1-${year}/documents`, {
        title: 'Annual summary',
        kind: 'annual-summary',
        templateId: templates.json[0].id,
      })
      expect(created.status).toBe(201)
      const demo = created.json.document as { id: string }
      const exported = await fetch(`${server.url}/api/documents/${demo.id}/export?format=docx&working=1`, { headers: { authorization: `Bearer ${secretariat}` } })
      expect(exported.status).toBe(200)
      const bytes = new Uint8Array(await exported.arrayBuffer())
      expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK')

      const response = await fetch(`${server.url}/metrics`)
      expect(response.status).toBe(200)
      expect(response.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/)
      const metrics = await response.text()
      expect(sample(metrics, 'dtg_rooms_loaded')).toBeGreaterThanOrEqual(1)
      expect(sample(metrics, 'dtg_connections')).toBe(2)
      expect(sample(metrics, 'dtg_heavy_threads')).toBeGreaterThanOrEqual(1)
      expect(sample(metrics, 'dtg_update_relay_seconds_count')).toBeGreaterThanOrEqual(1)
      expect(sample(metrics, 'dtg_persist_seconds_count')).toBeGreaterThanOrEqual(1)
      expect(sample(metrics, 'dtg_event_streams')).toBe(0)
      expect(metrics).toMatch(/^dtg_http_request_duration_seconds_count\{method="GET",route="\/api\/documents\/:id\/export",status="200"\} 1$/m)
      expect(metrics).toMatch(/^process_resident_memory_bytes \d+/m)
      // Route patterns, never paths: a document id makes no series of its own.
      expect(metrics).not.toContain(demo.id)
    } finally {
      writer.destroy()
      reader.destroy()
    }
  })

  it('answers /readyz with the database check, in its shared schema', async () => {
    // The client checks the answer against the route's schema in tests/helpers/responseSchemas.ts.
    const { status, json } = await new ApiClient(server.url).get('/readyz')
    expect(status).toBe(200)
    expect(json).toMatchObject({ status: 'ready', checks: [{ name: 'database', ok: true }] })
  })

  it('refuses /metrics to a request that came through a proxy when no METRICS_TOKEN is set', async () => {
    const response = await fetch(`${server.url}/metrics`, { headers: { 'x-forwarded-for': '203.0.113.9' } })
    expect(response.status).toBe(403)
    expect((await response.json()).error.code).toBe('metrics_forbidden')
  })

  it('writes JSON log lines carrying the request id, and never a bearer token or an invite token', async () => {
    const requestId = 'ops-test-request-1'
    const me = await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${kenya}`, 'x-request-id': requestId } })
    expect(me.status).toBe(200)
    expect(me.headers.get('x-request-id')).toBe(requestId)
    // Credentials wherever a client might put them: a refused token in the address, a wrong bearer, an invite spent and
    // spent again, a WebSocket opened with ?token=.
    expect((await fetch(`${server.url}/api/me?token=${kenya}`)).status).toBe(401)
    expect((await fetch(`${server.url}/api/me`, { headers: { authorization: `Bearer ${kenya}x` } })).status).toBe(401)
    const chile = new ApiClient(server.url)
    expect((await chile.post('/api/auth/invite', { token: invite })).status).toBe(200)
    expect((await chile.post('/api/auth/invite', { token: invite })).status).toBeGreaterThanOrEqual(400)
    const socket = connectClient(server.wsUrl, 'production-relay', kenya)
    await socket.synced
    socket.destroy()
    const sessionId = chile.sessionCookie!.split('=')[1]

    await waitForAsync(async () => server.logs().includes(requestId), 'the log line of the request')
    const lines = server
      .logs()
      .split('\n')
      .filter((line) => line.trim() !== '')
    const records = lines.map((line) => JSON.parse(line) as Record<string, unknown>)
    for (const record of records) {
      expect(typeof record.time).toBe('string')
      expect(['debug', 'info', 'warn', 'error']).toContain(record.level)
      expect(typeof record.msg).toBe('string')
    }
    const meLine = records.find((record) => record.requestId === requestId && record.msg === 'http.request')
    expect(meLine).toMatchObject({ method: 'GET', route: '/api/me', path: '/api/me', status: 200 })
    expect(records.filter((record) => record.msg === 'http.request').every((record) => typeof record.requestId === 'string')).toBe(true)

    const everything = server.logs()
    for (const secret of [secretariat, kenya, invite, sessionId]) expect(everything).not.toContain(secret)
  })
})

describe('the built server with METRICS_TOKEN', () => {
  let server: TestServer

  beforeAll(async () => {
    server = await startTestServer(tempDataDir(), { METRICS_TOKEN: 'a-metrics-token-of-some-length' }, { built: true })
  }, 120_000)
  afterAll(async () => {
    await server?.stop()
  })

  it('serves /metrics only with that token, even to this machine', async () => {
    const without = await fetch(`${server.url}/metrics`)
    expect(without.status).toBe(401)
    expect((await without.json()).error.code).toBe('metrics_unauthorized')
    expect((await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer another-token-entirely' } })).status).toBe(401)
    const granted = await fetch(`${server.url}/metrics`, { headers: { authorization: 'Bearer a-metrics-token-of-some-length' } })
    expect(granted.status).toBe(200)
    const metrics = await granted.text()
    expect(metrics).toContain('dtg_rooms_loaded')
    expect(metrics).not.toContain('a-metrics-token-of-some-length')
  })
})

describe('the built server on PostgreSQL and Redis, with only the runtime packages', () => {
  let server: TestServer
  let isolated: string
  let schema: TestSchema
  const prefix = uniquePrefix()
  const year = new Date().getFullYear()

  beforeAll(async () => {
    schema = await createTestSchema()
    const dataDir = tempDataDir()
    usePostgres(dataDir, schema.url)
    await registerDocument(dataDir, 'production-postgres', { dtg: 1, year })
    isolated = isolatedBuild({ client: false })
    server = await startTestServer(dataDir, { REDIS_URL: sharedRedisUrl, REDIS_PREFIX: prefix }, { built: true, cwd: isolated, databaseUrl: schema.url })
  }, 120_000)
  afterAll(async () => {
    expect(await server?.stop()).toBe(0)
    if (isolated) fs.rmSync(isolated, { recursive: true, force: true })
    await clearPrefix(prefix)
    await schema?.drop()
  })

  it('loads pg and ioredis from node_modules, reaches both, and stores an edit in PostgreSQL', async () => {
    // Ready once it reaches both (it listens before its Redis connection is up, and says 503 until then).
    let checks: Array<{ name: string; ok: boolean }> = []
    await waitForAsync(async () => {
      const response = await fetch(`${server.url}/readyz`)
      checks = ((await response.json()) as { checks: typeof checks }).checks
      return response.status === 200
    }, 'the server ready on PostgreSQL and Redis')
    expect(checks).toEqual(expect.arrayContaining([expect.objectContaining({ name: 'database', ok: true }), expect.objectContaining({ name: 'redis', ok: true })]))

    const token = await mintToken(server.dataDir, 'Secretariat officer', 'secretariat')
    const client = connectClient(server.wsUrl, 'production-postgres', token)
    try {
      await client.synced
      client.text.insert(0, 'Stored in PostgreSQL.')
      await waitForAsync(async () => (await readStored(server.dataDir, 'production-postgres')).text === 'Stored in PostgreSQL.', 'the edit in PostgreSQL')
    } finally {
      client.destroy()
    }
  })
})
