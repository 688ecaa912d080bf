/** The rooms that are loaded: opened on the first connection, compacted, unloaded when idle. */
import * as Y from 'yjs'
import { ApiError } from '../../shared/errors/apiError.ts'
import { log } from '../log.ts'
import type { DocumentStore } from '../store/store.ts'
import { CloseCode } from '../../shared/collab/closeCodes.ts'
import type { Connection } from './connection.ts'
import { MemoryRelease } from './memoryRelease.ts'
import { noPersistObserver, PersistQueue, type PersistObserver } from './persistQueue.ts'
import { Room, type RoomLimits } from './room.ts'
import { reloadsWhole } from '../store/storedDocument.ts'
import { type AgreedBlocks, AgreedTextLocked, agreedBlocksTouched, noAgreedBlocks } from './agreedLock.ts'
import { type RoomFanout, standalone } from './fanout.ts'
import type { MemberCounter } from '../cluster/cluster.ts'

/** A change on the server's behalf could not be made: the document did not load, or the change was not stored. */
export class RoomUnavailable extends ApiError {
  constructor(message: string) {
    super(503, 'document_unavailable', `${message}; try again later`)
  }
}

/** The update `apply` makes on a copy of `doc` (null if it changes nothing); `doc` itself is untouched, whatever `apply` throws. */
function changeOnCopy(doc: Y.Doc, apply: (doc: Y.Doc) => void): Uint8Array | null {
  const copy = new Y.Doc({ gc: doc.gc })
  try {
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
    const updates: Uint8Array[] = []
    copy.on('update', (update: Uint8Array) => updates.push(update))
    copy.transact(() => apply(copy))
    return updates.length === 0 ? null : updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates)
  } finally {
    copy.destroy()
  }
}

export interface RoomsOptions extends RoomLimits {
  compactAfterAppends: number
  roomIdleMs: number
  /** A document storing more than this is compacted on the worker pool (with a compactor); a smaller one at once, in process. */
  compactOffLoopBytes?: number
  /**
   * A document past `compactAfterAppends` is compacted once its editing pauses this long, so that the work never lands
   * in the middle of people typing; past `compactNowFactor` times the threshold it is compacted at once anyway. 0
   * compacts as soon as the threshold is reached.
   */
  compactQuietMs?: number
  /**
   * A compaction that merged nothing (it failed, was refused or postponed) while the log is past the threshold is tried
   * again after this long, then twice as long each time up to `compactRetryMaxMs`, even if nothing more is stored.
   */
  compactRetryMs?: number
}

/** How far past the threshold a log may grow while its document waits for a pause before it is compacted anyway. */
export const compactNowFactor = 4

const defaultCompactOffLoopBytes = 1024 * 1024

const defaultCompactRetryMs = 5000

/** The longest wait before a compaction that keeps failing is tried again. */
const compactRetryMaxMs = 5 * 60_000

/** How long one instance may hold a document's compaction to itself (the lock expires after, should it die). */
const compactionLockMs = 60_000

/**
 * Builds a document's compacted state off the relay's event loop: its stored state with exactly the log entries
 * `mergedSeqs` applied, encoded, and checked to load back whole (null when it does not). Throws when it cannot run
 * now (the pool is busy or closed).
 */
export type Compactor = (documentId: string, mergedSeqs: readonly number[]) => Promise<Uint8Array | null>

export class Rooms {
  private readonly rooms = new Map<string, Room>()
  private readonly idleTimers = new Map<Room, NodeJS.Timeout>()
  private readonly unloading = new Map<string, Promise<void>>()
  private readonly memory = new MemoryRelease()
  private readonly connectionsByMember = new Map<number, number>()
  private readonly counted = new WeakSet<Connection>()
  private readonly queue: PersistQueue<Room>
  /** Called after each batch of a room's updates is stored, for work that follows edits (validation). */
  readonly changeListeners = new Set<(room: Room) => void>()
  /** Called with a document's id once its room no longer serves it (unloading, or failed): what was kept for it may go. */
  readonly forgetListeners = new Set<(documentId: string) => void>()
  /** Called with the document as it stands just before a change on the server's behalf (`change`); a throw refuses the change. */
  readonly beforeChangeListeners = new Set<(documentId: string, doc: Y.Doc, origin: unknown) => void | Promise<void>>()

