/**
 * The whole server on PostgreSQL (DATABASE_URL), in a schema of its own: migrated by the admin CLI, signed in to with an
 * invite, edited over y-websocket, commented on, a revision cut, then stopped and started again with everything there.
 */
import { execFileSync, spawnSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, type TestClient } from '../helpers/clients.ts'
import { ApiClient } from '../helpers/http.ts'
import { writeDraft } from '../helpers/writtenDraft.ts'
import { anchorOn, blockTexts } from '../helpers/passages.ts'
import { createTestSchema, type TestSchema } from '../helpers/postgres.ts'
import { mintToken, repoRoot, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'
import { readStored } from '../helpers/stored.ts'

function admin(env: Record<string, string>, ...args: string[]) {
  return spawnSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], { cwd: repoRoot, env: { ...process.env, ...env }, encoding: 'utf8' })
}

describe('the server on PostgreSQL', () => {
  let schema: TestSchema
  let dataDir: string
  let env: Record<string, string>
  let server: TestServer
  const clients: TestClient[] = []

  beforeAll(async () => {
    schema = await createTestSchema()
    dataDir = tempDataDir()
    env = { DATA_DIR: dataDir, DATABASE_URL: schema.url }
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server?.stop()
    await schema?.drop()
  })

  it('is migrated by the admin CLI, and refuses an SQLite backup with a pointer to pg_dump', () => {
    const migrated = admin(env, 'migrate')
    expect(migrated.status, migrated.stderr).toBe(0)
    expect(migrated.stdout).toMatch(/PostgreSQL database is at schema version \d+/)
    const backup = admin(env, 'backup', `${dataDir}/copy.sqlite`)
    expect(backup.status).toBe(2)
    expect(backup.stderr).toMatch(/pg_dump/)
  })

  it('signs in, edits, comments and cuts a revision, and keeps it all across a restart', { timeout: 120_000 }, async () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'invite', '--name', 'Secretariat officer', '--role', 'secretariat'], {
      cwd: repoRoot,
      env: { ...process.env, ...env },
      encoding: 'utf8',
    })
    const inviteToken = new URL(output.trim().split('\n').at(-1)!).hash.replace('#invite=', '')
    server = await startTestServer(dataDir, {}, { databaseUrl: schema.url })
    expect((await new ApiClient(server.url).get('/readyz')).json).toMatchObject({ status: 'ready', checks: [{ name: 'database', ok: true }] })

    const secretariat = new ApiClient(server.url)
    expect((await secretariat.post('/api/auth/invite', { token: inviteToken })).status).toBe(200)
    expect((await secretariat.get('/api/me')).json.member.name).toBe('Secretariat officer')
    const workspace = (await secretariat.post('/api/workspaces', { dtg: 1, year: 2026, title: 'DTG 1 (2026)' })).json
    const leadToken = await mintToken(dataDir, 'Co-facilitator', 'cofacilitator', { delegation: 'Singapore', leads: [workspace.id] })
    const lead = new ApiClient(server.url, leadToken)
    const created = await lead.post(`/api/workspaces/${workspace.id}/documents`, { title: 'Annual summary', kind: 'working-draft' })
    expect(created.status).toBe(201)
    const id = created.json.document.id as string

    const { writer } = await writeDraft(server.wsUrl, id, leadToken, clients)
    expect(writer.denials).toEqual([])

    const thread = await secretariat.post(`/api/documents/${id}/threads`, { anchor: anchorOn(writer.doc, 'must be protected'), body: 'Name the sectors.' })
    expect(thread.status).toBe(201)
    const revision = await lead.post(`/api/documents/${id}/revisions`, { label: 'Zero draft' })
    expect(revision.status).toBe(201)
    expect((await lead.post(`/api/documents/${id}/revisions`, { label: 'zero DRAFT' })).status).toBe(409)

    for (const client of clients.splice(0)) client.destroy()
    expect(await server.stop()).toBe(0)
    // What the server stored is in PostgreSQL, read back by the same store code.
    const { stored } = await readStored(dataDir, id)
    expect(stored.state !== null || stored.updates.length > 0).toBe(true)
    server = await startTestServer(dataDir, {}, { databaseUrl: schema.url })

    // The session (a cookie) holds on the new process: it is in the database, not in memory.
    const me = await fetch(`${server.url}/api/me`, { headers: { cookie: secretariat.sessionCookie! } })
    expect(me.status).toBe(200)
    const officerAgain = new ApiClient(server.url, await mintToken(dataDir, 'Secretariat officer', 'secretariat'))
    const leadAgain = new ApiClient(server.url, leadToken)
    const reader = connectClient(server.wsUrl, id, leadToken)
    clients.push(reader)
    await reader.synced
    expect(blockTexts(reader.doc)).toEqual(['Critical infrastructure must be protected.', 'States cooperate in good faith.'])
    const threads = (await officerAgain.get(`/api/documents/${id}/threads`)).json.threads
    expect(threads).toHaveLength(1)
    expect(threads[0]).toMatchObject({ anchor: { quote: 'must be protected' }, author: { name: 'Secretariat officer' }, comments: [{ body: 'Name the sectors.' }] })
    const revisions = (await leadAgain.get(`/api/documents/${id}/revisions`)).json.revisions
    expect(revisions.map((entry: { label: string }) => entry.label)).toEqual(['Zero draft'])
    const workspaces = (await officerAgain.get('/api/workspaces')).json
    expect(workspaces).toMatchObject([{ id: workspace.id, documentCount: 1 }])
  })
})
