/** A loaded document: its Y.Doc, awareness and connections, and the rules for what enters it. */
import * as awarenessProtocol from 'y-protocols/awareness'
import * as Y from 'yjs'
import { log } from '../log.ts'
import type { DocumentStore } from '../store/store.ts'
import { applyStoredDocument } from '../store/storedDocument.ts'
import { CloseCode } from '../../shared/collab/closeCodes.ts'
import type { Connection } from './connection.ts'
import type { PersistQueue } from './persistQueue.ts'
import {
  ProtocolError,
  awarenessClientIds,
  decodeClientMessage,
  encodeAwareness,
  encodePermissionDenied,
  encodeSyncStep1,
  encodeSyncStep2,
  encodeUpdate,
  inspectUpdate,
} from './protocol.ts'

export type RoomState = 'loading' | 'ready' | 'failed' | 'unloading' | 'unloaded'

export const readOnlyReason = 'read-only: your role may not change this document'

type CloseReason = { code: number; reason: string }

/** Presence names who is there from the server's own record of the member, whatever the client claims. */
function stampIdentity(update: Uint8Array, connection: Connection): Uint8Array {
  const { name, delegation, role } = connection.member
  return awarenessProtocol.modifyAwarenessUpdate(update, (state: unknown) =>
    state !== null && typeof state === 'object'
      ? { ...state, user: { ...((state as { user?: object }).user ?? {}), name, delegation, role } }
      : state,
  )
}

export class Room {
  readonly doc = new Y.Doc()
  readonly awareness = new awarenessProtocol.Awareness(this.doc)
  readonly connections = new Set<Connection>()
  state: RoomState = 'loading'
  /** Settles when the load has finished, successfully or not. */
  readonly loaded: Promise<void>
  /** Log entries stored since the last compaction, and the newest one's sequence number. */
  logEntries = 0
  lastSeq = 0
  private waiting: Array<[Connection, Uint8Array]> = []
  /** Which connection speaks for each awareness client id. */
  private readonly awarenessOwners = new Map<number, Connection>()
  /** The whole document encoded, while it is known to be current: served to clients that hold nothing yet. */
  private fullState: Uint8Array | null = null
  /** Counts changes to the document since it was loaded. */
  private version = 0

  constructor(
    readonly id: string,
    private readonly store: DocumentStore,
    private readonly queue: PersistQueue<Room>,
    /** Called when the room has failed and must be forgotten without writing anything. */
    private readonly onFailed: (room: Room) => void,
    after: Promise<void> = Promise.resolve(),
  ) {
    this.awareness.setLocalState(null)
    this.doc.on('update', this.onDocUpdate)
    this.awareness.on('update', this.onAwarenessUpdate)
    this.loaded = after.then(() => this.load())
  }

  private async load(): Promise<void> {
    const started = performance.now()
    try {
      const stored = await this.store.load(this.id)
      applyStoredDocument(this.doc, stored)
      this.logEntries = stored.updates.length
      this.lastSeq = stored.lastSeq
      if (stored.state && stored.updates.length === 0) this.fullState = stored.state
    } catch (error) {
      this.fail(CloseCode.documentLoadFailed, error)
      return
    }
    if (this.state !== 'loading') return
    this.state = 'ready'
    log.debug('room.loaded', { document: this.id, ms: Math.round(performance.now() - started) })
    for (const connection of this.connections) this.greet(connection)
    const waiting = this.waiting
    this.waiting = []
    for (const [connection, frame] of waiting) this.receive(connection, frame)
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    // Updates applied while loading are the stored ones: nothing to store again.
    if (this.state === 'loading') return
    this.version++
    this.fullState = null
    const authorId = (origin as { member?: { id?: unknown } } | null)?.member?.id
    this.queue.enqueue({ documentId: this.id, update, owner: this, origin, authorId: typeof authorId === 'number' ? authorId : null })
  }