  /** The compaction under way for each room: one at a time per room, so an older state never replaces a newer one. */
  private readonly compacting = new Map<Room, Promise<boolean>>()
  /** Rooms past the threshold waiting for a pause in their editing, with when they last stored a batch. */
  private readonly awaitingPause = new Map<Room, { lastStoredAt: number; timer: NodeJS.Timeout }>()
  /** Rooms whose last compaction merged nothing: how long the next retry waits, and its timer while one is set. */
  private readonly compactRetries = new Map<Room, { waitMs: number; timer: NodeJS.Timeout | null }>()
  /** The other instances serving the same documents (none by default), and the connection counts over all of them. */
  private fanout: RoomFanout = standalone
  private memberConnections: MemberCounter | null = null

  constructor(
    private readonly store: DocumentStore,
    private readonly options: RoomsOptions,
    private readonly observer: PersistObserver = noPersistObserver,
    /** The blocks agreed ad referendum per document: no update, a member's or the server's own, may change them. */
    private readonly locks: AgreedBlocks = noAgreedBlocks,
    /** Without one, compaction encodes and checks the state on the relay's loop and the persist queue waits for it. */
    private readonly compactor: Compactor | null = null,
  ) {
    this.queue = new PersistQueue<Room>(store, {
      persisted: (entry, seq) => entry.owner.relay(entry.update, entry.origin, seq),
      failed: (room, error) => room.fail(CloseCode.storeWriteFailed, error),
      batchStored: (room) => {
        for (const listener of this.changeListeners) {
          // What is stored stays stored and relayed: a listener's failure (a busy database, say) is logged, not thrown.
          try {
            listener(room)
          } catch (error) {
            log.error('room.change_listener_failed', { document: room.id, error })
          }
        }
        if (room.logEntries < this.options.compactAfterAppends) return undefined
        const quietMs = this.options.compactQuietMs ?? 0
        if (quietMs > 0 && room.logEntries < this.options.compactAfterAppends * compactNowFactor) {
          this.compactAfterPause(room, quietMs)
          return undefined
        }
        if (!this.offLoop(room)) return this.compact(room).then((merged) => this.compactedOrLater(room, merged))
        this.compactWhenDue(room)
        return undefined
      },
    }, observer)
  }

  /**
   * Off the loop: relaying goes on meanwhile. While one compaction of the room is under way no other starts; once it is
   * done, another follows if the entries appended meanwhile reach the threshold again.
   */
  private compactWhenDue(room: Room): void {
    if (this.compacting.has(room) || room.state !== 'ready' || room.logEntries < this.options.compactAfterAppends) return
    void this.compact(room).then((merged) => {
      if (merged) this.compactWhenDue(room)
      this.compactedOrLater(room, merged)
    })
  }

  /**
   * After a compaction: one that merged something clears the retries; one refused, failed or postponed while the log is
   * still past the threshold is tried again later, less often each time, never at once (with nothing awaited on the
   * way, that would hold the event loop). A batch stored meanwhile may try it sooner.
   */
  private compactedOrLater(room: Room, merged: boolean): void {
    const retry = this.compactRetries.get(room)
    if (merged || !this.pastThreshold(room)) {
      if (retry?.timer) clearTimeout(retry.timer)
      this.compactRetries.delete(room)
      return
    }
    if (retry?.timer) return
    const waitMs = retry?.waitMs ?? this.options.compactRetryMs ?? defaultCompactRetryMs
    const timer = setTimeout(() => {
      if (!this.pastThreshold(room)) {
        this.compactRetries.delete(room)
        return
      }
      this.compactRetries.set(room, { waitMs: Math.min(waitMs * 2, compactRetryMaxMs), timer: null })
      // Still being typed in: its pause compacts it (and comes back here if that fails too).
      if (this.awaitingPause.has(room)) return
      // After any compaction under way, whichever started it.
      void this.compact(room).then((merged) => {
        if (merged) this.compactWhenDue(room)
        this.compactedOrLater(room, merged)
      })
    }, waitMs)
    timer.unref()
    this.compactRetries.set(room, { waitMs, timer })
  }

  /** Whether the room is open, ready and its log past the threshold: a compaction is due. */
  private pastThreshold(room: Room): boolean {
    return this.rooms.get(room.id) === room && room.state === 'ready' && room.logEntries >= this.options.compactAfterAppends
  }

