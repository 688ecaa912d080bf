/** One test per way a member could corrupt, brick or swamp the relay (issue 15): each is refused, and only that connection pays. */
import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openSqlite } from '../../server/store/sqlite.ts'
import { SqliteDocumentStore } from '../../server/store/sqliteDocuments.ts'
import { waitFor, sleep } from '../helpers/clients.ts'
import { serversPerTest } from '../helpers/fixture.ts'
import { inconsistentUpdates } from '../helpers/inconsistentUpdates.ts'
import { frameKind, openRawSocket, syncUpdateFrame } from '../helpers/rawSocket.ts'
import { mintToken, registerDocument, tempDataDir, type TestServer } from '../helpers/server.ts'
import { readStored } from '../helpers/stored.ts'

async function storedBytes(dataDir: string, documentId: string): Promise<string> {
  const db = openSqlite(dataDir)
  try {
    const stored = await new SqliteDocumentStore(db).load(documentId)
    return Buffer.concat([stored.state ?? new Uint8Array(), ...stored.updates]).toString('hex')
  } finally {
    db.close()
  }
}

/** An awareness frame speaking for `states` (client id -> JSON text). */
function awarenessFrame(states: Array<[number, string]>): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, states.length)
  for (const [clientId, json] of states) {
    encoding.writeVarUint(update, clientId)
    encoding.writeVarUint(update, 1)
    encoding.writeVarString(update, json)
  }
  const frame = encoding.createEncoder()
  encoding.writeVarUint(frame, 1)
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update))
  return encoding.toUint8Array(frame)
}

async function greeted(server: TestServer, documentId: string, token: string) {
  const raw = await openRawSocket(`${server.wsUrl}/${documentId}?token=${token}`)
  await waitFor(() => raw.received.some((f) => frameKind(f) === 'sync-step1'), 'the server greeting')
  return raw
}