  private readonly onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ): void => {
    const changed = added.concat(updated, removed)
    if (changed.length === 0) return
    const connection = origin as Connection | null
    if (connection && this.connections.has(connection)) {
      for (const id of added.concat(updated)) this.claimAwareness(id, connection)
      for (const id of removed) {
        connection.awarenessIds.delete(id)
        this.awarenessOwners.delete(id)
      }
    }
    this.broadcast(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed)), null)
  }

  private claimAwareness(id: number, connection: Connection): void {
    const owner = this.awarenessOwners.get(id)
    if (owner === connection) return
    owner?.awarenessIds.delete(id)
    this.awarenessOwners.set(id, connection)
    connection.awarenessIds.add(id)
  }

  /**
   * A connection may speak only for awareness client ids no one else in the room holds, or that
   * its own member held on an earlier connection (a reconnect before the old socket timed out).
   */
  private mayPublishAwareness(connection: Connection, update: Uint8Array): boolean {
    for (const id of awarenessClientIds(update)) {
      const owner = this.awarenessOwners.get(id)
      if (owner && owner !== connection && owner.member.id !== connection.member.id) return false
    }
    return true
  }

  join(connection: Connection): void {
    if (this.state === 'failed' || this.state === 'unloaded') {
      connection.close(CloseCode.documentLoadFailed)
      return
    }
    this.connections.add(connection)
    if (this.state === 'ready') this.greet(connection)
  }

  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    this.waiting = this.waiting.filter(([waiting]) => waiting !== connection)
    if (connection.awarenessIds.size > 0) {
      for (const id of connection.awarenessIds) this.awarenessOwners.delete(id)
      awarenessProtocol.removeAwarenessStates(this.awareness, [...connection.awarenessIds], null)
    }
  }

  /** Handles one frame from a connection; frames that arrive while the room loads wait their turn. */
  receive(connection: Connection, frame: Uint8Array): void {
    if (!connection.isOpen || !this.connections.has(connection)) return
    if (this.state === 'loading') {
      this.waiting.push([connection, frame])
      return
    }
    if (this.state !== 'ready') return
    try {
      const message = decodeClientMessage(frame)
      switch (message.kind) {
        case 'syncStep1':
          this.answerSyncStep1(connection, message.stateVector)
          break
        case 'update':
          this.applyClientUpdate(connection, message.update)
          break
        case 'awareness':
          if (this.mayPublishAwareness(connection, message.update)) {
            awarenessProtocol.applyAwarenessUpdate(this.awareness, stampIdentity(message.update, connection), connection)
          }
          break
        case 'queryAwareness':
          this.sendAwarenessStates(connection)
          break
      }
    } catch (error) {
      if (!(error instanceof ProtocolError)) log.warn('collab.frame_rejected', { document: this.id, error })
      connection.close(CloseCode.protocolError)
    }
  }

  private greet(connection: Connection): void {
    connection.send(encodeSyncStep1(this.doc))
    this.sendAwarenessStates(connection)
  }

  private sendAwarenessStates(connection: Connection): void {
    const clients = [...this.awareness.getStates().keys()]
    if (clients.length === 0) return
    connection.send(encodeAwareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients)))
  }

  private answerSyncStep1(connection: Connection, stateVector: Uint8Array): void {
    // The answer may hold updates still being stored: it leaves only once they are durable.
    this.queue.afterPending(() => {
      if (this.state !== 'ready' && this.state !== 'unloading') return
      const holdsNothing = stateVector.length === 1 && stateVector[0] === 0
      const update = holdsNothing && this.fullState ? this.fullState : Y.encodeStateAsUpdate(this.doc, stateVector)
      connection.send(encodeSyncStep2(update))
    })
  }

  private applyClientUpdate(connection: Connection, update: Uint8Array): void {
    const { empty } = inspectUpdate(update)
    if (empty) return
    if (!connection.canWrite) {
      connection.send(encodePermissionDenied(readOnlyReason))
      return
    }
    Y.applyUpdate(this.doc, update, connection)
  }

  /** Called by the persist queue once an update of this room is stored: now others may see it. */
  relay(update: Uint8Array, origin: unknown, seq: number): void {
    this.logEntries++
    this.lastSeq = seq
    this.broadcast(encodeUpdate(update), origin)
  }

  /** The whole document as one update, with what it covers, to be stored as the compacted state. */
  snapshot(): { state: Uint8Array; throughSeq: number; entries: number; version: number } {
    return { state: Y.encodeStateAsUpdate(this.doc), throughSeq: this.lastSeq, entries: this.logEntries, version: this.version }
  }

  /** Records that a snapshot was stored as the compacted state. */
  compacted(snapshot: { state: Uint8Array; entries: number; version: number }): void {
    this.logEntries -= snapshot.entries
    if (this.version === snapshot.version) this.fullState = snapshot.state
  }

  private broadcast(frame: Uint8Array, except: unknown): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.send(frame)
    }
  }

  /** Gives up on the room: every connection is closed and nothing more is written for it. */
  fail(closeCode: CloseReason, error: unknown): void {
    if (this.state === 'failed' || this.state === 'unloaded') return
    log.error('room.failed', { document: this.id, reason: closeCode.reason, error })
    this.state = 'failed'
    this.waiting = []
    this.closeAll(closeCode)
    this.destroy()
    this.onFailed(this)
  }

  closeAll(closeCode: CloseReason): void {
    for (const connection of [...this.connections]) {
      connection.close(closeCode)
      this.leave(connection)
    }
  }

  destroy(): void {
    this.awareness.destroy()
    this.doc.destroy()
  }
}