  /** Compacts the room once nothing has been stored for it for `quietMs` (each batch stored meanwhile pushes it back). */
  private compactAfterPause(room: Room, quietMs: number): void {
    if (room.state !== 'ready') return
    const waiting = this.awaitingPause.get(room)
    if (waiting) {
      waiting.lastStoredAt = performance.now()
      return
    }
    const check = () => {
      const entry = this.awaitingPause.get(room)
      if (!entry) return
      const quietFor = performance.now() - entry.lastStoredAt
      // A compaction under way (at four times the threshold) is waited for, then the pause is looked for again.
      if (quietFor < quietMs || this.compacting.has(room)) {
        entry.timer = setTimeout(check, Math.max(quietMs - quietFor, 1))
        entry.timer.unref()
        return
      }
      this.awaitingPause.delete(room)
      this.compactWhenDue(room)
    }
    const timer = setTimeout(check, quietMs)
    timer.unref()
    this.awaitingPause.set(room, { lastStoredAt: performance.now(), timer })
  }

  /** Serves documents together with other instances: updates and presence cross, compactions take turns. */
  joinCluster(fanout: RoomFanout, memberConnections: MemberCounter): void {
    this.fanout = fanout
    this.memberConnections = memberConnections
  }

  /** The rooms open (loading or ready), for the fan-out. */
  all(): Room[] {
    return [...this.rooms.values()]
  }

  /** The room of a document if it is open, whatever its state. */
  present(documentId: string): Room | undefined {
    return this.rooms.get(documentId)
  }

  /** Rooms loaded, with those still being stored and let go. */
  get size(): number {
    return this.rooms.size + this.unloading.size
  }

  /** WebSocket connections open, in all rooms. */
  get connections(): number {
    let open = 0
    for (const room of this.rooms.values()) open += room.connections.size
    return open
  }

  /** The room of a document if it is loaded and ready. */
  loaded(documentId: string): Room | undefined {
    const room = this.rooms.get(documentId)
    return room?.state === 'ready' ? room : undefined
  }

  /** Resolves once every update enqueued so far, in any room, is stored (or failed to be). */
  whenStored(): Promise<void> {
    return new Promise<void>((resolve) => this.queue.afterPending(resolve))
  }

  /** Puts a connection into the room of a document, loading the room if needed. */
  join(documentId: string, connection: Connection): Room {
    const room = this.open(documentId)
    room.join(connection)
    if (room.connections.has(connection) && !this.counted.has(connection)) {
      this.counted.add(connection)
      this.count(connection.member.id, +1)
    }
    return room
  }

  private count(memberId: number, by: 1 | -1): void {
    const next = (this.connectionsByMember.get(memberId) ?? 0) + by
    if (next > 0) this.connectionsByMember.set(memberId, next)
    else this.connectionsByMember.delete(memberId)
    this.memberConnections?.add(memberId, by)
  }

  /** The room of a document, loading it if needed, kept from unloading until it is left again. */
  private open(documentId: string): Room {
    let room = this.rooms.get(documentId)
    if (!room) {
      const opened = new Room(documentId, this.store, this.queue, this.options, this.forget, this.unloading.get(documentId), this.locks, this.fanout)
      this.rooms.set(documentId, opened)
      // A stored state that held content it could not integrate is written again without it, at once.
      void opened.loaded.then(() => {
        if (opened.state === 'failed') this.observer.failed('load', null)
        return opened.repaired ? this.compact(opened) : undefined
      })
      room = opened
    }
    const idle = this.idleTimers.get(room)
    if (idle) {
      clearTimeout(idle)
      this.idleTimers.delete(room)
    }
    return room
  }

  /**
   * A change made by the server on a member's behalf (restoring a revision, accepting a proposal): applied to the loaded
   * document in one transaction with `origin`, stored, then relayed to every connection like any update. One that would
   * change a block agreed ad referendum is refused (AgreedTextLocked, 409) and changes nothing.
   */
  async change(documentId: string, origin: unknown, apply: (doc: Y.Doc) => void): Promise<void> {
    const room = this.open(documentId)
    room.needDocument()
    try {
      await room.loaded
      if (room.state !== 'ready') throw new RoomUnavailable(`document ${documentId} could not be loaded`)
      // Decided before the history is told (only a change that will be made is announced: it keeps the text the change
      // replaces), then decided again once it has been: meanwhile members may have edited and blocks become agreed.
      if (this.decideChange(room, origin, apply)) {
        for (const listener of this.beforeChangeListeners) await listener(documentId, room.doc, origin)
        if (room.state !== 'ready') throw new RoomUnavailable(`document ${documentId} closed during the change`)
        this.decideChange(room, origin, apply)?.()
      }
      await this.whenStored()
      if (room.state !== 'ready') throw new RoomUnavailable(`the change to document ${documentId} could not be stored`)
    } finally {
      if (room.connections.size === 0) this.scheduleIdle(room)
    }
  }

