/**
 * The move from SQLite to PostgreSQL (`npm run admin -- copy-to-postgres <url>`): a workspace used on SQLite, copied
 * with the server stopped, then served from PostgreSQL with the same members, tokens, text, comments and revisions;
 * a database that holds rows is refused, and a copy that fails half-way leaves nothing behind.
 */
import { spawnSync } from 'node:child_process'
import Database from 'better-sqlite3'
import pg from 'pg'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { copyOrder, copyOrderProblems, sqliteTables } from '../../server/store/copyToPostgres.ts'
import { schemaVersion } from '../../server/store/migrations.ts'
import { databasePath, openSqlite } from '../../server/store/sqlite.ts'
import { connectClient, waitFor, waitForAsync, type TestClient } from '../helpers/clients.ts'
import { ApiClient } from '../helpers/http.ts'
import { writeDraft } from '../helpers/writtenDraft.ts'
import { anchorOn, blockTexts } from '../helpers/passages.ts'
import { createTestSchema, type TestSchema } from '../helpers/postgres.ts'
import { enrol, mintToken, registerDocument, repoRoot, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'

/** The admin CLI on `dataDir`'s SQLite database, DATABASE_URL unset whatever the shell has. */
function copyCommand(dataDir: string, url: string) {
  const { DATABASE_URL: _unset, ...env } = process.env
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'copy-to-postgres', url], {
    cwd: repoRoot,
    env: { ...env, DATA_DIR: dataDir },
    encoding: 'utf8',
  })
}

