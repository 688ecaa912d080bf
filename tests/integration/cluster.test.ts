/**
 * Several instances on one database, coordinated through Redis: clients on different instances converge and see each
 * other's presence, revocations and document events cross by notice (no sweep needed), nothing is lost when an instance is killed,
 * when both compact one document, or when Redis restarts, and per-member limits count every instance.
 */
import { execFileSync } from 'node:child_process'
import { afterEach, describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/collab/closeCodes.ts'
import { connectClient, sleep, waitFor, waitForAsync, type TestClient } from '../helpers/clients.ts'
import { Balancer, clearPrefix, PrivateRedis, sharedRedisUrl, startInstances, uniquePrefix } from '../helpers/cluster.ts'
import { openEvents, type EventStream } from '../helpers/events.ts'
import { openRawSocket } from '../helpers/rawSocket.ts'
import { ApiClient } from '../helpers/http.ts'
import { blockKeys } from '../../shared/collab/blockKey.ts'
import { anchorOn, blockTexts, textHolding } from '../helpers/passages.ts'
import { enrol, repoRoot, tempDataDir, type TestServer } from '../helpers/server.ts'

function addParagraph(client: TestClient, text: string): void {
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.insert(0, [new Y.XmlText(text)])
  const content = client.doc.getXmlFragment('content')
  content.insert(content.length, [paragraph])
}

/** The words (tokens like `a12`) a client's text holds. */
function wordsOf(client: TestClient): Set<string> {
  return new Set(client.text.toString().split(/\s+/).filter(Boolean))
}

async function readyz(server: TestServer): Promise<{ status: number; body: any }> {
  const response = await fetch(`${server.url}/readyz`)
  return { status: response.status, body: await response.json() }
}

describe('several instances through Redis', { timeout: 60_000 }, () => {
  const servers: TestServer[] = []
  const clients: TestClient[] = []
  const streams: EventStream[] = []
  const cleanups: Array<() => Promise<void>> = []

  afterEach(async (context) => {
    // A failed test shows what its instances logged.
    if (context.task.result?.state === 'fail') {
      for (const s of servers) console.error(`instance on port ${s.port} logged:\n${s.logs().split('\n').slice(-200).join('\n')}`)
    }
    for (const stream of streams.splice(0)) stream.close()
    for (const client of clients.splice(0)) client.destroy()
    for (const server of servers.splice(0)) await server.kill9()
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
  })

  let prefix = ''
  async function instances(dataDir: string, count: number, env: Record<string, string> = {}, redisUrl?: string): Promise<TestServer[]> {
    const own = (prefix = uniquePrefix())
    cleanups.push(() => clearPrefix(own, redisUrl))
    // Without the periodic sweep (an hour apart): revocations and sign-outs can reach another instance only by its notice.
    const started = await startInstances(dataDir, count, { prefix: own, env: { REVOCATION_SWEEP_MS: '3600000', ...env }, redisUrl })
    servers.push(...started)
    return started
  }

  const client = (wsUrl: string, documentId: string, token: string) => {
    const c = connectClient(wsUrl, documentId, token)
    clients.push(c)
    return c
  }

  it('converges clients on two instances, carries presence, a revocation and a comment across', async () => {
    const dataDir = tempDataDir()
    const secretariat = await enrol(dataDir, 'Secretariat officer', 'secretariat')
    const lead = await enrol(dataDir, 'Co-facilitator Singapore', 'cofacilitator', 'Singapore')
    const kenya = await enrol(dataDir, 'Delegate of Kenya', 'delegation', 'Kenya')
    const [a, b] = await instances(dataDir, 2)

    const onA = new ApiClient(a.url, secretariat.token)
    const workspace = await onA.post('/api/workspaces', { dtg: 1, year: 2027, title: 'DTG 1 in 2027' })
    expect(workspace.status).toBe(201)
    expect((await onA.put(`/api/workspaces/${workspace.json.id}/cofacilitators/${lead.id}`)).status).toBe(200)
    const created = await new ApiClient(a.url, lead.token).post(`/api/workspaces/${workspace.json.id}/documents`, { title: 'Summary', kind: 'working-draft' })
    expect(created.status).toBe(201)
    const documentId = created.json.document.id as string

    // Text typed on either instance reaches the clients of both.
    const writerA = client(a.wsUrl, documentId, lead.token)
    const writerB = client(b.wsUrl, documentId, lead.token)
    await Promise.all([writerA.synced, writerB.synced])
    addParagraph(writerA, 'States should protect critical infrastructure.')
    await waitFor(() => blockTexts(writerB.doc).includes('States should protect critical infrastructure.'), 'B to receive what was typed on A')
    addParagraph(writerB, 'Points of contact are designated.')
    await waitFor(() => blockTexts(writerA.doc).includes('Points of contact are designated.'), 'A to receive what was typed on B')
    expect(blockTexts(writerA.doc)).toEqual(blockTexts(writerB.doc))

    // Presence: each side sees the other's cursor owner, named by the server.
    writerA.provider.awareness.setLocalStateField('cursor', { at: 1 })
    writerB.provider.awareness.setLocalStateField('cursor', { at: 2 })
    await waitFor(() => writerB.provider.awareness.getStates().get(writerA.doc.clientID)?.cursor?.at === 1, "B to see A's presence")
    await waitFor(() => writerA.provider.awareness.getStates().get(writerB.doc.clientID)?.cursor?.at === 2, "A to see B's presence")
    expect(writerB.provider.awareness.getStates().get(writerA.doc.clientID)?.user?.name).toBe('Co-facilitator Singapore')

    // A comment posted on A reaches a viewer's event stream on B.
    const viewerOnB = await openEvents(b, documentId, kenya.token)
    streams.push(viewerOnB)
    // The stream starts with the document's status (validated on a worker thread that may still be starting).
    expect(await viewerOnB.next('status', () => true, 20_000)).not.toBeNull()
    const anchor = anchorOn(writerA.doc, 'critical infrastructure')
    const thread = await new ApiClient(a.url, lead.token).post(`/api/documents/${documentId}/threads`, { anchor, body: 'Which sectors?' })
    expect(thread.status).toBe(201)
    expect(await viewerOnB.next('thread', (data) => data.id === thread.json.thread.id, 5000)).not.toBeNull()

    // Text agreed through A is locked on B at once: B forgot the statuses it held.
    expect((await new ApiClient(a.url, lead.token).put(`/api/documents/${documentId}/blocks/status`, { blocks: [blockKeys(writerA.doc)[0]], status: 'agreed' })).status).toBe(200)
    const onB = new ApiClient(b.url, lead.token)
    const agreedOnB = async () => (await onB.get(`/api/documents/${documentId}/blocks/status`)).json.blocks.some((block: { status: string }) => block.status === 'agreed')
    await waitForAsync(agreedOnB, 'B to know the block is agreed', 5000)
    const typistOnB = client(b.wsUrl, documentId, lead.token)
    await typistOnB.synced
    textHolding(typistOnB.doc, 'critical infrastructure').insert(0, 'All ')
    await waitFor(() => typistOnB.closes.length > 0, "B to refuse the change to agreed text")
    expect(typistOnB.closes[0].code).toBe(CloseCode.agreedTextLocked.code)
    typistOnB.provider.shouldConnect = false

    // The validity B's viewers are shown follows edits made on A.
    addParagraph(writerA, 'A third paragraph, typed on A.')
    const counted = (status: any) => status.blocks.open + status.blocks.negotiating + status.blocks.agreed === 3 && status.blocks.agreed === 1
    expect(await viewerOnB.next('status', counted, 8000)).not.toBeNull()

    // A revocation made through B closes the member's connection on A, told by B (A does not sweep).
    const kenyaOnA = client(a.wsUrl, documentId, kenya.token)
    await kenyaOnA.synced
    expect((await new ApiClient(b.url, secretariat.token).post(`/api/members/${kenya.id}/revoke`)).status).toBe(200)
    await waitFor(() => kenyaOnA.closes.some((close) => close.code === CloseCode.memberRevoked.code), 'the revoked connection on A to close', 5000)
    kenyaOnA.provider.shouldConnect = false

    const ready = await readyz(a)
    expect(ready.status).toBe(200)
    expect(ready.body.checks.map((check: { name: string }) => check.name)).toContain('redis')
  })

  it('closes the connections of a member revoked with the admin CLI on every instance, told through Redis', async () => {
    const dataDir = tempDataDir()
    const secretariat = await enrol(dataDir, 'Secretariat officer', 'secretariat')
    const peru = await enrol(dataDir, 'Delegate of Peru', 'delegation', 'Peru')
    const [a, b] = await instances(dataDir, 2)
    const api = new ApiClient(b.url, secretariat.token)
    const workspace = await api.post('/api/workspaces', { dtg: 2, year: 2027, title: 'DTG 2 in 2027' })
    const created = await api.post(`/api/workspaces/${workspace.json.id}/documents`, { title: 'Summary', kind: 'working-draft' })
    expect(created.status).toBe(201)
    const peruOnB = client(b.wsUrl, created.json.document.id, peru.token)
    const peruAlsoOnA = client(a.wsUrl, created.json.document.id, peru.token)
    await Promise.all([peruOnB.synced, peruAlsoOnA.synced])
    execFileSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'revoke', '--name', 'Delegate of Peru'], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: dataDir, REDIS_URL: sharedRedisUrl, REDIS_PREFIX: prefix, LOG_LEVEL: 'warn' },
    })
    // Told by the command through Redis: neither instance sweeps.
    const revoked = (c: TestClient) => c.closes.some((close) => close.code === CloseCode.memberRevoked.code)
    await waitFor(() => revoked(peruOnB) && revoked(peruAlsoOnA), 'both connections to close', 5000)
    peruOnB.provider.shouldConnect = false
    peruAlsoOnA.provider.shouldConnect = false
  })

  it('knows a workspace made on another instance, and closes everywhere the connections of a session signed out on one instance', async () => {
    const dataDir = tempDataDir()
    const secretariat = await enrol(dataDir, 'Secretariat officer', 'secretariat')
    const [a, b] = await instances(dataDir, 2)
    const onA = new ApiClient(a.url, secretariat.token)
    const workspace = await onA.post('/api/workspaces', { dtg: 2, year: 2028, title: 'DTG 2 in 2028' })
    const created = await onA.post(`/api/workspaces/${workspace.json.id}/documents`, { title: 'Summary', kind: 'working-draft' })
    expect(created.status).toBe(201)
    // The workspace made on A is known on B: nothing but A's notice tells B's registry to read again.
    const onB = new ApiClient(b.url, secretariat.token)
    await waitForAsync(async () => (await onB.get(`/api/workspaces/${workspace.json.id}`)).status === 200, 'B to know the new workspace', 5000)
    // A delegate signs in by invite (a session cookie), and opens the document through instance B.
    const invited = await onA.post('/api/members', { name: 'Delegate of Chile', role: 'delegation', delegation: 'Chile' })
    const inviteToken = new URL(invited.json.inviteUrl).hash.replace('#invite=', '')
    const browser = new ApiClient(b.url)
    expect((await browser.post('/api/auth/invite', { token: inviteToken })).status).toBe(200)
    const cookie = browser.sessionCookie!
    const socket = await openRawSocket(`${b.wsUrl}/${created.json.document.id}`, { cookie })
    // Signed out through instance A: B, told by A (it does not sweep), closes the socket opened with that session,
    // not at the session's expiry.
    expect((await new ApiClient(a.url).request('POST', '/api/auth/signout', undefined, { cookie })).status).toBe(204)
    const closed = await Promise.race([socket.closed, new Promise<null>((resolve) => setTimeout(() => resolve(null), 5000))])
    expect(closed?.code, 'the socket on B to close').toBe(CloseCode.signedOut.code)
  })

  it('loses nothing any client saw when an instance is killed while clients on both edit; they reconnect to the other', async () => {
    const dataDir = tempDataDir()
    const { token } = await enrol(dataDir, 'Drafting tool', 'secretariat')
    const [a, b] = await instances(dataDir, 2, { ROOM_IDLE_MS: '600000' })
    const balancer = new Balancer([a.port, b.port])
    await balancer.listen()
    cleanups.push(() => balancer.close())
    // In turn: the first client to A, the second to B.
    const first = client(balancer.wsUrl, 'kill9', token)
    await first.synced
    const second = client(balancer.wsUrl, 'kill9', token)
    await second.synced
    const seen = new Set<string>()
    for (const c of [first, second]) c.text.observe(() => wordsOf(c).forEach((word) => seen.add(word)))

    const typed: string[] = []
    let typing = true
    const type = async (c: TestClient, name: string) => {
      for (let i = 0; typing; i++) {
        const word = `${name}${i}`
        c.text.insert(c.text.length, `${word} `)
        typed.push(word)
        await sleep(5)
      }
    }
    const editing = Promise.all([type(first, 'a'), type(second, 'b')])
    await sleep(400)
    await a.kill9()
    servers.splice(servers.indexOf(a), 1)
    await sleep(600)
    typing = false
    await editing
    // Both are served by B now, and hold the same text.
    await waitFor(() => first.provider.wsconnected && second.provider.wsconnected, 'both clients to reconnect', 10_000)
    await waitFor(() => first.text.toString() === second.text.toString(), 'the clients to converge', 10_000)
    const late = client(b.wsUrl, 'kill9', token)
    await late.synced
    await waitFor(() => late.text.length === first.text.length, 'a new client to hold everything', 10_000)
    const final = wordsOf(late)
    expect([...seen].filter((word) => !final.has(word))).toEqual([])
    expect(typed.filter((word) => !final.has(word))).toEqual([])
    expect(typed.length).toBeGreaterThan(50)
  })

  it('keeps every update when two instances write one document and both compact it, many times', async () => {
    const dataDir = tempDataDir()
    const { token } = await enrol(dataDir, 'Drafting tool', 'secretariat')
    // A compacts on the worker pool (from what is stored), B from its own document; both every few appends and on unload.
    const prefix = uniquePrefix()
    cleanups.push(() => clearPrefix(prefix))
    const [a] = await startInstances(dataDir, 1, { prefix, env: { COMPACT_AFTER_APPENDS: '3', COMPACT_QUIET_MS: '0', COMPACT_OFF_LOOP_BYTES: '0', ROOM_IDLE_MS: '50' } })
    const [b] = await startInstances(dataDir, 1, { prefix, env: { COMPACT_AFTER_APPENDS: '4', COMPACT_QUIET_MS: '0', ROOM_IDLE_MS: '50' } })
    servers.push(a, b)
    const typed: string[] = []
    for (let round = 0; round < 6; round++) {
      const onA = client(a.wsUrl, 'compact', token)
      const onB = client(b.wsUrl, 'compact', token)
      await Promise.all([onA.synced, onB.synced])
      for (let i = 0; i < 40; i++) {
        for (const [c, name] of [[onA, 'a'], [onB, 'b']] as const) {
          const word = `${name}${round}-${i}`
          c.text.insert(i % 2 === 0 ? 0 : c.text.length, `${word} `)
          typed.push(word)
        }
        if (i % 8 === 0) await sleep(5)
      }
      await waitFor(() => onA.text.toString() === onB.text.toString() && wordsOf(onA).size === typed.length, `round ${round} to converge`, 10_000)
      // Both rooms unload (and compact) before the next round.
      onA.destroy()
      onB.destroy()
      await sleep(300)
    }
    for (const server of [a, b]) {
      const late = client(server.wsUrl, 'compact', token)
      await late.synced
      const final = wordsOf(late)
      expect(typed.filter((word) => !final.has(word))).toEqual([])
    }
    expect(a.logs() + b.logs()).not.toMatch(/compaction_(failed|refused)|room\.failed/)
  })

  it('resumes the relay after Redis restarts while clients edit, losing nothing, and says so in logs and /readyz', async () => {
    const redis = await PrivateRedis.start()
    cleanups.push(() => redis.kill())
    const dataDir = tempDataDir()
    const { token } = await enrol(dataDir, 'Drafting tool', 'secretariat')
    const [a, b] = await instances(dataDir, 2, { LOG_LEVEL: 'info', ROOM_IDLE_MS: '600000' }, redis.url)
    const onA = client(a.wsUrl, 'restart', token)
    const onB = client(b.wsUrl, 'restart', token)
    await Promise.all([onA.synced, onB.synced])
    // An event stream open on B: events published meanwhile may be lost, so it ends once B is back (its client reconnects and catches up).
    const api = new ApiClient(a.url, token)
    const workspace = await api.post('/api/workspaces', { dtg: 1, year: 2027, title: 'DTG 1 in 2027' })
    const created = await api.post(`/api/workspaces/${workspace.json.id}/documents`, { title: 'Summary', kind: 'working-draft' })
    const response = await fetch(`${b.url}/api/documents/${created.json.document.id}/events`, { headers: { authorization: `Bearer ${token}` } })
    expect(response.status).toBe(200)
    const reader = response.body!.getReader()
    cleanups.push(() => reader.cancel().catch(() => {}))
    let streamEnded = false
    void (async () => {
      while (!(await reader.read()).done);
    })()
      .catch(() => {})
      .finally(() => (streamEnded = true))
    const typed: string[] = []
    let typing = true
    const type = async (c: TestClient, name: string) => {
      for (let i = 0; typing; i++) {
        c.text.insert(c.text.length, `${name}${i} `)
        typed.push(`${name}${i}`)
        await sleep(10)
      }
    }
    const editing = Promise.all([type(onA, 'a'), type(onB, 'b')])
    await sleep(300)
    expect(streamEnded).toBe(false)
    await redis.kill()
    await waitForAsync(async () => (await readyz(a)).status === 503, 'A to say it is not ready')
    const down = await readyz(b)
    expect(down.status).toBe(503)
    expect(down.body.checks.find((check: { name: string }) => check.name === 'redis')).toMatchObject({ ok: false })
    await sleep(500)
    await redis.start()
    await waitForAsync(async () => (await readyz(a)).status === 200 && (await readyz(b)).status === 200, 'both to be ready again')
    await waitFor(() => streamEnded, "B's event stream to end once B is subscribed again", 5000)
    await sleep(300)
    typing = false
    await editing
    await waitFor(() => onA.text.toString() === onB.text.toString(), 'the clients to converge after the restart', 10_000)
    const final = wordsOf(onA)
    expect(typed.filter((word) => !final.has(word))).toEqual([])
    for (const server of [a, b]) {
      expect(server.logs()).toMatch(/"msg":"cluster\.unreachable"/)
      expect(server.logs()).toMatch(/"msg":"cluster\.subscribed".*"again":true/)
      expect(server.logs()).toMatch(/"msg":"cluster\.catching_up"/)
    }
    const metrics = await (await fetch(`${b.url}/metrics`)).text()
    expect(metrics).toMatch(/dtg_cluster_connected 1/)
    expect(metrics).toMatch(/dtg_cluster_catch_ups_total\{reason="subscribed"\} [1-9]/)
  })

  it('reads its registry again once Redis is back: a document described on one instance meanwhile is described so on the other', async () => {
    const redis = await PrivateRedis.start()
    cleanups.push(() => redis.kill())
    const dataDir = tempDataDir()
    const secretariat = await enrol(dataDir, 'Secretariat officer', 'secretariat')
    const [a, b] = await instances(dataDir, 2, {}, redis.url)
    const onA = new ApiClient(a.url, secretariat.token)
    const onB = new ApiClient(b.url, secretariat.token)
    const workspace = await onA.post('/api/workspaces', { dtg: 1, year: 2029, title: 'DTG 1 in 2029' })
    const created = await onA.post(`/api/workspaces/${workspace.json.id}/documents`, { title: 'Summary', kind: 'working-draft' })
    const path = `/api/documents/${created.json.document.id}`
    await waitForAsync(async () => (await onB.get(path)).status === 200, 'B to know the new document', 5000)
    await redis.kill()
    await waitForAsync(async () => (await readyz(a)).status === 503 && (await readyz(b)).status === 503, 'both instances to find Redis gone')
    // Its session named on A while no notice can reach B.
    const session = 'Third substantive session'
    const described = await onA.request('PATCH', path, { session })
    expect(described.status).toBe(200)
    expect((await onB.get(path)).json.document.session).not.toBe(session)
    await redis.start()
    // Subscribed again, B cannot know what it missed: it reads its registry again.
    await waitForAsync(async () => (await onB.get(path)).json.document.session === session, 'B to know the session once Redis is back', 15_000)
  })

  it("counts a member's connections, event streams and changing requests over both instances", async () => {
    const dataDir = tempDataDir()
    const { token } = await enrol(dataDir, 'Drafting tool', 'secretariat')
    const [a, b] = await instances(dataDir, 2, { MAX_CONNECTIONS_PER_MEMBER: '2', MAX_STREAMS_PER_MEMBER: '1', API_WRITES_PER_MINUTE: '1', API_WRITE_BURST: '3' })
    const upgrade = (server: TestServer) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(`${server.wsUrl}/limits?token=${token}`)
        socket.once('open', () => {
          socket.close()
          resolve(101)
        })
        socket.once('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0))
        socket.once('error', () => resolve(0))
      })
    const first = client(a.wsUrl, 'limits', token)
    const second = client(b.wsUrl, 'limits', token)
    await Promise.all([first.synced, second.synced])
    expect(await upgrade(a)).toBe(429)
    expect(await upgrade(b)).toBe(429)
    second.destroy()
    await waitForAsync(async () => (await upgrade(a)) === 101, 'a connection to be allowed again once one on B closed')

    // One event stream: open on A, refused on B.
    const api = (server: TestServer) => new ApiClient(server.url, token)
    const workspace = await api(a).post('/api/workspaces', { dtg: 1, year: 2027, title: 'DTG 1 in 2027' })
    const created = await api(a).post(`/api/workspaces/${workspace.json.id}/documents`, { title: 'Summary', kind: 'working-draft' })
    expect(created.status).toBe(201)
    const stream = await openEvents(a, created.json.document.id, token)
    streams.push(stream)
    const refused = await fetch(`${b.url}/api/documents/${created.json.document.id}/events`, { headers: { authorization: `Bearer ${token}` } })
    expect(refused.status).toBe(429)
    // Three changing requests at once (two were made above, on A): the next, on B, is one too many.
    expect((await api(b).post('/api/workspaces', {})).status).toBe(400)
    expect((await api(b).post('/api/workspaces', {})).status).toBe(429)
  })
})