  /**
   * How a change would be made to the room's document as it stands, with the blocks agreed now: a function that makes
   * it, or null when it changes nothing. Refuses (AgreedTextLocked) a change that would touch an agreed block; with
   * blocks agreed, the change is made on a copy first so the check comes before the document is touched.
   */
  private decideChange(room: Room, origin: unknown, apply: (doc: Y.Doc) => void): (() => void) | null {
    const agreed = this.locks.agreed(room.id)
    if (agreed.size === 0) return () => room.doc.transact(() => apply(room.doc), origin)
    const update = changeOnCopy(room.doc, apply)
    if (!update) return null
    const touched = agreedBlocksTouched(update, room.doc, agreed)
    if (touched.length > 0) throw new AgreedTextLocked(touched)
    return () => Y.applyUpdate(room.doc, update, origin)
  }

  /** Closes the connections whose session or token no longer holds (signed out, expired). */
  closeSignedOut(closeCode: { code: number; reason: string }): number {
    let closed = 0
    for (const room of this.rooms.values()) {
      for (const connection of [...room.connections]) {
        if (connection.stillSignedIn()) continue
        connection.close(closeCode)
        this.leave(room, connection)
        closed++
      }
    }
    return closed
  }

  /** The members with a connection open, in any room. */
  connectedMemberIds(): Set<number> {
    return new Set(this.connectionsByMember.keys())
  }

  /** How many connections a member has open, in all rooms. */
  connectionCount(memberId: number): number {
    return this.connectionsByMember.get(memberId) ?? 0
  }

  /** How many connections a member has open, on every instance. */
  async connectionsOpen(memberId: number): Promise<number> {
    return this.memberConnections ? await this.memberConnections.count(memberId) : this.connectionCount(memberId)
  }

  /** Closes every connection of a member, in every room (their membership was revoked) or in those `inRoom` picks. */
  closeMember(memberId: number, closeCode: { code: number; reason: string }, inRoom: (documentId: string) => boolean = () => true): number {
    let closed = 0
    for (const room of this.rooms.values()) {
      if (!inRoom(room.id)) continue
      for (const connection of [...room.connections]) {
        if (connection.member.id !== memberId) continue
        connection.close(closeCode)
        this.leave(room, connection)
        closed++
      }
    }
    return closed
  }

  leave(room: Room, connection: Connection): void {
    // Counted off once, whether the room let the connection go first (closing, failing) or not.
    if (this.counted.delete(connection)) this.count(connection.member.id, -1)
    room.leave(connection)
    if (room.connections.size === 0) this.scheduleIdle(room)
  }

  private scheduleIdle(room: Room): void {
    if (this.rooms.get(room.id) === room && !this.idleTimers.has(room)) {
      const timer = setTimeout(() => {
        this.idleTimers.delete(room)
        void this.unload(room)
      }, this.options.roomIdleMs)
      timer.unref()
      this.idleTimers.set(room, timer)
    }
  }

  private readonly forget = (room: Room): void => {
    if (this.rooms.get(room.id) === room) {
      this.rooms.delete(room.id)
      for (const listener of this.forgetListeners) {
        try {
          listener(room.id)
        } catch (error) {
          log.error('rooms.forget_listener_failed', { document: room.id, error })
        }
      }
    }
    const idle = this.idleTimers.get(room)
    if (idle) clearTimeout(idle)
    this.idleTimers.delete(room)
    // An unloading room is compacted as it unloads; a failed one is not compacted at all.
    const pause = this.awaitingPause.get(room)
    if (pause) clearTimeout(pause.timer)
    this.awaitingPause.delete(room)
    const retry = this.compactRetries.get(room)
    if (retry?.timer) clearTimeout(retry.timer)
    this.compactRetries.delete(room)
  }

  /**
   * Merges the log entries the room holds into one state row, after any compaction of the room under way. The state
   * is first checked to load back into the same document; if it does not, nothing is replaced and the log stays.
   */
  private compact(room: Room): Promise<boolean> {
    const previous = this.compacting.get(room) ?? Promise.resolve(false)
    // Whatever throws on the way (reading what other instances stored, taking the lock) leaves the log as it is.
    const run = previous.then(() => this.compactNow(room)).catch((error: unknown) => {
      log.error('room.compaction_failed', { document: room.id, error })
      this.observer.failed('compact', error)
      return false
    })
    const settled = run.finally(() => {
      if (this.compacting.get(room) === settled) this.compacting.delete(room)
    })
    this.compacting.set(room, settled)
    return settled
  }