describe('the relay under attack', () => {
  const servers = serversPerTest()

  it('refuses updates that reference what the document does not have (4502), before storing or relaying any of it', async () => {
    const dataDir = tempDataDir()
    const token = await mintToken(dataDir, 'Secretariat', 'secretariat')
    const server = await servers.start(dataDir)
    const a = servers.client(server, 'refused', token)
    const b = servers.client(server, 'refused', token)
    await Promise.all([a.synced, b.synced])
    a.text.insert(0, 'Agreed text. ')
    await waitFor(() => b.text.toString() === 'Agreed text. ', 'the first edit')
    const before = await storedBytes(dataDir, 'refused')
    for (const [what, update] of inconsistentUpdates()) {
      const raw = await greeted(server, 'refused', token)
      raw.send(syncUpdateFrame(update))
      expect((await raw.closed).code, what).toBe(4502)
    }
    expect(await storedBytes(dataDir, 'refused')).toBe(before)
    b.text.insert(b.text.length, 'After.')
    await waitFor(() => a.text.toString() === 'Agreed text. After.', 'an edit after the refusals')
    expect(b.doc.store.pendingStructs).toBeNull()
    expect(a.closes).toEqual([])
  })

  it('gives a late joiner exactly what everyone else and the store have: nothing the server did not integrate', async () => {
    const dataDir = tempDataDir()
    const token = await mintToken(dataDir, 'Secretariat', 'secretariat')
    const server = await servers.start(dataDir)
    const early = servers.client(server, 'late', token)
    await early.synced
    early.text.insert(0, 'Paragraph one. ')
    const hostile = await greeted(server, 'late', token)
    for (const [, update] of inconsistentUpdates()) hostile.send(syncUpdateFrame(update))
    early.text.insert(early.text.length, 'Paragraph two.')
    await waitFor(() => early.provider.synced, 'the early client to be synced')
    const late = servers.client(server, 'late', token)
    await late.synced
    await waitFor(() => late.text.toString() === early.text.toString(), 'the late joiner to see the text')
    expect(late.doc.store.pendingStructs).toBeNull()
    expect(late.doc.store.pendingDs).toBeNull()
    expect(Y.encodeStateVector(late.doc)).toEqual(Y.encodeStateVector(early.doc))
    expect((await readStored(dataDir, 'late')).text).toBe(early.text.toString())
  })

  it('keeps a document loadable through compaction and restarts after inconsistent updates', async () => {
    const dataDir = tempDataDir()
    const token = await mintToken(dataDir, 'Secretariat', 'secretariat')
    const env = { COMPACT_AFTER_APPENDS: '2', ROOM_IDLE_MS: '100' }
    let server = await servers.start(dataDir, env)
    const writer = servers.client(server, 'bricked', token)
    await writer.synced
    for (const [, update] of inconsistentUpdates()) {
      const hostile = await greeted(server, 'bricked', token)
      hostile.send(syncUpdateFrame(update))
      writer.text.insert(writer.text.length, 'x')
      await sleep(20)
      hostile.ws.close()
    }
    for (let i = 0; i < 6; i++) writer.text.insert(writer.text.length, `${i}`)
    const text = writer.text.toString()
    await waitFor(() => writer.provider.synced, 'the writer to be synced')
    await server.stop()
    server = await servers.start(dataDir, env)
    const reader = servers.client(server, 'bricked', token)
    await reader.synced
    await waitFor(() => reader.text.toString() === text, 'the text after a restart')
    expect(reader.closes).toEqual([])
    const stored = await readStored(dataDir, 'bricked')
    expect(stored.text).toBe(text)
    expect(stored.size.logEntries).toBe(0)
    // The compacted state holds only what the server integrated: it loads whole, nothing pending.
    const reloaded = new Y.Doc()
    Y.applyUpdate(reloaded, stored.stored.state!)
    expect(reloaded.store.pendingStructs).toBeNull()
    expect(reloaded.store.pendingDs).toBeNull()
  })

  it('refuses a read-only member’s update from its header, without decoding it, and keeps the connection', async () => {
    const dataDir = tempDataDir()
    await registerDocument(dataDir, 'readonly', { dtg: 1, year: 2026 })
    const stakeholder = await mintToken(dataDir, 'Stakeholder', 'stakeholder')
    const server = await servers.start(dataDir)
    const before = await storedBytes(dataDir, 'readonly')
    const raw = await greeted(server, 'readonly', stakeholder)
    // Not a decodable update at all: a full decode would close the connection as malformed (1002).
    raw.send(syncUpdateFrame(new Uint8Array([1, 1, 200, 200, 200, 1, 0, 255, 255, 255, 255, 255, 255])))
    await waitFor(() => raw.received.some((f) => frameKind(f) === 'auth'), 'the permission-denied answer')
    raw.send(new Uint8Array([3]))
    await waitFor(() => raw.ws.readyState === raw.ws.OPEN && raw.received.length >= 2, 'the connection to stay usable')
    expect(raw.ws.readyState).toBe(raw.ws.OPEN)
    expect(await storedBytes(dataDir, 'readonly')).toBe(before)
  })

  it('closes a connection whose presence state nests too deep (4413) before anyone receives it', async () => {
    const dataDir = tempDataDir()
    const token = await mintToken(dataDir, 'Secretariat', 'secretariat')
    const server = await servers.start(dataDir)
    const bystander = servers.client(server, 'presence', token)
    await bystander.synced
    const raw = await greeted(server, 'presence', token)
    const depth = 200_000
    raw.send(awarenessFrame([[4242, '['.repeat(depth) + ']'.repeat(depth)]]))
    expect((await raw.closed).code).toBe(4413)
    const other = await greeted(server, 'presence', token)
    other.send(awarenessFrame([[4343, '{"user":{"name":"x"}}']]))
    await waitFor(() => bystander.provider.awareness.getStates().has(4343), 'a later presence to arrive')
    expect(bystander.provider.awareness.getStates().has(4242)).toBe(false)
  })

  it('closes a connection that speaks for too many presence client ids (4429)', async () => {
    const dataDir = tempDataDir()
    const token = await mintToken(dataDir, 'Secretariat', 'secretariat')
    const server = await servers.start(dataDir, { MAX_PRESENCE_IDS_PER_CONNECTION: '4' })
    const bystander = servers.client(server, 'ids', token)
    await bystander.synced
    const raw = await greeted(server, 'ids', token)
    raw.send(awarenessFrame(Array.from({ length: 50 }, (_, i): [number, string] => [1000 + i, '{"cursor":null}'])))
    expect((await raw.closed).code).toBe(4429)
    expect([...bystander.provider.awareness.getStates().keys()].filter((id) => id >= 1000 && id < 1050)).toEqual([])
  })

  it('bounds what one member’s unread connections hold: state requests never read close a connection (4008)', async () => {
    const dataDir = tempDataDir()
    const token = await mintToken(dataDir, 'Secretariat', 'secretariat')
    const server = await servers.start(dataDir, { MAX_BUFFERED_BYTES_PER_MEMBER: String(16 * 1024 * 1024) })
    const writer = servers.client(server, 'unread', token)
    await writer.synced
    for (let i = 0; i < 8; i++) writer.text.insert(writer.text.length, 'x'.repeat(128 * 1024))
    await waitFor(() => writer.provider.synced, 'the large document to be stored')
    const askForEverything = new Uint8Array([0, 0, 1, 0])
    const sockets = await Promise.all(Array.from({ length: 4 }, () => greeted(server, 'unread', token)))
    for (const socket of sockets) {
      socket.ws.pause()
      for (let i = 0; i < 40; i++) socket.send(askForEverything)
    }
    // Let the server answer what it was asked, then read what it sent and how it closed.
    await sleep(1500)
    for (const socket of sockets) socket.ws.resume()
    const codes = await Promise.all(sockets.map((socket) => Promise.race([socket.closed.then((c) => c.code), sleep(5000).then(() => 0)])))
    expect(codes).toContain(4008)
    expect(writer.closes).toEqual([])
    for (const socket of sockets) socket.ws.close()
  })
})
