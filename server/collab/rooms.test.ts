import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { openSqlite, type Sqlite } from '../store/sqlite.ts'
import { SqliteDocumentStore } from '../store/sqliteDocuments.ts'
import type { AppendEntry, StoredDocument } from '../store/store.ts'
import { Connection, type Socket } from './connection.ts'
import { encodeAwareness, encodeSyncStep2, encodeUpdate } from './protocol.ts'
import { writePresenceUpdate } from './presenceLimits.ts'
import { Rooms } from './rooms.ts'
import { standalone } from './fanout.ts'
import { LocalCounter } from '../cluster/localCluster.ts'
import { recoverDocument } from '../store/recovery.ts'
import { WorkerPool } from '../heavy/workerPool.ts'
import { inconsistentUpdates } from '../../tests/helpers/inconsistentUpdates.ts'
import { frameKind, syncStep1Frame } from '../../tests/helpers/rawSocket.ts'
import * as decoding from 'lib0/decoding'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { blockKeys } from '../../shared/collab/blockKey.ts'
import { doc, paragraph } from '../../shared/schema/draftBuilders.ts'
import { contentField } from '../../shared/schema/contentField.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { AgreedTextLocked } from './agreedLock.ts'

/** The store as PostgreSQL behaves: every append waits for I/O, so updates queue and are stored in batches. */
class BatchingStore extends SqliteDocumentStore {
  override appendNow(): null {
    return null
  }
}

/** The socket end of a connection: records what the server sends and how it closes. */
class RecordingSocket implements Socket {
  readyState = 1
  bufferedAmount = 0
  sent: Uint8Array[] = []
  closedWith: number | null = null
  send(data: Uint8Array) {
    this.sent.push(data)
  }
  close(code?: number) {
    this.closedWith = code ?? 1000
    this.readyState = 3
  }
}

const member = { id: 1, name: 'Co-facilitator', role: 'cofacilitator' as const, delegation: null, regionalGroup: null }
const roomLimits = {
  maxPresenceStateBytes: 16 * 1024,
  maxPresenceDepth: 16,
  maxPresenceIdsPerConnection: 4,
  maxPresenceBytesPerConnection: 32 * 1024,
  maxLoadingFrames: 256,
  maxLoadingBytes: 16 << 20,
}
const tick = () => new Promise((resolve) => setImmediate(resolve))

/** The update a sync step 2 frame carries. */
function step2Update(frame: Uint8Array): Uint8Array {
  const decoder = decoding.createDecoder(frame)
  decoding.readVarUint(decoder)
  decoding.readVarUint(decoder)
  return decoding.readVarUint8Array(decoder)
}

/** A writer's document and the updates it makes, one per change, as its provider sends them. */
function typist(): { writer: Y.Doc; typed: Uint8Array[] } {
  const writer = new Y.Doc()
  const typed: Uint8Array[] = []
  writer.on('update', (update: Uint8Array) => typed.push(update))
  return { writer, typed }
}

/** The text of what the store holds for a document: its state, then its log, applied to a fresh document. */
function storedText(stored: { state: Uint8Array | null; updates: readonly Uint8Array[] }): string {
  const doc = new Y.Doc()
  if (stored.state) Y.applyUpdate(doc, stored.state)
  for (const update of stored.updates) Y.applyUpdate(doc, update)
  return doc.getText('content').toString()
}

function updateFrame(text: string): Uint8Array {
  const doc = new Y.Doc()
  doc.getText('content').insert(0, text)
  return encodeUpdate(Y.encodeStateAsUpdate(doc))
}