  /** Whether the room's compaction runs on the worker pool: a large document's encoding and check would hold the loop. */
  private offLoop(room: Room): boolean {
    return this.compactor !== null && room.storedBytes > (this.options.compactOffLoopBytes ?? defaultCompactOffLoopBytes)
  }

  /** Whether the log was merged into a new state. */
  private async compactNow(room: Room): Promise<boolean> {
    if ((room.logEntries === 0 && !room.repaired) || (room.state !== 'ready' && room.state !== 'unloading')) return false
    // With other instances writing the document, one compacts it at a time, after reading what the others stored: the
    // state it writes then holds the state it replaces, and it lists only log entries that state holds.
    const unlock = await this.fanout.lock(`compact:${room.id}`, compactionLockMs)
    if (!unlock) {
      log.debug('room.compaction_postponed', { document: room.id, reason: 'another instance is compacting it' })
      return false
    }
    try {
      if (this.fanout.shared) await this.fanout.catchUp(room, 'compaction')
      return await this.compactHeld(room)
    } finally {
      await unlock()
    }
  }

  private async compactHeld(room: Room): Promise<boolean> {
    if ((room.logEntries === 0 && !room.repaired) || (room.state !== 'ready' && room.state !== 'unloading')) return false
    const point = room.compactionPoint()
    const offLoop = this.offLoop(room)
    let state: Uint8Array | null
    try {
      state = offLoop ? await this.compactOffLoop(room, point.mergedSeqs) : room.snapshot().state
    } catch (error) {
      // The pool is busy or closed: the log stays as it is and the next compaction tries again.
      log.warn('room.compaction_postponed', { document: room.id, error })
      return false
    }
    if (state === null || (!offLoop && !reloadsWhole(state))) {
      log.error('room.compaction_refused', { document: room.id, reason: 'the compacted state does not load back whole' })
      return false
    }
    try {
      const written = await this.store.compact(room.id, state, point.mergedSeqs, point.basis)
      if (!written) log.info('room.compaction_superseded', { document: room.id, reason: 'another instance stored a later state first' })
      room.compacted({ state, ...point }, written)
      return true
    } catch (error) {
      // The log is left as it was, so nothing is lost; the next compaction tries again.
      log.error('room.compaction_failed', { document: room.id, error })
      this.observer.failed('compact', error)
      return false
    }
  }

  /**
   * The compacted state, built on the worker pool from what is stored. A room whose stored state held content it could
   * not integrate builds it the same way (the pool leaves that content out too). An unloading room whose compaction
   * the pool cannot take now encodes its own document instead, so that it still unloads compacted.
   */
  private async compactOffLoop(room: Room, mergedSeqs: readonly number[]): Promise<Uint8Array | null> {
    try {
      return await this.compactor!(room.id, mergedSeqs)
    } catch (error) {
      if (room.state !== 'unloading') throw error
      const { state } = room.snapshot()
      return reloadsWhole(state) ? state : null
    }
  }

  /** Stores what is pending, compacts the log and lets the room go. A new connection meanwhile gets a fresh room. */
  private unload(room: Room): Promise<void> {
    if (room.state !== 'ready' && room.state !== 'loading') return Promise.resolve()
    this.forget(room)
    room.needDocument()
    const done = (async () => {
      await room.loaded
      if (room.state !== 'ready') return
      room.beginUnload()
      await this.whenStored()
      await this.compact(room)
      room.finishUnload()
      // Besides this room (whose unloading entry goes once this is done): the rooms open, loading or unloading.
      this.memory.roomUnloaded(() => this.rooms.size + this.unloading.size - (this.unloading.has(room.id) ? 1 : 0))
      log.debug('room.unloaded', { document: room.id })
    })()
    const settled = done.catch((error) => log.error('room.unload_failed', { document: room.id, error })).finally(() => {
      if (this.unloading.get(room.id) === settled) this.unloading.delete(room.id)
    })
    this.unloading.set(room.id, settled)
    return settled
  }

  /** Unloads every room, storing and compacting what they hold. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.rooms.values()].map((room) => this.unload(room)))
    await Promise.all([...this.unloading.values()])
  }
}
