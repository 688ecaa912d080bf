import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openSqlite } from '../../server/store/sqlite.ts'
import { SqliteDocumentStore } from '../../server/store/sqliteDocuments.ts'
import { connectClient, waitFor, type TestClient } from '../helpers/clients.ts'
import { frameKind, openRawSocket, syncUpdateFrame } from '../helpers/rawSocket.ts'
import { mintToken, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'

const maxMessageBytes = 64 * 1024

describe('bad input', () => {
  let server: TestServer
  let dataDir: string
  let token: string
  const clients: TestClient[] = []

  const storedBytes = async (documentId: string) => {
    const db = openSqlite(dataDir)
    try {
      const stored = await new SqliteDocumentStore(db).load(documentId)
      return Buffer.concat([stored.state ?? new Uint8Array(), ...stored.updates]).toString('hex')
    } finally {
      db.close()
    }
  }

  /** Two well-behaved clients editing one document, to check they are untouched by a bad one. */
  async function bystanders(documentId: string) {
    const a = connectClient(server.wsUrl, documentId, token)
    const b = connectClient(server.wsUrl, documentId, token)
    clients.push(a, b)
    await Promise.all([a.synced, b.synced])
    a.text.insert(0, 'Before. ')
    await waitFor(() => b.text.toString() === 'Before. ', 'the first edit')
    return { a, b }
  }

  async function stillEditing(a: TestClient, b: TestClient, word: string) {
    b.text.insert(b.text.length, word)
    await waitFor(() => a.text.toString().endsWith(word), `${word} to reach the other client`)
    expect(a.closes).toEqual([])
    expect(b.closes).toEqual([])
  }

  beforeAll(async () => {
    dataDir = tempDataDir()
    token = await mintToken(dataDir, 'Drafting tool', 'secretariat')
    server = await startTestServer(dataDir, { MAX_MESSAGE_BYTES: String(maxMessageBytes) })
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server?.stop()
  })

  const malformed: Array<[string, Uint8Array | string]> = [
    ['an unknown message type', new Uint8Array([9, 1, 2, 3])],
    ['an unknown sync step', new Uint8Array([0, 7, 0])],
    ['an empty frame', new Uint8Array([])],
    ['a truncated update', new Uint8Array([0, 2, 50, 1, 2, 3])],
    ['an update that does not decode', syncUpdateFrame(new Uint8Array([1, 1, 200, 200, 200, 1, 0, 255, 255, 255, 255, 255, 255]))],
    ['random bytes in an update', syncUpdateFrame(new Uint8Array(Array.from({ length: 64 }, (_, i) => (i * 73 + 19) % 256)))],
    ['a truncated state vector', new Uint8Array([0, 0, 3, 1])],
    ['a text frame', 'hello'],
  ]

  for (const [what, frame] of malformed) {
    it(`closes a connection that sends ${what} with 1002, and only that one`, async () => {
      const documentId = `malformed-${malformed.findIndex(([w]) => w === what)}`
      const { a, b } = await bystanders(documentId)
      const before = await storedBytes(documentId)
      const raw = await openRawSocket(`${server.wsUrl}/${documentId}?token=${token}`)
      await waitFor(() => raw.received.some((f) => frameKind(f) === 'sync-step1'), 'the server greeting')
      raw.send(frame)
      expect((await raw.closed).code).toBe(1002)
      expect(await storedBytes(documentId)).toBe(before)
      await stillEditing(a, b, 'After.')
    })
  }

  it('closes a connection whose frame exceeds the limit with 1009, and only that one', async () => {
    const { a, b } = await bystanders('oversized')
    const before = await storedBytes('oversized')
    const raw = await openRawSocket(`${server.wsUrl}/oversized?token=${token}`)
    raw.send(new Uint8Array(maxMessageBytes + 1))
    expect((await raw.closed).code).toBe(1009)
    expect(await storedBytes('oversized')).toBe(before)
    await stillEditing(a, b, 'After.')
  })

  it('answers a query for awareness with the states it holds', async () => {
    const a = connectClient(server.wsUrl, 'query-awareness', token)
    clients.push(a)
    await a.synced
    a.provider.awareness.setLocalStateField('user', { color: '#b0c4de' })
    const raw = await openRawSocket(`${server.wsUrl}/query-awareness?token=${token}`)
    await waitFor(() => raw.received.some((f) => frameKind(f) === 'sync-step1'), 'the server greeting')
    raw.received.length = 0
    raw.send(new Uint8Array([3]))
    await waitFor(() => raw.received.some((f) => frameKind(f) === 'awareness'), 'the awareness states')
    const states = Buffer.from(raw.received.find((f) => frameKind(f) === 'awareness')!).toString()
    expect(states).toContain('#b0c4de')
    expect(states).toContain('Drafting tool')
    raw.ws.close()
  })

  it('refuses a WebSocket handshake the socket library would refuse, itself, before anything is prepared for it', async () => {
    /** The whole answer to a raw request on a connection of its own (the server closes it after a refusal). */
    const answer = (lines: string[]) =>
      new Promise<string>((resolve, reject) => {
        const { port } = new URL(server.url)
        const socket = net.connect(Number(port), '127.0.0.1', () => socket.write(`${lines.join('\r\n')}\r\n\r\n`))
        let text = ''
        socket.on('data', (chunk) => {
          text += chunk.toString('latin1')
          // A 101 keeps the connection open: its head is the whole answer.
          if (text.startsWith('HTTP/1.1 101') && text.includes('\r\n\r\n')) socket.destroy()
        })
        socket.on('close', () => resolve(text))
        socket.on('error', reject)
      })
    const handshake = (headers: Record<string, string>) => [
      `GET /collab/handshakes?token=${token} HTTP/1.1`,
      `Host: 127.0.0.1`,
      ...Object.entries({ Connection: 'Upgrade', Upgrade: 'websocket', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version': '13', ...headers })
        .filter(([, value]) => value !== '')
        .map(([name, value]) => `${name}: ${value}`),
    ]
    expect(await answer(handshake({}))).toMatch(/^HTTP\/1\.1 101 /)
    // Refused by the route (the answer a refused upgrade gets: no body), not by the socket library after it.
    for (const [what, headers] of [
      ['no key', { 'Sec-WebSocket-Key': '' }],
      ['a key that is not one', { 'Sec-WebSocket-Key': 'not-a-key' }],
      ['an unknown version', { 'Sec-WebSocket-Version': '99' }],
      ['a malformed list of subprotocols', { 'Sec-WebSocket-Protocol': 'a,,b' }],
      ['a repeated subprotocol', { 'Sec-WebSocket-Protocol': 'yjs, yjs' }],
    ] as const) {
      expect(await answer(handshake(headers)), what).toBe('HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n')
    }
    // Asked for without Connection: Upgrade, it cannot be taken over at all: a 400 that says why.
    const plain = await answer(handshake({ Connection: 'close' }))
    expect(plain).toMatch(/^HTTP\/1\.1 400 /)
    expect(plain).toContain('"code":"invalid_handshake"')
  })
})