describe('Rooms', () => {
  const dbs: Sqlite[] = []
  afterEach(() => {
    for (const db of dbs.splice(0)) db.close()
  })
  function openDb(dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-rooms-'))): Sqlite {
    const db = openSqlite(dataDir)
    dbs.push(db)
    return db
  }
  const connect = (rooms: Rooms, documentId: string, canWrite = true) => {
    const socket = new RecordingSocket()
    const connection = new Connection(socket, member, () => canWrite, { maxBufferedBytes: 1 << 20, messagesPerSecond: 0, messageBurst: 1 })
    const room = rooms.join(documentId, connection)
    return { socket, connection, room }
  }

  it('holds frames that arrive while the document loads and handles them, in order, once it has loaded', async () => {
    let releaseLoad!: () => void
    const gate = new Promise<void>((resolve) => (releaseLoad = resolve))
    class SlowStore extends SqliteDocumentStore {
      override async load(documentId: string): Promise<StoredDocument> {
        await gate
        return super.load(documentId)
      }
    }
    const store = new SlowStore(openDb())
    await store.append([{ documentId: 'slow', update: Y.encodeStateAsUpdate(docWith('stored ')) }])
    const rooms = new Rooms(store, { ...roomLimits, compactAfterAppends: 1000, roomIdleMs: 1000 })
    const a = connect(rooms, 'slow')
    const b = connect(rooms, 'slow')
    a.room.receive(a.connection, updateFrame('first'))
    a.room.receive(a.connection, updateFrame('second'))
    await tick()
    // Nothing is answered, applied or relayed before the stored state is in.
    expect(a.socket.sent).toEqual([])
    expect(b.socket.sent).toEqual([])
    expect(a.room.doc.getText('content').toString()).toBe('')

    releaseLoad()
    await a.room.loaded
    await tick()
    await tick()
    const text = a.room.doc.getText('content').toString()
    expect(text).toContain('stored ')
    expect(text).toContain('first')
    expect(text).toContain('second')
    // b was greeted, then received both updates, in order.
    expect(b.socket.sent.length).toBe(3)
  })

  it('answers a sync request from the stored bytes, diffed against its state vector, before the document is built', async () => {
    const store = new SqliteDocumentStore(openDb())
    const client = docWith('stored state, ')
    await store.compact('cold', Y.encodeStateAsUpdate(client), [])
    const writer = new Y.Doc()
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(client))
    writer.getText('content').insert(14, 'then its log')
    await store.append([{ documentId: 'cold', update: Y.encodeStateAsUpdate(writer, Y.encodeStateVector(client)) }])
    const rooms = new Rooms(store, { ...roomLimits, compactAfterAppends: 1000, roomIdleMs: 1000, roomBuildDelayMs: 10_000 })
    const a = connect(rooms, 'cold')
    await tick()
    a.room.receive(a.connection, syncStep1Frame(client))
    // Answered at once, from the stored state and log, while the document is still being opened.
    expect(a.room.state).toBe('loading')
    expect(a.room.doc.getText('content').toString()).toBe('')
    // The log's part as an update, then the state's part as the step 2 (the state and log are never merged for it).
    expect(a.socket.sent.map(frameKind)).toEqual(['sync-update', 'sync-step2'])
    const [logPart, statePart] = a.socket.sent.map(step2Update)
    // Only what the client lacks: the log entry, not the state it already holds.
    expect([...Y.parseUpdateMeta(logPart).to.keys()]).toEqual([writer.clientID])
    expect([...Y.parseUpdateMeta(statePart).to.keys()]).toEqual([])
    Y.applyUpdate(client, logPart)
    Y.applyUpdate(client, statePart)
    expect(client.getText('content').toString()).toBe('stored state, then its log')
    // Presence needs no document: it is relayed while the document is still unbuilt.
    const b = connect(rooms, 'cold')
    a.room.receive(a.connection, encodeAwareness(writePresenceUpdate([{ clientId: 7, clock: 1, json: '{"name":"A"}' }])))
    expect(a.room.state).toBe('loading')
    expect(b.socket.sent.map(frameKind)).toEqual(['awareness'])
    // An edit needs it: the document is built at once, not after the delay, and the edit goes in after what is stored.
    a.room.receive(a.connection, updateFrame('and an edit'))
    await a.room.loaded
    await rooms.whenStored()
    expect(a.room.state).toBe('ready')
    expect(a.room.doc.getText('content').toString()).toContain('stored state, then its log')
    expect(a.room.doc.getText('content').toString()).toContain('and an edit')
    expect(a.socket.sent.map(frameKind)).toEqual(['sync-update', 'sync-step2', 'awareness', 'sync-step1', 'awareness'])
  })

  it('builds a document that has answered its connections only once something needs it, or after the delay', async () => {
    const store = new SqliteDocumentStore(openDb())
    await store.compact('quiet', Y.encodeStateAsUpdate(docWith('stored')), [])
    const rooms = new Rooms(store, { ...roomLimits, compactAfterAppends: 1000, roomIdleMs: 1000, roomBuildDelayMs: 300 })
    const first = connect(rooms, 'quiet')
    await tick()
    first.room.receive(first.connection, syncStep1Frame(new Y.Doc()))
    // A second reader arriving meanwhile is answered from the stored bytes too, without waiting for a build.
    const second = connect(rooms, 'quiet')
    second.room.receive(second.connection, syncStep1Frame(new Y.Doc()))
    expect(second.socket.sent.map(frameKind)).toEqual(['sync-step2'])
    await new Promise((resolve) => setTimeout(resolve, 100))
    expect(first.room.state).toBe('loading')
    await first.room.loaded
    expect(first.room.state).toBe('ready')
    expect(first.room.doc.getText('content').toString()).toBe('stored')
  })

  it('never answers from a read of the store that has not completed, nor ahead of the connection\'s own frames', async () => {
    let releaseLoad!: () => void
    const gate = new Promise<void>((resolve) => (releaseLoad = resolve))
    class SlowStore extends SqliteDocumentStore {
      override async load(documentId: string): Promise<StoredDocument> {
        await gate
        return super.load(documentId)
      }
    }
    const store = new SlowStore(openDb())
    await store.compact('partial', Y.encodeStateAsUpdate(docWith('state ')), [])
    await store.append([{ documentId: 'partial', update: Y.encodeStateAsUpdate(docWith('log ')) }])
    const rooms = new Rooms(store, { ...roomLimits, compactAfterAppends: 1000, roomIdleMs: 1000, roomBuildDelayMs: 10_000 })
    const early = connect(rooms, 'partial')
    early.room.receive(early.connection, syncStep1Frame(new Y.Doc()))
    await tick()
    expect(early.socket.sent).toEqual([])
    releaseLoad()
    await early.room.loaded
    await tick()

    // Read, not built: a connection's update goes first, so its sync request waits for the document and includes it.
    await store.compact('ordered-early', Y.encodeStateAsUpdate(docWith('state ')), [])
    await store.append([{ documentId: 'ordered-early', update: Y.encodeStateAsUpdate(docWith('log ')) }])
    const writer = connect(rooms, 'ordered-early')
    await tick()
    writer.room.receive(writer.connection, updateFrame('mine '))
    writer.room.receive(writer.connection, syncStep1Frame(new Y.Doc()))
    expect(writer.socket.sent).toEqual([])
    await writer.room.loaded
    await rooms.whenStored()
    await tick()
    for (const [socket, expected] of [
      [early.socket, ['state ', 'log ']],
      [writer.socket, ['state ', 'log ', 'mine ']],
    ] as const) {
      const doc = new Y.Doc()
      const answers = socket.sent.filter((frame) => frameKind(frame) === 'sync-step2')
      expect(answers.length).toBe(1)
      Y.applyUpdate(doc, step2Update(answers[0]))
      for (const part of expected) expect(doc.getText('content').toString()).toContain(part)
    }
  })

  it('leaves out the presence states a stock client echoes back: they count against no connection and remove nothing', async () => {
    const rooms = new Rooms(new SqliteDocumentStore(openDb()), { ...roomLimits, compactAfterAppends: 1000, roomIdleMs: 1000 })
    // One member in six tabs, each publishing its own presence (the limit is four client ids per connection).
    const tabs = Array.from({ length: 6 }, () => connect(rooms, 'echo'))
    await tabs[0].room.loaded
    const presence = (clientId: number, clock: number, json: string) => encodeAwareness(writePresenceUpdate([{ clientId, clock, json }]))
    tabs.forEach((tab, i) => tab.room.receive(tab.connection, presence(100 + i, 1, '{"cursor":null}')))
    const room = tabs[0].room
    expect([...room.awareness.getStates().keys()].sort()).toEqual([100, 101, 102, 103, 104, 105])
    // The first tab sends back everything it heard, states and a removal of one it timed out locally, at the clocks it heard.
    const echoed = writePresenceUpdate([
      ...[101, 102, 103, 104].map((clientId) => ({ clientId, clock: 1, json: '{"cursor":null,"user":{"name":"Co-facilitator"}}' })),
      { clientId: 105, clock: 1, json: 'null' },
      { clientId: 100, clock: 2, json: '{"cursor":{"anchor":1}}' },
    ])
    tabs[0].room.receive(tabs[0].connection, encodeAwareness(echoed))
    expect(tabs.map((tab) => tab.socket.closedWith)).toEqual([null, null, null, null, null, null])
    expect([...room.awareness.getStates().keys()].sort()).toEqual([100, 101, 102, 103, 104, 105])
    // Its own state, newer, did go through.
    expect(room.awareness.getStates().get(100)).toMatchObject({ cursor: { anchor: 1 } })
    expect([...tabs[0].connection.awarenessIds]).toEqual([100])
  })

  it('forgets the record of a client id whose presence went long ago, keeping recent ones for telling echoes apart', async () => {
    const rooms = new Rooms(new SqliteDocumentStore(openDb()), { ...roomLimits, compactAfterAppends: 1000, roomIdleMs: 60_000 })
    const keeper = connect(rooms, 'all-day')
    await keeper.room.loaded
    const room = keeper.room
    const presence = (clientId: number) => encodeAwareness(writePresenceUpdate([{ clientId, clock: 1, json: '{"cursor":null}' }]))
    keeper.room.receive(keeper.connection, presence(1))
    // A day of tabs opened and closed: each publishes its presence and leaves.
    const visit = (clientId: number) => {
      const tab = connect(rooms, 'all-day')
      tab.room.receive(tab.connection, presence(clientId))
      rooms.leave(tab.room, tab.connection)
    }
    for (let clientId = 1000; clientId < 1100; clientId++) visit(clientId)
    expect([...room.awareness.getStates().keys()]).toEqual([1])
    // y-protocols keeps a record of every client id it saw. Looked through when those gone reach 64, then twice what
    // the last look kept (128 here, all of them being recent then): those gone for over 30 s are let go.
    expect(room.awareness.meta.size).toBe(1 + 1 + 100)
    for (const [clientId, record] of room.awareness.meta) if (clientId >= 1000 && clientId < 1090) record.lastUpdated -= 60_000
    for (let clientId = 2000; clientId < 2028; clientId++) visit(clientId)
    const kept = [...room.awareness.meta.keys()].filter((clientId) => clientId !== room.awareness.clientID).sort((a, b) => a - b)
    expect(kept).toEqual([1, ...Array.from({ length: 10 }, (_, i) => 1090 + i), ...Array.from({ length: 28 }, (_, i) => 2000 + i)])
    // A recent one is still told apart: its echo at the old clock brings nothing back.
    keeper.room.receive(keeper.connection, presence(1095))
    expect([...room.awareness.getStates().keys()]).toEqual([1])
    await rooms.closeAll()
  })

  it('compacts on the worker pool from what is stored, one compaction at a time, and unloads compacted when the pool is gone', { timeout: 60_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-rooms-'))
    const store = new SqliteDocumentStore(openDb(dataDir))
    const pool = new WorkerPool({ size: 1, maxQueued: 4, maxPerMember: 0, timeoutMs: 30_000, maxMemoryMb: 256, idleMs: 0, dataDir })
    const asked: number[][] = []
    const rooms = new Rooms(store, { ...roomLimits, compactAfterAppends: 5, compactOffLoopBytes: 0, roomIdleMs: 50 }, undefined, undefined, async (documentId, mergedSeqs) => {
      asked.push([...mergedSeqs])
      return (await pool.run('compactState', { stored: { storedIn: documentId, logSeqs: [...mergedSeqs] } })).state
    })
    try {
      const writer = connect(rooms, 'pooled')
      const reader = connect(rooms, 'pooled')
      await writer.room.loaded
      for (let i = 0; i < 12; i++) {
        writer.room.receive(writer.connection, updateFrame(`${i} `))
        await tick()
      }
      // Relaying did not wait for the compaction: every update reached the reader.
      expect(reader.socket.sent.filter((frame) => frameKind(frame) === 'sync-update').length).toBe(12)
      for (let i = 0; i < 400 && (await store.size('pooled')).logEntries >= 5; i++) await new Promise((resolve) => setTimeout(resolve, 25))
      expect((await store.size('pooled')).logEntries).toBeLessThan(5)
      expect(asked.length).toBeGreaterThan(0)
      // No two compactions merged the same entry: they ran one after the other, each on what the last one left.
      const merged = asked.flat()
      expect(new Set(merged).size).toBe(merged.length)
      const expected = writer.room.doc.getText('content').toString()

      await pool.close()
      writer.room.receive(writer.connection, updateFrame('last '))
      await rooms.whenStored()
      rooms.leave(writer.room, writer.connection)
      rooms.leave(reader.room, reader.connection)
      await rooms.closeAll()
      // The pool refused: the unloading room encoded its own document, and the log is merged all the same.
      const stored = await store.load('pooled')
      expect(stored.updates).toEqual([])
      const text = storedText(stored)
      expect(text).toContain('last ')
      for (const part of expected.split(' ').filter(Boolean)) expect(text).toContain(part)
    } finally {
      await pool.close()
    }
  })

  it('builds the document at once for a change asked for while it is still being read', { timeout: 20_000 }, async () => {
    let releaseLoad!: () => void
    const gate = new Promise<void>((resolve) => (releaseLoad = resolve))
    class SlowStore extends SqliteDocumentStore {
      override async load(documentId: string): Promise<StoredDocument> {
        await gate
        return super.load(documentId)
      }
    }
    const store = new SlowStore(openDb())
    await store.append([{ documentId: 'wanted', update: Y.encodeStateAsUpdate(docWith('stored ')) }])
    // A build delay far beyond the test's time: the change must not wait for it.
    const rooms = new Rooms(store, { ...roomLimits, compactAfterAppends: 1000, roomIdleMs: 1000, roomBuildDelayMs: 60_000 })
    const changed = rooms.change('wanted', null, (doc) => doc.getText('content').insert(0, 'changed '))
    await tick()
    releaseLoad()
    await changed
    expect(storedText(await store.load('wanted'))).toBe('changed stored ')
    await rooms.closeAll()
  })

  it('compacts a document past the threshold once its editing pauses, and at once past four times the threshold', async () => {
    const store = new SqliteDocumentStore(openDb())
    const rooms = new Rooms(store, { ...roomLimits, compactAfterAppends: 5, compactQuietMs: 150, roomIdleMs: 60_000 })
    const writer = connect(rooms, 'typing')
    await writer.room.loaded
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
    // Typing goes on past the threshold: nothing is compacted while it does.
    for (let i = 0; i < 12; i++) {
      writer.room.receive(writer.connection, updateFrame(`edit ${i} `))
      await rooms.whenStored()
      await sleep(40)
    }
    expect(writer.room.logEntries).toBe(12)
    expect((await store.load('typing')).updates.length).toBe(12)
    // The pause: compacted, every edit in the state.
    const deadline = Date.now() + 5000
    while (writer.room.logEntries > 0 && Date.now() < deadline) await sleep(20)
    expect(writer.room.logEntries).toBe(0)
    const stored = await store.load('typing')
    expect(stored.updates).toEqual([])
    const text = storedText(stored)
    for (let i = 0; i < 12; i++) expect(text).toContain(`edit ${i} `)

    // Typing without a pause up to four times the threshold: compacted then, without waiting.
    for (let i = 0; i < 20; i++) {
      writer.room.receive(writer.connection, updateFrame(`burst ${i} `))
      await rooms.whenStored()
    }
    await tick()
    expect(writer.room.logEntries).toBe(0)
    rooms.leave(writer.room, writer.connection)
    await rooms.closeAll()
  })

  it('tries a compaction that fails again later, less often each time, never at once in a loop, until it succeeds', async () => {
    const attemptsAt: number[] = []
    let failing = true
    class FailingCompactions extends SqliteDocumentStore {
      override async compact(documentId: string, state: Uint8Array, mergedSeqs: readonly number[], basis?: number): Promise<boolean> {
        attemptsAt.push(performance.now())
        if (failing) throw new Error('disk full')
        return super.compact(documentId, state, mergedSeqs, basis)
      }
    }
    const store = new FailingCompactions(openDb())
    const rooms = new Rooms(store, { ...roomLimits, compactAfterAppends: 2, compactQuietMs: 30, compactRetryMs: 100, roomIdleMs: 60_000 })
    const writer = connect(rooms, 'stuck')
    await writer.room.loaded
    const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
    for (let i = 0; i < 3; i++) writer.room.receive(writer.connection, updateFrame(`edit ${i} `))
    await rooms.whenStored()
    // Nothing more is typed: one attempt after the pause, a retry 100 ms later, the next 200 ms after that.
    const deadline = Date.now() + 5000
    while (attemptsAt.length < 3 && Date.now() < deadline) await sleep(10)
    expect(attemptsAt.length).toBe(3)
    expect(writer.room.logEntries).toBe(3)
    const [first, second, third] = attemptsAt as [number, number, number]
    expect(second - first).toBeGreaterThanOrEqual(95)
    expect(third - second).toBeGreaterThanOrEqual(195)
    // The event loop kept turning meanwhile (this test got here): nothing was retried at once.
    await sleep(100)
    expect(attemptsAt.length).toBe(3)

    // The store takes writes again: the next retry merges the log, and none follows.
    failing = false
    while (writer.room.logEntries > 0 && Date.now() < deadline) await sleep(10)
    expect(writer.room.logEntries).toBe(0)
    const stored = await store.load('stuck')
    expect(stored.updates).toEqual([])
    expect(storedText(stored)).toContain('edit 2 ')
    const attempts = attemptsAt.length
    await sleep(500)
    expect(attemptsAt.length).toBe(attempts)
    rooms.leave(writer.room, writer.connection)
    await rooms.closeAll()
  })

  it('leaves the log as it is when taking the compaction lock throws, and tries again later', async () => {
    let lockCalls = 0
    const fanout = {
      ...standalone,
      lock: async () => {
        lockCalls++
        if (lockCalls === 1) throw new Error('the lock service is unreachable')
        return async () => {}
      },
    }
    const store = new SqliteDocumentStore(openDb())
    const rooms = new Rooms(store, { ...roomLimits, compactAfterAppends: 2, compactQuietMs: 30, compactRetryMs: 100, roomIdleMs: 60_000 })
    rooms.joinCluster(fanout, new LocalCounter())
    const writer = connect(rooms, 'lockless')
    await writer.room.loaded
    for (let i = 0; i < 3; i++) writer.room.receive(writer.connection, updateFrame(`edit ${i} `))
    await rooms.whenStored()
    // The first attempt throws (no unhandled rejection: vitest would fail the run); the retry merges the log.
    const deadline = Date.now() + 5000
    while (writer.room.logEntries > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10))
    expect(lockCalls).toBe(2)
    expect(writer.room.logEntries).toBe(0)
    expect((await store.load('lockless')).updates).toEqual([])
    rooms.leave(writer.room, writer.connection)
    await rooms.closeAll()
  })

  it('offers no version for a compaction built from the store while updates wait in the persist queue', async () => {
    const store = new BatchingStore(openDb())
    const rooms = new Rooms(store, { ...roomLimits, compactAfterAppends: 1000, roomIdleMs: 1000 })
    const writer = connect(rooms, 'queued')
    await writer.room.loaded
    writer.room.receive(writer.connection, updateFrame('stored '))
    await rooms.whenStored()
    expect(writer.room.compactionPoint().version).toBeGreaterThan(0)
    // Applied to the document, not yet stored: a state read from the store lacks it, so it must not become the full state.
    writer.room.receive(writer.connection, updateFrame('queued '))
    expect(writer.room.compactionPoint().version).toBe(-1)
    await rooms.whenStored()
    expect(writer.room.compactionPoint().version).toBeGreaterThan(0)
    rooms.leave(writer.room, writer.connection)
    await rooms.closeAll()
  })

  it('closes the connections of a room whose updates cannot be stored, relaying nothing', async () => {
    class FailingStore extends SqliteDocumentStore {
      override async append(_entries: readonly AppendEntry[]): Promise<number[]> {
        throw new Error('disk full')
      }
      override appendNow(_entries: readonly AppendEntry[]): number[] | null {
        throw new Error('disk full')
      }
    }
    const store = new FailingStore(openDb())
    const reported: string[] = []
    const observer = { appended: () => {}, relayed: () => reported.push('relayed'), failed: (operation: string) => reported.push(`failed ${operation}`) }
    const rooms = new Rooms(store, { ...roomLimits, compactAfterAppends: 1000, roomIdleMs: 1000 }, observer)
    const a = connect(rooms, 'failing')
    const b = connect(rooms, 'failing')
    await a.room.loaded
    const greeting = b.socket.sent.length
    a.room.receive(a.connection, updateFrame('lost?'))
    await tick()
    await tick()
    expect(b.socket.sent.length).toBe(greeting)
    expect(a.socket.closedWith).toBe(4503)
    expect(b.socket.closedWith).toBe(4503)
    // Counted for the metrics as a failed append, and nothing as relayed.
    expect(reported).toEqual(['failed append'])
    // A new connection gets a fresh room, loaded from what is stored.
    const c = connect(rooms, 'failing')
    expect(c.room).not.toBe(a.room)
    await c.room.loaded
    expect(c.room.doc.getText('content').toString()).toBe('')
  })

  it('answers a sync request only after the updates before it are stored', async () => {
    const appended: string[] = []
    class WatchedStore extends BatchingStore {
      override async append(entries: readonly AppendEntry[]): Promise<number[]> {
        appended.push(...entries.map((e) => e.documentId))
        return super.append(entries)
      }
    }
    const rooms = new Rooms(new WatchedStore(openDb()), { ...roomLimits, compactAfterAppends: 1000, roomIdleMs: 1000 })
    const a = connect(rooms, 'ordered')
    const b = connect(rooms, 'ordered')
    await a.room.loaded
    a.room.receive(a.connection, updateFrame('durable first'))
    const before = b.socket.sent.length
    // b asks for the state in the same turn: the answer must wait for the append.
    b.room.receive(b.connection, new Uint8Array([0, 0, 1, 0]))
    expect(b.socket.sent.length).toBe(before)
    expect(appended).toEqual([])
    await tick()
    await tick()
    expect(appended).toEqual(['ordered'])
    expect(b.socket.sent.length).toBe(before + 2)
  })

  it('stores an update that finds nothing pending at once, before relaying it, and batches the rest of that turn', async () => {
    const stored: string[] = []
    let inFrame = false
    class WatchedStore extends SqliteDocumentStore {
      override appendNow(entries: readonly AppendEntry[]): number[] | null {
        const seqs = super.appendNow(entries)
        // At once while a frame is handled; a batch after the turn is stored on the loop's own time too.
        stored.push(`${inFrame ? 'at once' : 'batch'} ${entries.length}`)
        return seqs
      }
      override async append(entries: readonly AppendEntry[]): Promise<number[]> {
        stored.push(`through the query layer ${entries.length}`)
        return super.append(entries)
      }
    }
    const store = new WatchedStore(openDb())
    const rooms = new Rooms(store, { ...roomLimits, compactAfterAppends: 1000, roomIdleMs: 1000 })
    const a = connect(rooms, 'at-once')
    const b = connect(rooms, 'at-once')
    await a.room.loaded
    const greeted = b.socket.sent.length
    const receive = (frame: Uint8Array) => {
      inFrame = true
      try {
        a.room.receive(a.connection, frame)
      } finally {
        inFrame = false
      }
    }
    receive(updateFrame('one '))
    // Stored and relayed before the frame's handling returns.
    expect(stored).toEqual(['at once 1'])
    expect(b.socket.sent.length).toBe(greeted + 1)
    expect((await store.load('at-once')).updates.length).toBe(1)
    // Two more in the same turn: collected and stored together, then relayed.
    receive(updateFrame('two '))
    receive(updateFrame('three '))
    expect(b.socket.sent.length).toBe(greeted + 1)
    await rooms.whenStored()
    expect(stored).toEqual(['at once 1', 'batch 2'])
    expect(b.socket.sent.length).toBe(greeted + 3)
    // A later turn with nothing pending: at once again.
    await tick()
    receive(updateFrame('four'))
    expect(stored).toEqual(['at once 1', 'batch 2', 'at once 1'])
    expect(storedText(await store.load('at-once'))).toBe(a.room.doc.getText('content').toString())
    await rooms.closeAll()
  })

  it('relays a change as it was typed before integrating it, and anything else only as far as the document lacked it', async () => {
    const store = new SqliteDocumentStore(openDb())
    const rooms = new Rooms(store, { ...roomLimits, compactAfterAppends: 1000, roomIdleMs: 1000 })
    const a = connect(rooms, 'as-typed')
    const b = connect(rooms, 'as-typed')
    await a.room.loaded
    // What b is sent, with the text the room's document held at that moment.
    const seen: Array<{ frame: Uint8Array; textThen: string }> = []
    b.socket.send = (data: Uint8Array) => {
      seen.push({ frame: data, textThen: a.room.doc.getText('content').toString() })
    }
    const { writer, typed } = typist()
    writer.getText('content').insert(0, 'hello')
    a.room.receive(a.connection, encodeUpdate(typed[0]))
    // Stored and relayed byte for byte, before the room's document integrated it; then integrated.
    expect(seen).toHaveLength(1)
    expect(Buffer.from(seen[0].frame).equals(Buffer.from(encodeUpdate(typed[0])))).toBe(true)
    expect(seen[0].textThen).toBe('')
    expect(a.room.doc.getText('content').toString()).toBe('hello')
    expect((await store.load('as-typed')).updates).toEqual([typed[0]])

    // The same update again adds nothing: nothing is stored or relayed.
    a.room.receive(a.connection, encodeUpdate(typed[0]))
    await rooms.whenStored()
    expect(seen).toHaveLength(1)
    expect((await store.load('as-typed')).updates).toHaveLength(1)

    // A sync step 2 with the writer's whole state: only what the document lacked is stored and relayed, once integrated.
    writer.getText('content').insert(5, ' world')
    a.room.receive(a.connection, encodeSyncStep2(Y.encodeStateAsUpdate(writer)))
    await rooms.whenStored()
    expect(seen).toHaveLength(2)
    expect(seen[1].textThen).toBe('hello world')
    const relayed = step2Update(seen[1].frame)
    expect(Y.decodeUpdate(relayed).structs.map((struct) => struct.id.clock)).toEqual([5])
    const stored = (await store.load('as-typed')).updates
    expect(stored).toHaveLength(2)
    expect(stored[1]).toEqual(relayed)
    expect(storedText({ state: null, updates: stored })).toBe('hello world')

    // A deletion as it is made goes as it came; the same deletion again deletes nothing: nothing stored or relayed.
    typed.length = 0
    writer.getText('content').delete(5, 6)
    a.room.receive(a.connection, encodeUpdate(typed[0]))
    expect(seen).toHaveLength(3)
    expect(Buffer.from(seen[2].frame).equals(Buffer.from(encodeUpdate(typed[0])))).toBe(true)
    expect(seen[2].textThen).toBe('hello world')
    a.room.receive(a.connection, encodeUpdate(typed[0]))
    await rooms.whenStored()
    expect(seen).toHaveLength(3)
    expect((await store.load('as-typed')).updates).toHaveLength(3)
    expect(a.room.doc.getText('content').toString()).toBe('hello')
    await rooms.closeAll()
  })

  it('gives the room up when an update relayed as it came does not integrate: reloaded, the document holds what was stored', async () => {
    const store = new SqliteDocumentStore(openDb())
    const rooms = new Rooms(store, { ...roomLimits, compactAfterAppends: 1000, roomIdleMs: 1000 })
    const a = connect(rooms, 'not-integrated')
    const b = connect(rooms, 'not-integrated')
    await a.room.loaded
    // Yjs failing where the check found nothing wrong (it cannot be made to with a real update): the transaction throws.
    a.room.doc.on('beforeTransaction', (transaction: Y.Transaction) => {
      if (typeof transaction.origin === 'symbol') throw new Error('integration failed')
    })
    const { writer, typed } = typist()
    writer.getText('content').insert(0, 'kept')
    a.room.receive(a.connection, encodeUpdate(typed[0]))
    expect(a.room.state).toBe('failed')
    expect([a.socket.closedWith, b.socket.closedWith]).toEqual([4500, 4500])
    expect((await store.load('not-integrated')).updates).toEqual([typed[0]])
    const again = connect(rooms, 'not-integrated')
    expect(again.room).not.toBe(a.room)
    await again.room.loaded
    expect(again.room.doc.getText('content').toString()).toBe('kept')
    await rooms.closeAll()
  })

  it('decides a change on the server again once the history has been told: a block agreed meanwhile refuses it', async () => {
    const store = new SqliteDocumentStore(openDb())
    const draft = prosemirrorJSONToYDoc(draftSchema, doc(paragraph('First paragraph.'), paragraph('Second paragraph.')), contentField)
    await store.append([{ documentId: 'raced', update: Y.encodeStateAsUpdate(draft) }])
    const agreed = new Set<string>()
    const rooms = new Rooms(store, { ...roomLimits, compactAfterAppends: 1000, roomIdleMs: 1000 }, undefined, { agreed: () => agreed })
    let told = 0
    let release!: () => void
    const historyWrite = new Promise<void>((resolve) => (release = resolve))
    let historyTold!: () => void
    const historyAsked = new Promise<void>((resolve) => (historyTold = resolve))
    rooms.beforeChangeListeners.add(async () => {
      told++
      historyTold()
      await historyWrite
    })
    const editFirst = (d: Y.Doc) => ((d.getXmlFragment(contentField).get(0) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Edited: ')
    // Nothing agreed when the change is decided; while the history is written, the first paragraph becomes agreed.
    const changed = rooms.change('raced', null, editFirst)
    await historyAsked
    expect(told).toBe(1)
    const room = rooms.loaded('raced')!
    agreed.add(blockKeys(room.doc)[0])
    release()
    await expect(changed).rejects.toBeInstanceOf(AgreedTextLocked)
    expect(room.doc.getXmlFragment(contentField).toString()).not.toContain('Edited')
    // The same change to the open paragraph goes through.
    await rooms.change('raced', null, (d) => ((d.getXmlFragment(contentField).get(1) as Y.XmlElement).get(0) as Y.XmlText).insert(0, 'Edited: '))
    expect(room.doc.getXmlFragment(contentField).toString()).toContain('Edited: Second')
    await rooms.closeAll()
  })

  it('bounds the frames one connection may send while the document loads: past it, that connection closes (4504)', async () => {
    let releaseLoad!: () => void
    const gate = new Promise<void>((resolve) => (releaseLoad = resolve))
    class SlowStore extends SqliteDocumentStore {
      override async load(documentId: string): Promise<StoredDocument> {
        await gate
        return super.load(documentId)
      }
    }
    const rooms = new Rooms(new SlowStore(openDb()), { ...roomLimits, maxLoadingFrames: 10, compactAfterAppends: 1000, roomIdleMs: 1000 })
    const flooder = connect(rooms, 'flooded')
    const patient = connect(rooms, 'flooded')
    for (let i = 0; i < 11; i++) flooder.room.receive(flooder.connection, updateFrame(`flood ${i}`))
    patient.room.receive(patient.connection, updateFrame('kept'))
    expect(flooder.socket.closedWith).toBe(4504)
    rooms.leave(flooder.room, flooder.connection)
    releaseLoad()
    await patient.room.loaded
    await tick()
    expect(patient.room.doc.getText('content').toString()).toBe('kept')
    expect(patient.socket.closedWith).toBeNull()
  })

  it('compacts only into a state that loads back whole: otherwise the log stays as it is', async () => {
    const db = openDb()
    const store = new SqliteDocumentStore(db)
    const rooms = new Rooms(store, { ...roomLimits, compactAfterAppends: 1000, roomIdleMs: 1000 })
    const a = connect(rooms, 'unsound')
    await a.room.loaded
    a.room.receive(a.connection, updateFrame('sound text'))
    await rooms.whenStored()
    // Content Yjs could not integrate, put straight into the document (as a bug in a check might).
    for (const [, update] of inconsistentUpdates()) Y.applyUpdate(a.room.doc, update)
    expect(a.room.doc.store.pendingStructs).not.toBeNull()
    await rooms.closeAll()
    const stored = await store.load('unsound')
    expect(stored.state).toBeNull()
    expect(stored.updates.length).toBe(1)
    const reloaded = new Rooms(store, { ...roomLimits, compactAfterAppends: 1000, roomIdleMs: 1000 })
    const b = connect(reloaded, 'unsound')
    await b.room.loaded
    expect(b.room.state).toBe('ready')
    expect(b.room.doc.getText('content').toString()).toBe('sound text')
  })

  it('quarantines a stored state that does not load, keeping its bytes, until the operator recovers what can be', async () => {
    const db = openDb()
    const store = new SqliteDocumentStore(db)
    await store.append([{ documentId: 'broken', update: Y.encodeStateAsUpdate(docWith('kept text')) }])
    const garbage = new Uint8Array([1, 1, 200, 200, 200, 1, 0, 255, 255, 255])
    db.prepare('INSERT INTO document_state (document_id, state, through_seq, updated_at) VALUES (?, ?, 0, 0)').run('broken', garbage)
    const rooms = new Rooms(store, { ...roomLimits, compactAfterAppends: 1000, roomIdleMs: 1000 })
    const a = connect(rooms, 'broken')
    await a.room.loaded
    expect(a.socket.closedWith).toBe(4500)
    const [copy] = await store.quarantined('broken')
    expect(copy.stored.state).toEqual(garbage)
    expect(copy.stored.updates.length).toBe(1)
    expect(copy.recoveredAt).toBeNull()

    const report = await recoverDocument(store, 'broken')
    expect(report.skipped.map((s) => s.piece)).toEqual(['state'])
    expect((await store.quarantined('broken'))[0].recoveredAt).not.toBeNull()
    const b = connect(rooms, 'broken')
    await b.room.loaded
    expect(b.socket.closedWith).toBeNull()
    expect(b.room.doc.getText('content').toString()).toBe('kept text')
  })

  it('recovers a document whose broken state merged log entries and has no log after it, and refuses an id with nothing stored', async () => {
    const db = openDb()
    const store = new SqliteDocumentStore(db)
    const [merged] = await store.append([{ documentId: 'broken-state', update: Y.encodeStateAsUpdate(docWith('lost')) }])
    await store.compact('broken-state', Y.encodeStateAsUpdate(docWith('lost')), [merged])
    // The state as damage leaves it, having merged entries (through_seq above 0); a document at rest has no log.
    const garbage = new Uint8Array([1, 1, 200, 200, 200, 1, 0, 255, 255, 255])
    db.prepare('UPDATE document_state SET state = ? WHERE document_id = ?').run(garbage, 'broken-state')
    const report = await recoverDocument(store, 'broken-state')
    expect(report.skipped.map((s) => s.piece)).toEqual(['state'])
    // Replaced by what could be rebuilt (nothing here), never left as it was: the document opens again.
    const stored = await store.load('broken-state')
    expect(stored.state).not.toEqual(garbage)
    expect(storedText(stored)).toBe('')
    const rooms = new Rooms(store, { ...roomLimits, compactAfterAppends: 1000, roomIdleMs: 1000 })
    const a = connect(rooms, 'broken-state')
    await a.room.loaded
    expect(a.socket.closedWith).toBeNull()
    await rooms.closeAll()

    await expect(recoverDocument(store, 'no-such-document')).rejects.toThrow('nothing is stored for a document "no-such-document"')
    expect(await store.load('no-such-document')).toMatchObject({ state: null, updates: [] })
  })

  it('writes a stored state (no log) that holds content it cannot integrate again without it', async () => {
    const db = openDb()
    const store = new SqliteDocumentStore(db)
    const polluted = Y.mergeUpdates([Y.encodeStateAsUpdate(docWith('sound text')), ...inconsistentUpdates().map(([, update]) => update)])
    const [seq] = await store.append([{ documentId: 'polluted-state', update: polluted }])
    // Compacted by a version that kept it whole: the pending content is in the state, the log is empty.
    await store.compact('polluted-state', polluted, [seq])
    const rooms = new Rooms(store, { ...roomLimits, compactAfterAppends: 1000, roomIdleMs: 1000 })
    const a = connect(rooms, 'polluted-state')
    await a.room.loaded
    await rooms.whenStored()
    const deadline = Date.now() + 5000
    while ((await store.load('polluted-state')).state?.length === polluted.length && Date.now() < deadline) await tick()
    const stored = await store.load('polluted-state')
    expect(stored.state).not.toEqual(polluted)
    const reloaded = new Y.Doc()
    Y.applyUpdate(reloaded, stored.state!)
    expect(reloaded.store.pendingStructs).toBeNull()
    expect(reloaded.getText('content').toString()).toBe('sound text')
    await rooms.closeAll()
  })

  it('loads a stored state that holds content it cannot integrate without it, and writes it again without it', async () => {
    const db = openDb()
    const store = new SqliteDocumentStore(db)
    const sound = docWith('sound text')
    const polluted = Y.mergeUpdates([Y.encodeStateAsUpdate(sound), ...inconsistentUpdates().map(([, update]) => update)])
    await store.append([{ documentId: 'polluted', update: polluted }])
    const rooms = new Rooms(store, { ...roomLimits, compactAfterAppends: 1000, roomIdleMs: 1000 })
    const a = connect(rooms, 'polluted')
    await a.room.loaded
    await rooms.whenStored()
    await tick()
    expect(a.room.doc.store.pendingStructs).toBeNull()
    expect(a.room.doc.getText('content').toString()).toBe('sound text')
    const stored = await store.load('polluted')
    expect(stored.updates).toEqual([])
    const reloaded = new Y.Doc()
    Y.applyUpdate(reloaded, stored.state!)
    expect(reloaded.store.pendingStructs).toBeNull()
    expect((await store.quarantined('polluted'))[0].stored.updates[0]).toEqual(polluted)
  })
})

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc()
  doc.getText('content').insert(0, text)
  return doc
}
