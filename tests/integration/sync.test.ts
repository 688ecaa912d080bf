import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient, waitFor, type TestClient } from '../helpers/clients.ts'
import { mintToken, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'

describe('real-time relay', () => {
  let server: TestServer
  let token: string
  const clients: TestClient[] = []
  const client = (documentId: string) => {
    const c = connectClient(server.wsUrl, documentId, token)
    clients.push(c)
    return c
  }

  beforeAll(async () => {
    const dataDir = tempDataDir()
    token = await mintToken(dataDir, 'Drafting tool', 'secretariat')
    server = await startTestServer(dataDir)
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server?.stop()
  })

  it('answers the health check', async () => {
    const response = await fetch(`${server.url}/healthz`)
    expect(response.status).toBe(200)
    expect(await response.json()).toMatchObject({ status: 'ok' })
  })

  it('makes two clients converge on concurrent edits', async () => {
    const a = client('converge')
    const b = client('converge')
    await Promise.all([a.synced, b.synced])
    // Both edit the same position in the same turn, before either sees the other.
    a.text.insert(0, 'Recommendation on critical infrastructure. ')
    b.text.insert(0, 'Paragraph on capacity-building. ')
    a.text.insert(5, '[a]')
    b.text.delete(0, 4)
    await waitFor(() => a.text.toString() === b.text.toString() && a.text.length > 40, 'convergence')
    expect(a.text.toString()).toContain('critical infrastructure')
    expect(a.text.toString()).toContain('capacity-building')
    expect(a.doc.getText('content').toJSON()).toBe(b.doc.getText('content').toJSON())
  })

  it('gives a late joiner everything that was written before', async () => {
    const a = client('late-joiner')
    await a.synced
    for (let i = 0; i < 50; i++) a.text.insert(a.text.length, `line ${i}\n`)
    const expected = a.text.toString()
    // The late joiner must get it all from the server, not from a: a goes away first.
    await waitFor(() => a.provider.wsconnected, 'a connected')
    await new Promise((resolve) => setTimeout(resolve, 100))
    a.provider.disconnect()
    const late = client('late-joiner')
    await late.synced
    await waitFor(() => late.text.toString() === expected, 'late joiner to hold the text')
  })

  it('shows awareness states while a client is there and removes them when it leaves', async () => {
    const a = client('presence')
    const b = client('presence')
    await Promise.all([a.synced, b.synced])
    // The client claims another name; presence shows the member the server knows.
    a.provider.awareness.setLocalStateField('user', { name: 'Someone else', color: '#0a7' })
    const aId = a.doc.clientID
    const userAtB = () => (b.provider.awareness.getStates().get(aId) as { user?: Record<string, unknown> } | undefined)?.user
    await waitFor(() => userAtB()?.color === '#0a7', 'a to appear at b')
    expect(userAtB()).toEqual({ name: 'Drafting tool', delegation: null, role: 'secretariat', color: '#0a7' })
    // The server drops the state of a connection that closes, without waiting for a timeout.
    a.provider.ws!.close()
    a.provider.shouldConnect = false
    await waitFor(() => !b.provider.awareness.getStates().has(aId), 'a to disappear at b')
  })
})
