import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { CloseCode } from '../../shared/collab/closeCodes.ts'
import { Connection, type Socket } from '../collab/connection.ts'
import { encodeUpdate } from '../collab/protocol.ts'
import { Rooms } from '../collab/rooms.ts'
import { openSqlite, type Sqlite } from '../store/sqlite.ts'
import { SqliteDocumentStore } from '../store/sqliteDocuments.ts'
import { applyStoredDocument } from '../store/storedDocument.ts'
import type { ClusterHandlers, CollabMessage } from './cluster.ts'
import { CollabRelay } from './collabRelay.ts'
import { LocalCluster, LocalCounter } from './localCluster.ts'

class RecordingSocket implements Socket {
  readyState = 1
  bufferedAmount = 0
  closedWith: number | null = null
  send() {}
  close(code?: number) {
    this.closedWith = code ?? 1000
    this.readyState = 3
  }
}

const member = { id: 1, name: 'Co-facilitator', role: 'cofacilitator' as const, delegation: null, regionalGroup: null }
const options = {
  maxPresenceStateBytes: 16 * 1024,
  maxPresenceDepth: 16,
  maxPresenceIdsPerConnection: 4,
  maxPresenceBytesPerConnection: 32 * 1024,
  maxLoadingFrames: 256,
  maxLoadingBytes: 16 << 20,
  compactAfterAppends: 1,
  roomIdleMs: 600_000,
  roomBuildDelayMs: 0,
}

/** Redis as the instances see it: what one publishes waits until the test delivers it (or drops it); locks are shared. */
class Bus {
  readonly held: Array<{ to: number; message: CollabMessage }> = []
  readonly handlers: ClusterHandlers[] = []
  readonly locks = new Set<string>()

  instance(index: number) {
    const bus = this
    return new (class extends LocalCluster {
      override readonly shared: boolean = true
      override start(handlers: ClusterHandlers) {
        bus.handlers[index] = handlers
      }
      override publishCollab(message: CollabMessage) {
        bus.handlers.forEach((_, to) => to !== index && bus.held.push({ to, message }))
      }
      override async lock(name: string) {
        if (bus.locks.has(name)) return null
        bus.locks.add(name)
        return async () => {
          bus.locks.delete(name)
        }
      }
    })()
  }

  deliver(): void {
    for (const { to, message } of this.held.splice(0)) this.handlers[to].collab(message)
  }
}

function textOf(stored: Parameters<typeof applyStoredDocument>[1]): string {
  const doc = new Y.Doc()
  applyStoredDocument(doc, stored)
  return doc.getText('content').toString()
}

describe('documents across instances', () => {
  const dbs: Sqlite[] = []
  afterEach(() => {
    for (const db of dbs.splice(0)) db.close()
  })

  /** Two instances on one database (a connection each), joined by a bus. */
  function twoInstances() {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-relay-'))
    const bus = new Bus()
    const instances = [0, 1].map((index) => {
      const db = openSqlite(dataDir)
      dbs.push(db)
      const store = new SqliteDocumentStore(db)
      const rooms = new Rooms(store, options)
      const cluster = bus.instance(index)
      const relay = new CollabRelay(cluster, store, rooms)
      rooms.joinCluster(relay, new LocalCounter())
      cluster.start({ collab: (message) => relay.receive(message), notice: () => {}, lost: (reason) => relay.lost(reason) })
      return { store, rooms, relay }
    })
    return { bus, a: instances[0], b: instances[1], store: instances[0].store }
  }

  async function connect(rooms: Rooms, documentId: string) {
    const socket = new RecordingSocket()
    const connection = new Connection(socket, member, () => true, { maxBufferedBytes: 1 << 20, messagesPerSecond: 0, messageBurst: 1 })
    const room = rooms.join(documentId, connection)
    await room.loaded
    return { socket, send: (update: Uint8Array) => room.receive(connection, encodeUpdate(update)), room }
  }

  const typed = (text: string, base?: Y.Doc) => {
    const doc = new Y.Doc()
    if (base) Y.applyUpdate(doc, Y.encodeStateAsUpdate(base))
    const before = Y.encodeStateVector(doc)
    doc.getText('content').insert(doc.getText('content').length, text)
    return { doc, update: Y.encodeStateAsUpdate(doc, before) }
  }

  it("compacts without losing the other instance's update that has not arrived yet", async () => {
    const { bus, a, b, store } = twoInstances()
    const onA = await connect(a.rooms, 'doc')
    const onB = await connect(b.rooms, 'doc')
    // A stores x and compacts it into the state (its log entry is gone); B has not heard of x yet.
    onA.send(typed('x').update)
    await a.rooms.whenStored()
    expect((await store.load('doc')).seqs).toEqual([])
    // B stores y and compacts: its state must still hold x.
    onB.send(typed('y').update)
    await b.rooms.whenStored()
    await new Promise((resolve) => setTimeout(resolve, 20))
    const stored = await store.load('doc')
    expect(stored.seqs).toEqual([])
    expect(textOf(stored).split('').sort().join('')).toBe('xy')
    // And B's clients got x from the store, before any message.
    expect(onB.room.doc.getText('content').toString().split('').sort().join('')).toBe('xy')
    bus.deliver()
  })

  it('judges an update that builds on what has not arrived after reading the store, instead of refusing it', async () => {
    const { a, b, store } = twoInstances()
    const onA = await connect(a.rooms, 'doc')
    const onB = await connect(b.rooms, 'doc')
    const first = typed('Hello')
    onA.send(first.update)
    await a.rooms.whenStored()
    // A client that has "Hello" (from A) types on B, which has not received "Hello".
    onB.send(typed(' world', first.doc).update)
    await new Promise((resolve) => setTimeout(resolve, 20))
    await b.rooms.whenStored()
    expect(onB.socket.closedWith).toBeNull()
    expect(onB.room.doc.getText('content').toString()).toBe('Hello world')
    expect(textOf(await store.load('doc'))).toBe('Hello world')
  })

  it('still refuses an update that builds on what no instance stored', async () => {
    const { b } = twoInstances()
    const onB = await connect(b.rooms, 'doc')
    const unknown = typed('never stored')
    onB.send(typed(' on top', unknown.doc).update)
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(onB.socket.closedWith).toBe(CloseCode.updateRefused.code)
  })

  it('reads the store when an update arrives whose predecessor was lost on the way', async () => {
    const { bus, a, b } = twoInstances()
    const onA = await connect(a.rooms, 'doc')
    const onB = await connect(b.rooms, 'doc')
    const first = typed('one')
    onA.send(first.update)
    await a.rooms.whenStored()
    bus.held.splice(0)
    onA.send(typed(' two', first.doc).update)
    await a.rooms.whenStored()
    bus.deliver()
    await new Promise((resolve) => setTimeout(resolve, 20))
    expect(onB.room.doc.getText('content').toString()).toBe('one two')
  })
})