/** Rows per table of the copied tables in an SQLite file. */
function sqliteCounts(dataDir: string): Record<string, number> {
  const sqlite = new Database(databasePath(dataDir), { readonly: true })
  try {
    return Object.fromEntries(copyOrder.map((table) => [table, (sqlite.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n]))
  } finally {
    sqlite.close()
  }
}

/** Runs `work` with a client on the test schema. */
async function withPostgres<T>(schema: TestSchema, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: schema.url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

/** Rows per table of the copied tables in the schema (0 for a table not created), and its schema version. */
function postgresCounts(schema: TestSchema): Promise<{ counts: Record<string, number>; version: number | null }> {
  return withPostgres(schema, async (client) => {
    const counts: Record<string, number> = {}
    for (const table of copyOrder) {
      const exists = (await client.query('SELECT to_regclass($1)::text AS found', [table])).rows[0].found
      counts[table] = exists ? Number((await client.query(`SELECT COUNT(*) AS n FROM "${table}"`)).rows[0].n) : 0
    }
    const versioned = (await client.query(`SELECT to_regclass('schema_version')::text AS found`)).rows[0].found
    const version = versioned ? Number((await client.query('SELECT version FROM schema_version')).rows[0].version) : null
    return { counts, version }
  })
}

describe('the order tables are copied in', () => {
  it('holds every table of the SQLite schema, each after those it refers to, and notices a table it does not hold', () => {
    const dataDir = tempDataDir()
    const sqlite = openSqlite(dataDir)
    try {
      // The migrations' bookkeeping is PRAGMA user_version, not a table: every table SQLite has is data to copy.
      expect([...copyOrder].sort()).toEqual(sqliteTables(sqlite))
      expect(copyOrderProblems(sqlite)).toEqual([])
      sqlite.exec('CREATE TABLE delegation_notes (id INTEGER PRIMARY KEY, member_id INTEGER REFERENCES members (id))')
      expect(copyOrderProblems(sqlite)).toEqual(['the table delegation_notes is not copied'])
    } finally {
      sqlite.close()
    }
  })
})

describe('npm run admin -- copy-to-postgres', () => {
  let schema: TestSchema
  let dataDir: string
  let server: TestServer | undefined
  const clients: TestClient[] = []
  const schemas: TestSchema[] = []

  beforeAll(async () => {
    schema = await createTestSchema()
    schemas.push(schema)
    dataDir = tempDataDir()
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server?.stop()
    for (const created of schemas) await created.drop()
  })

  it('moves a workspace from SQLite to PostgreSQL: members, tokens, text, comments and revisions, ids kept', { timeout: 180_000 }, async () => {
    // On SQLite, as a secretariat starts; the log compacted often, so that its sequence is ahead of the rows left.
    server = await startTestServer(dataDir, { COMPACT_AFTER_APPENDS: '2' })
    const officerToken = await mintToken(dataDir, 'Secretariat officer', 'secretariat')
    const officer = new ApiClient(server.url, officerToken)
    const created = await officer.post('/api/workspaces', { dtg: 2, year: 2031, title: 'DTG 2 (2031)' })
    expect(created.status, JSON.stringify(created.json)).toBe(201)
    const workspace = created.json
    const leadToken = await mintToken(dataDir, 'Co-facilitator', 'cofacilitator', { delegation: 'Singapore', leads: [workspace.id] })
    const lead = new ApiClient(server.url, leadToken)
    const id = (await lead.post(`/api/workspaces/${workspace.id}/documents`, { title: 'Annual summary', kind: 'working-draft' })).json.document.id as string

    const { writer } = await writeDraft(server.wsUrl, id, leadToken, clients)
    const thread = (await officer.post(`/api/documents/${id}/threads`, { anchor: anchorOn(writer.doc, 'must be protected'), body: 'Name the sectors.' })).json.thread
    expect((await lead.post(`/api/documents/${id}/threads/${thread.id}/comments`, { body: 'Energy, water, health.' })).status).toBe(201)
    const revision = (await lead.post(`/api/documents/${id}/revisions`, { label: 'Zero draft' })).json.revision
    const threadsBefore = (await officer.get(`/api/documents/${id}/threads`)).json.threads
    const revisionsBefore = (await lead.get(`/api/documents/${id}/revisions`)).json.revisions
    const workspacesBefore = (await officer.get('/api/workspaces')).json
    expect(workspacesBefore).toContainEqual(expect.objectContaining({ id: workspace.id, documentCount: 1 }))
    for (const client of clients.splice(0)) client.destroy()
    // While the server runs on the data directory, the copy is refused: what it writes later would be lost.
    const whileRunning = copyCommand(dataDir, schema.url)
    expect(whileRunning.status, whileRunning.stdout + whileRunning.stderr).toBe(2)
    expect(whileRunning.stderr).toMatch(/a server is running on this data directory/)
    expect(await server.stop()).toBe(0)
    server = undefined

    const counts = sqliteCounts(dataDir)
    const source = new Database(databasePath(dataDir), { readonly: true })
    const tables = sqliteTables(source)
    const lastMember = Number((source.prepare('SELECT MAX(id) AS id FROM members').get() as { id: number }).id)
    const lastSeq = Number((source.prepare(`SELECT seq FROM sqlite_sequence WHERE name = 'document_updates'`).get() as { seq: number }).seq)
    expect(source.pragma('user_version', { simple: true })).toBe(schemaVersion)
    source.close()
    // The first secretariat member the server made at its first start, the officer, the co-facilitator.
    expect(counts.members).toBe(3)
    expect(counts.revisions).toBe(1)
    expect(counts.comments).toBe(2)
    // Compacted: SQLite gave log numbers the rows left do not show, which PostgreSQL must not give again.
    expect(counts.document_updates).toBeLessThan(lastSeq)

    const copied = copyCommand(dataDir, schema.url)
    expect(copied.status, copied.stderr).toBe(0)
    // The summary names every table SQLite has, with as many rows as it has.
    const summary = Object.fromEntries([...copied.stdout.matchAll(/^ {2}(\w+)\s+(\d+)$/gm)].map((match) => [match[1], Number(match[2])]))
    expect(Object.keys(summary).sort()).toEqual(tables)
    expect(summary).toEqual(counts)
    expect(copied.stdout).toMatch(/rows in \d+ tables, in \d+ ms/)
    // And PostgreSQL holds them, at the schema version of the SQLite file (the migrations' bookkeeping, not copied).
    expect(await postgresCounts(schema)).toEqual({ counts, version: schemaVersion })

    server = await startTestServer(dataDir, {}, { databaseUrl: schema.url })
    const officerAgain = new ApiClient(server.url, officerToken)
    const leadAgain = new ApiClient(server.url, leadToken)
    expect((await officerAgain.get('/api/me')).json.member.name).toBe('Secretariat officer')
    expect((await leadAgain.get('/api/me')).json.member).toMatchObject({ name: 'Co-facilitator', delegation: 'Singapore' })
    const reader = connectClient(server.wsUrl, id, leadToken)
    clients.push(reader)
    await reader.synced
    expect(blockTexts(reader.doc)).toEqual(['Critical infrastructure must be protected.', 'States cooperate in good faith.'])
    expect((await officerAgain.get(`/api/documents/${id}/threads`)).json.threads).toEqual(threadsBefore)
    expect((await leadAgain.get(`/api/documents/${id}/revisions`)).json.revisions).toEqual(revisionsBefore)
    expect((await officerAgain.get('/api/workspaces')).json).toEqual(workspacesBefore)

    // New rows take ids after those copied: a revision, a member, a log entry (after every number SQLite gave).
    const next = await leadAgain.post(`/api/documents/${id}/revisions`, { label: 'First draft' })
    expect(next.status).toBe(201)
    expect(next.json.revision.id).toBe(revision.id + 1)
    expect((await enrol(dataDir, 'Delegate of Kenya', 'delegation', 'Kenya')).id).toBe(lastMember + 1)
    expect((await officerAgain.post(`/api/documents/${id}/threads/${thread.id}/comments`, { body: 'And transport.' })).status).toBe(201)
    const firstParagraph = reader.doc.getXmlFragment('content').get(0) as Y.XmlElement
    ;(firstParagraph.get(0) as Y.XmlText).insert(0, 'All ')
    await waitForAsync(
      async () => withPostgres(schema, async (client) => (await client.query('SELECT seq FROM document_updates')).rows.length > counts.document_updates),
      'the new edit to be stored',
    )
    const seqs = await withPostgres(schema, async (client) => (await client.query('SELECT seq FROM document_updates ORDER BY seq')).rows.map((row) => Number(row.seq)))
    expect(seqs.at(-1)).toBeGreaterThan(lastSeq)
    for (const client of clients.splice(0)) client.destroy()
    expect(await server.stop()).toBe(0)
    server = undefined
  })

  it('refuses to copy while a server runs on the data directory, even one whose PUBLIC_URL does not answer here', { timeout: 60_000 }, async () => {
    const target = await createTestSchema()
    schemas.push(target)
    const running = tempDataDir()
    await enrol(running, 'Secretariat officer', 'secretariat')
    const elsewhere = await startTestServer(running, { PUBLIC_URL: 'https://dtg.example.invalid' })
    try {
      const refused = copyCommand(running, target.url)
      expect(refused.status, refused.stdout + refused.stderr).toBe(2)
      expect(refused.stderr).toContain(`another process has ${databasePath(running)} open (a server still running on it?)`)
      expect((await postgresCounts(target)).version).toBeNull()
    } finally {
      expect(await elsewhere.stop()).toBe(0)
    }
  })

  it('refuses a database that holds rows, and changes nothing in it', async () => {
    const before = await postgresCounts(schema)
    expect(before.counts.members).toBe(4)
    const again = copyCommand(dataDir, schema.url)
    expect(again.status).toBe(2)
    expect(again.stderr).toMatch(/PostgreSQL database is not empty \(rows in .*members.*\).*changed nothing/)
    expect(await postgresCounts(schema)).toEqual(before)
  })

  it('leaves nothing copied when a row cannot be written', { timeout: 60_000 }, async () => {
    const target = await createTestSchema()
    schemas.push(target)
    const broken = tempDataDir()
    await enrol(broken, 'Secretariat officer', 'secretariat')
    await registerDocument(broken, 'dtg1-2026-summary', { dtg: 1, year: 2026 })
    // SQLite keeps what a column is given; PostgreSQL's BIGINT does not take text. The last table copied, so every
    // other table has been written when it fails.
    const sqlite = new Database(databasePath(broken))
    sqlite
      .prepare(`INSERT INTO document_snapshots (document_id, reason, content, authors, created_at) VALUES (?, 'auto', '', '[]', 'yesterday')`)
      .run('dtg1-2026-summary')
    sqlite.close()
    const failed = copyCommand(broken, target.url)
    expect(failed.status).toBe(2)
    expect(failed.stderr).toMatch(/copy-to-postgres failed, nothing was copied: copying document_snapshots: /)
    const after = await postgresCounts(target)
    expect(Object.values(after.counts).every((rows) => rows === 0)).toBe(true)
    // The schema was created (an empty database stays fit for the next try).
    expect(after.version).toBe(schemaVersion)
    const retried = copyCommand(broken, target.url)
    expect(retried.status).toBe(2)
    expect(retried.stderr).toMatch(/copying document_snapshots/)
  })
})
