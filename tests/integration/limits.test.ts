import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { connectClient, sleep, waitFor, type TestClient } from '../helpers/clients.ts'
import { frameKind, openRawSocket, syncUpdateFrame, upgradeStatus } from '../helpers/rawSocket.ts'
import { mintToken, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'

describe('rate limit and awareness ownership', () => {
  let server: TestServer
  let token: string
  let otherToken: string
  const clients: TestClient[] = []

  beforeAll(async () => {
    const dataDir = tempDataDir()
    token = await mintToken(dataDir, 'Drafting tool', 'secretariat')
    otherToken = await mintToken(dataDir, 'Other drafting tool', 'secretariat')
    server = await startTestServer(dataDir, {
      RATE_LIMIT_MESSAGES_PER_SECOND: '50',
      RATE_LIMIT_BURST: '10',
      API_WRITES_PER_MINUTE: '6',
      API_WRITE_BURST: '3',
    })
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server?.stop()
  })

  it('slows a connection that sends faster than the limit, without dropping its frames', async () => {
    const reader = connectClient(server.wsUrl, 'flood', token)
    clients.push(reader)
    await reader.synced
    const raw = await openRawSocket(`${server.wsUrl}/flood?token=${token}`)
    await waitFor(() => raw.received.some((f) => frameKind(f) === 'sync-step1'), 'the server greeting')
    const doc = new Y.Doc()
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    for (let i = 0; i < 60; i++) doc.getText('content').insert(i, 'x')
    for (const update of updates) raw.send(syncUpdateFrame(update))
    await sleep(200)
    // 10 at once and 50 a second: far fewer than 60 can have passed in 200 ms.
    expect(reader.text.length).toBeLessThan(40)
    await waitFor(() => reader.text.length === 60, 'every frame to pass', 10_000)
    expect(raw.ws.readyState).toBe(raw.ws.OPEN)
    raw.ws.close()
  })

  it('does not let a connection overwrite the presence another member published', async () => {
    const a = connectClient(server.wsUrl, 'presence-owner', token)
    const observer = connectClient(server.wsUrl, 'presence-owner', token)
    clients.push(a, observer)
    await Promise.all([a.synced, observer.synced])
    a.provider.awareness.setLocalStateField('user', { color: 'green' })
    const aId = a.doc.clientID
    const colorAt = (c: TestClient) => (c.provider.awareness.getStates().get(aId) as { user?: { color: string } } | undefined)?.user?.color
    await waitFor(() => colorAt(observer) === 'green', 'the real presence')

    // Another member forges an update for a's client id, with a newer clock.
    const forgedDoc = new Y.Doc()
    forgedDoc.clientID = aId
    const forged = new awarenessProtocol.Awareness(forgedDoc)
    for (let i = 0; i < 20; i++) forged.setLocalState({ user: { color: `red ${i}` } })
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarUint8Array(encoder, awarenessProtocol.encodeAwarenessUpdate(forged, [aId]))
    const raw = await openRawSocket(`${server.wsUrl}/presence-owner?token=${otherToken}`)
    raw.send(encoding.toUint8Array(encoder))
    // A marker from the same socket, handled after the forgery, shows the server has processed it.
    const marker = new Y.Doc()
    marker.getText('content').insert(0, 'marker')
    raw.send(syncUpdateFrame(Y.encodeStateAsUpdate(marker)))
    await waitFor(() => observer.text.toString() === 'marker', 'the marker')
    expect(colorAt(observer)).toBe('green')
    forged.destroy()
    raw.ws.close()
  })

  it('refuses a member\'s changing REST requests past the limit with 429, and leaves reads and other members alone', async () => {
    const post = (bearer: string, year: number) =>
      fetch(`${server.url}/api/workspaces`, {
        method: 'POST',
        headers: { authorization: `Bearer ${bearer}`, 'content-type': 'application/json' },
        body: JSON.stringify({ dtg: 1, year, title: `DTG 1 (${year})` }),
      })
    const statuses = []
    for (const year of [2026, 2027, 2028, 2029]) statuses.push((await post(token, year)).status)
    expect(statuses).toEqual([201, 201, 201, 429])
    const refused = await post(token, 2030)
    expect(refused.status).toBe(429)
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect((await refused.json()).error.code).toBe('rate_limited')
    const read = await fetch(`${server.url}/api/workspaces`, { headers: { authorization: `Bearer ${token}` } })
    expect(read.status).toBe(200)
    expect((await read.json()).map((workspace: { year: number }) => workspace.year)).toEqual([2028, 2027, 2026])
    expect((await post(otherToken, 2031)).status).toBe(201)
  })
})

describe('connections per member', () => {
  it('refuses a member\'s upgrade past MAX_CONNECTIONS_PER_MEMBER with 429, and lets one in again once a connection closes', async () => {
    const dataDir = tempDataDir()
    const token = await mintToken(dataDir, 'Many tabs', 'secretariat')
    const other = await mintToken(dataDir, 'Other member', 'secretariat')
    const server = await startTestServer(dataDir, { MAX_CONNECTIONS_PER_MEMBER: '3' })
    try {
      const sockets = [] as Awaited<ReturnType<typeof openRawSocket>>[]
      for (let i = 0; i < 3; i++) sockets.push(await openRawSocket(`${server.wsUrl}/doc-${i}?token=${token}`))
      expect(await upgradeStatus(`${server.wsUrl}/doc-3?token=${token}`)).toBe(429)
      expect(await upgradeStatus(`${server.wsUrl}/doc-3?token=${other}`)).toBe(101)
      sockets[0].ws.close()
      await waitForAsync(async () => (await upgradeStatus(`${server.wsUrl}/doc-3?token=${token}`)) === 101, 'a connection to be let in again')
      for (const socket of sockets) socket.ws.close()
    } finally {
      await server.stop()
    }
  })
})

async function waitForAsync(check: () => Promise<boolean>, what: string, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await sleep(50)
  }
}
