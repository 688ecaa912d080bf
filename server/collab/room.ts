/** A loaded document: its Y.Doc, presence and connections, and the rules for what enters it. */
import * as Y from 'yjs'
import { log } from '../log.ts'
import type { DocumentStore, StoredDocument } from '../store/store.ts'
import { applyStoredDocument, dropPending } from '../store/storedDocument.ts'
import { CloseCode } from '../../shared/collab/closeCodes.ts'
import type { Connection } from './connection.ts'
import { FramedMessage } from './framedMessage.ts'
import type { PersistQueue } from './persistQueue.ts'
import { RoomPresence } from './presence.ts'
import type { PresenceLimits } from './presenceLimits.ts'
import { type ClientMessage, ProtocolError, decodeClientMessage, encodePermissionDenied, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './protocol.ts'
import { StoredAnswer } from './storedAnswer.ts'
import { checkUpdate, holdsLive, isEmptyUpdate, repeatsKnownDeletions } from './updateCheck.ts'
import { type AgreedBlocks, agreedBlocksTouched, agreedTextReason, noAgreedBlocks } from './agreedLock.ts'
import { fromOtherInstance, type RoomFanout, standalone } from './fanout.ts'

/** The origin of a client's update applied to the document after it was stored and relayed as it came. */
const appliedAfterRelay = Symbol('applied after relay')
/** How much larger than what is stored a read-only client's answer to sync step 1 may be and still be read. */
const answerSlackBytes = 4096

export type RoomState = 'loading' | 'ready' | 'failed' | 'unloading' | 'unloaded'

export const readOnlyReason = 'read-only: you may not change this document (your role, or it was submitted to the plenary)'

type CloseReason = { code: number; reason: string }

export interface RoomLimits extends PresenceLimits {
  maxPresenceBytesPerConnection: number
  /** Frames one connection may send while the document loads; more close it (4504). */
  maxLoadingFrames: number
  /** Bytes of frames one connection may send while the document loads. */
  maxLoadingBytes: number
  /**
   * After the stored bytes are read, how long the room may wait for its connections' sync requests (answered from
   * those bytes) before it builds the document anyway; anything else that needs the document builds it at once.
   */
  roomBuildDelayMs?: number
}

const defaultBuildDelayMs = 250

export class Room {
  readonly doc = new Y.Doc()
  readonly connections = new Set<Connection>()
  private current: RoomState = 'loading'
  /** Settles when the load has finished, successfully or not. */
  readonly loaded: Promise<void>
  /** Whether the stored state held content that could not be integrated (quarantined, left out) and is not yet written again without it. */
  private needsRewrite = false
  /** Sequence numbers of the log entries the document holds that no compaction has merged yet, oldest first. */
  private logSeqs: number[] = []
  /** Bytes of each of those log entries, by sequence number, and of the compacted state they follow. */
  private readonly logBytes = new Map<number, number>()
  private stateBytes = 0
  /** The `throughSeq` of the stored state the document holds: what a compaction of it replaces (see DocumentStore.compact). */
  private stateThroughSeq = 0
  /** Frames that arrived while the document loads, and how much each connection has sent meanwhile. */
  private waiting: Array<[Connection, Uint8Array]> = []
  private readonly waitingBy = new Map<Connection, { frames: number; bytes: number }>()
  private readonly presence: RoomPresence
  /** The whole document encoded, while it is known to be current: served to clients that hold nothing yet. */
  private fullState: Uint8Array | null = null
  /** Counts changes to the document since it was loaded. */
  private version = 0
  /** Counts those of them that are stored (and relayed): equal to `version` when nothing waits in the persist queue. */
  private storedVersion = 0
  /** While the document is read but not yet built: answers sync requests from the stored bytes. */
  private storedAnswer: StoredAnswer | null = null
  /** Connections answered from the stored bytes, before the document was built. */
  private readonly answeredEarly = new Set<Connection>()
  /** Starts building the document once it has been read (something needs it, or the wait is over). */
  private wantDocument: () => void = () => {}
  /** Something on the server asked for the document before it was read: it is built without waiting. */
  private documentWanted = false
  /** Updates another instance stored that arrived while the document loads: applied once it is built. */
  private arrivedWhileLoading: Array<[Uint8Array, number]> = []
  /** Frames held while the document catches up with the store, before an update that needs it is judged. */
  private catchingUp: Promise<void> | null = null
  /** While the frames held for a catch-up are handled: an update that still lacks what it builds on is refused. */
  private caughtUp = false
  /** Log entries noted while a catch-up reads the store: kept, whatever that read holds. */
  private notedDuringCatchUp: number[] | null = null

  constructor(
    readonly id: string,
    private readonly store: DocumentStore,
    private readonly queue: PersistQueue<Room>,
    private readonly limits: RoomLimits,
    /** Called when the room has failed and must be forgotten without writing anything. */
    private readonly onFailed: (room: Room) => void,
    after: Promise<void> = Promise.resolve(),
    /** The blocks agreed ad referendum: an update that would change one is refused. */
    private readonly locks: AgreedBlocks = noAgreedBlocks,
    /** The other instances serving the document, if any. */
    private readonly fanout: RoomFanout = standalone,
  ) {
    this.presence = new RoomPresence(
      this.doc,
      limits,
      (frame, origin, update) => {
        this.broadcast(FramedMessage.of(frame), null)
        if (origin !== fromOtherInstance) this.fanout.awareness(this.id, update)
      },
      (connection) => this.connections.has(connection),
    )
    this.loaded = after.then(() => this.load())
  }

  get state(): RoomState {
    return this.current
  }

  get awareness() {
    return this.presence.awareness
  }

  get repaired(): boolean {
    return this.needsRewrite
  }

  /** Log entries stored since the last compaction. */
  get logEntries(): number {
    return this.logSeqs.length
  }

  /** What the store holds for the document, in bytes: the compacted state and the log entries since. */
  get storedBytes(): number {
    let bytes = this.stateBytes
    for (const size of this.logBytes.values()) bytes += size
    return bytes
  }

  /**
   * Reads what is stored, then builds the document. Between the two, sync requests are answered from the stored bytes
   * (a cold document reaches its first readers without waiting for the build); everything else waits for the build.
   */
  private async load(): Promise<void> {
    const started = performance.now()
    let stored: StoredDocument | null = null
    try {
      stored = await this.store.load(this.id)
    } catch (error) {
      this.fail(CloseCode.documentLoadFailed, error)
      return
    }
    if (this.current !== 'loading') return
    await this.answerFromStoredBytes(stored)
    if (this.current !== 'loading') return
    const read = performance.now()
    try {
      const { pending } = applyStoredDocument(this.doc, stored)
      this.logSeqs = [...stored.seqs]
      this.stateBytes = stored.state?.byteLength ?? 0
      this.stateThroughSeq = stored.throughSeq ?? 0
      stored.seqs.forEach((seq, i) => this.logBytes.set(seq, stored.updates[i].byteLength))
      if (pending) {
        // Content the stored state cannot integrate is never served or stored again; its bytes are kept.
        await this.store.quarantine(this.id, stored, 'stored state holds content that cannot be integrated')
        dropPending(this.doc)
        this.needsRewrite = true
        log.warn('room.pending_quarantined', { document: this.id })
        // Whoever was answered from the stored bytes holds that content too: they reconnect and resync.
        for (const connection of this.answeredEarly) connection.close(CloseCode.documentLoadFailed)
      } else if (stored.state && stored.updates.length === 0) this.fullState = stored.state
    } catch (error) {
      await this.quarantine(stored, error)
      this.fail(CloseCode.documentLoadFailed, error)
      return
    }
    this.answeredEarly.clear()
    if (this.current !== 'loading') return
    // Only changes after the load are stored and relayed; listening from here spares the build encoding an update
    // of the whole stored document for nobody.
    this.doc.on('update', this.onDocUpdate)
    this.current = 'ready'
    log.debug('room.loaded', { document: this.id, ms: Math.round(performance.now() - started), buildMs: Math.round(performance.now() - read) })
    const arrived = this.arrivedWhileLoading
    this.arrivedWhileLoading = []
    for (const [update, seq] of arrived) this.applyStored(update, seq)
    this.fanout.ready(this.id)
    for (const connection of this.connections) this.greet(connection)
    this.receiveWaiting()
  }

  /** Handles the frames held (while loading or catching up), in the order they came. */
  private receiveWaiting(): void {
    const waiting = this.waiting
    this.waiting = []
    this.waitingBy.clear()
    for (const [connection, frame] of waiting) this.receive(connection, frame)
  }

  /**
   * Serves sync requests from the stored bytes until the document is wanted: at once when a frame that needs it
   * arrives (an update) or something on the server needs it, or after `roomBuildDelayMs` at the latest. Until then the
   * relay stays free to answer everyone who opens the document meanwhile (a meeting opening it at once), rather than
   * making all but the first wait for the build.
   */
  private async answerFromStoredBytes(stored: StoredDocument): Promise<void> {
    if (!stored.state && stored.updates.length === 0) return
    if (this.waiting.length > 0 || this.documentWanted) return
    const storedAnswer = new StoredAnswer(stored)
    this.storedAnswer = storedAnswer
    // Read through the bytes while the first client is still opening its connection, unless the build comes first.
    setImmediate(() => {
      if (this.storedAnswer === storedAnswer) storedAnswer.prepare()
    })
    let timer: NodeJS.Timeout | undefined
    await new Promise<void>((resolve) => {
      this.wantDocument = resolve
      timer = setTimeout(resolve, this.limits.roomBuildDelayMs ?? defaultBuildDelayMs)
    })
    clearTimeout(timer)
    this.wantDocument = () => {}
    this.storedAnswer = null
  }

  /** Asks for the document to be built now, if it has been read and is waiting (a change on the server's behalf). */
  needDocument(): void {
    this.documentWanted = true
    this.wantDocument()
  }

  /**
   * Handles, before the document is built, what does not need it: a sync request answered from the stored bytes, and
   * presence (which no document content backs). False when the frame must wait for the document.
   */
  private answerEarly(connection: Connection, frame: Uint8Array): boolean {
    // Only a connection with nothing held: an answer never overtakes the connection's own earlier frames.
    if (this.waitingBy.has(connection)) return false
    let message: ClientMessage
    try {
      message = decodeClientMessage(frame)
    } catch {
      return false
    }
    if (message.kind === 'awareness' || message.kind === 'queryAwareness') {
      this.handlePresence(connection, message)
      return true
    }
    if (message.kind !== 'syncStep1' || !this.storedAnswer) return false
    const stateVector = message.stateVector
    const started = performance.now()
    const reply = this.storedAnswer.answer(stateVector)
    if (!reply) return false
    // The log's part first, then the state's part as the sync step 2, which alone marks the client synced (storedAnswer.ts).
    if (reply.log) connection.send(encodeUpdate(reply.log))
    connection.send(encodeSyncStep2(reply.state))
    log.debug('room.answered_from_store', {
      document: this.id,
      bytes: reply.state.byteLength + (reply.log?.byteLength ?? 0),
      ms: Math.round(performance.now() - started),
    })
    this.answeredEarly.add(connection)
    return true
  }

  /** Keeps the raw bytes of a stored state that does not load, for the operator's `recover`. */
  private async quarantine(stored: StoredDocument, error: unknown): Promise<void> {
    try {
      const kept = await this.store.quarantine(this.id, stored, `does not load: ${(error as Error)?.message ?? String(error)}`)
      if (kept) log.error('room.quarantined', { document: this.id, error })
    } catch (quarantineError) {
      log.error('room.quarantine_failed', { document: this.id, error: quarantineError })
    }
  }

  private readonly onDocUpdate = (update: Uint8Array, origin: unknown): void => {
    // Stored, relayed and counted before it was applied (applyClientUpdate).
    if (origin === appliedAfterRelay) return
    this.version++
    this.fullState = null
    if (origin === fromOtherInstance) {
      // Stored already (by another instance): relayed to this instance's connections, not stored again.
      this.storedVersion++
      this.broadcast(FramedMessage.of(encodeUpdate(update)), null)
      return
    }
    const authorId = (origin as { member?: { id?: unknown } } | null)?.member?.id
    this.queue.enqueue({ documentId: this.id, update, owner: this, origin, authorId: typeof authorId === 'number' ? authorId : null })
  }

  join(connection: Connection): void {
    if (this.current === 'failed' || this.current === 'unloaded') {
      connection.close(CloseCode.documentLoadFailed)
      return
    }
    this.connections.add(connection)
    if (this.current === 'ready') this.greet(connection)
  }

  leave(connection: Connection): void {
    if (!this.connections.delete(connection)) return
    this.answeredEarly.delete(connection)
    if (this.waitingBy.delete(connection)) this.waiting = this.waiting.filter(([waiting]) => waiting !== connection)
    this.presence.leave(connection)
  }

  /** Handles one frame from a connection; frames that arrive while the room loads wait their turn. */
  receive(connection: Connection, frame: Uint8Array): void {
    if (!connection.isOpen || !this.connections.has(connection)) return
    if (this.current === 'loading') {
      if (this.answerEarly(connection, frame)) return
      this.hold(connection, frame)
      this.wantDocument()
      return
    }
    if (this.catchingUp) {
      this.hold(connection, frame)
      return
    }
    if (this.current !== 'ready') return
    try {
      const message = decodeClientMessage(frame)
      switch (message.kind) {
        case 'syncStep1':
          this.answerSyncStep1(connection, message.stateVector)
          break
        case 'update':
          this.applyClientUpdate(connection, message.update, message.incremental)
          break
        case 'awareness':
        case 'queryAwareness':
          this.handlePresence(connection, message)
          break
      }
    } catch (error) {
      this.rejectFrame(connection, error)
    }
  }

  /** A presence update or query: it needs no document content, so it is handled even while the document loads. */
  private handlePresence(connection: Connection, message: Extract<ClientMessage, { kind: 'awareness' | 'queryAwareness' }>): void {
    try {
      if (message.kind === 'queryAwareness') return this.sendAwarenessStates(connection)
      const refused = this.presence.receive(connection, message.update)
      if (refused) this.refuse(connection, refused)
    } catch (error) {
      this.rejectFrame(connection, error)
    }
  }

  private rejectFrame(connection: Connection, error: unknown): void {
    if (!(error instanceof ProtocolError)) log.warn('collab.frame_rejected', { document: this.id, error })
    connection.close(CloseCode.protocolError)
  }

  /** Holds a frame until the document has loaded, within the bounds one connection may send meanwhile. */
  private hold(connection: Connection, frame: Uint8Array): void {
    const sent = this.waitingBy.get(connection) ?? { frames: 0, bytes: 0 }
    sent.frames++
    sent.bytes += frame.byteLength
    if (sent.frames > this.limits.maxLoadingFrames || sent.bytes > this.limits.maxLoadingBytes) {
      this.waitingBy.delete(connection)
      this.waiting = this.waiting.filter(([waiting]) => waiting !== connection)
      connection.close(CloseCode.tooMuchWhileLoading)
      return
    }
    this.waitingBy.set(connection, sent)
    this.waiting.push([connection, frame])
  }

  private refuse(connection: Connection, closeCode: CloseReason): void {
    log.info('collab.connection_refused', { document: this.id, member: connection.member.id, reason: closeCode.reason })
    connection.close(closeCode)
  }

  private greet(connection: Connection): void {
    connection.send(encodeSyncStep1(this.doc))
    connection.sentSyncStep1()
    this.sendAwarenessStates(connection)
  }

  private sendAwarenessStates(connection: Connection): void {
    const frame = this.presence.statesFrame()
    if (frame) connection.send(frame)
  }

  private answerSyncStep1(connection: Connection, stateVector: Uint8Array): void {
    // The answer may hold updates still being stored: it leaves only once they are durable.
    this.queue.afterPending(() => {
      if (this.current !== 'ready' && this.current !== 'unloading') return
      const holdsNothing = stateVector.length === 1 && stateVector[0] === 0
      const update = holdsNothing && this.fullState ? this.fullState : Y.encodeStateAsUpdate(this.doc, stateVector)
      connection.send(encodeSyncStep2(update))
    })
  }

  /**
   * A read-only member's update is refused from its first bytes, never decoded, except its client's answer to the
   * server's sync step 1, which holds deletions alone when the client has nothing new: those are read to tell it from a
   * change (see repeatsKnownDeletions). A writer's is decoded and
   * checked against the document's state vector: one that would leave anything pending is refused whole; one
   * that would change text agreed ad referendum is refused whole too, and the connection closed (4423).
   *
   * An accepted change as it is typed (`incremental`: a sync update, not a sync step 2) whose structs are all new to
   * the document is stored and relayed as it came, and only then applied: the check has shown it integrates whole, and
   * the document would emit the same structs, so what others receive is what they would have, sooner. Any other
   * update is applied first, and what the document emits (only what it did not hold) is stored and relayed.
   */
  private applyClientUpdate(connection: Connection, update: Uint8Array, incremental: boolean): void {
    const answersStep1 = !incremental && connection.takeSyncStep1Answer()
    if (isEmptyUpdate(update)) return
    if (!connection.canWrite) {
      // The answer to the server's sync step 1 holds the client's whole delete set, even when it holds nothing new: that
      // answer (one per step 1 sent, no larger than what the store holds of the document, which holds its whole delete
      // set) is read, and let go when it only repeats deletions the document holds.
      if (answersStep1 && update.byteLength <= this.storedBytes + answerSlackBytes && repeatsKnownDeletions(update, this.doc)) return
      connection.send(encodePermissionDenied(readOnlyReason))
      return
    }
    const check = checkUpdate(
      update,
      (client) => Y.getState(this.doc.store, client),
      (client, clock, len) => holdsLive(this.doc, client, clock, len),
    )
    if (check.verdict === 'empty') return
    if (check.verdict === 'inconsistent' && this.fanout.shared && !this.caughtUp) {
      // It may build on updates another instance stored that have not arrived here yet: read the store, then judge again.
      this.waitForCatchUp(connection, update, incremental)
      return
    }
    if (check.verdict === 'inconsistent') {
      log.info('collab.update_refused', { document: this.id, member: connection.member.id, problem: check.problem })
      connection.close(CloseCode.updateRefused)
      return
    }
    const touched = agreedBlocksTouched(update, this.doc, this.locks.agreed(this.id))
    if (touched.length > 0) {
      // The sender's copy keeps what it typed (deletions cannot be undone by a sync): it must start again from the stored text.
      log.info('collab.agreed_text_refused', { document: this.id, member: connection.member.id, blocks: touched })
      connection.send(encodePermissionDenied(agreedTextReason(touched)))
      connection.close(CloseCode.agreedTextLocked)
      return
    }
    if (incremental && check.fresh) {
      this.version++
      this.fullState = null
      this.queue.enqueue({ documentId: this.id, update, owner: this, origin: connection, authorId: connection.member.id })
      let failure: unknown = null
      try {
        Y.applyUpdate(this.doc, update, appliedAfterRelay)
        // The check says this cannot happen; should Yjs hold something back, it is not served from the document.
        if (dropPending(this.doc)) failure = new Error('the update relayed left content pending')
      } catch (error) {
        failure = error
      }
      if (failure) {
        // Stored and relayed, yet not integrated whole: the document no longer matches its log, so nothing is compacted
        // or served from it. The room gives up; reloaded from the store, what does not integrate is quarantined.
        log.error('collab.relayed_update_not_integrated', { document: this.id, member: connection.member.id, error: failure })
        this.fail(CloseCode.documentLoadFailed, failure)
      }
      return
    }
    Y.applyUpdate(this.doc, update, connection)
    // Checked above; should Yjs still hold something back, it is neither served nor stored.
    if (dropPending(this.doc)) log.error('collab.pending_dropped', { document: this.id, member: connection.member.id })
  }

  /**
   * Holds every frame of the room (this update first) while the document reads what the store holds, then handles
   * them in order: an update that still lacks what it builds on is then refused.
   */
  private waitForCatchUp(connection: Connection, update: Uint8Array, incremental: boolean): void {
    // Framed again as it came: a sync step 2 stays one (applied first, never relayed as it came).
    const frame = incremental ? encodeUpdate(update) : encodeSyncStep2(update)
    this.waiting.unshift([connection, frame])
    this.waitingBy.set(connection, { frames: 1, bytes: frame.byteLength })
    this.catchingUp = this.fanout
      .catchUp(this)
      .catch((error) => log.error('room.catch_up_failed', { document: this.id, error }))
      .finally(() => {
        this.catchingUp = null
        if (this.current !== 'ready') return
        this.caughtUp = true
        try {
          this.receiveWaiting()
        } finally {
          this.caughtUp = false
        }
      })
  }

  /** Called by the persist queue once an update of this room is stored: now others may see it. */
  relay(update: Uint8Array, origin: unknown, seq: number): void {
    this.storedVersion++
    this.noteSeq(seq, update.byteLength)
    this.broadcast(FramedMessage.of(encodeUpdate(update)), origin)
    this.fanout.stored(this.id, seq, update)
  }

  private noteSeq(seq: number, bytes: number): void {
    if (this.logBytes.has(seq)) return
    this.logSeqs.push(seq)
    this.logBytes.set(seq, bytes)
    this.notedDuringCatchUp?.push(seq)
  }

  /**
   * An update another instance stored (log entry `seq`): applied and relayed to this room's connections. False when it
   * builds on something this document lacks (a message lost on the way): the caller catches up from the store.
   */
  applyStored(update: Uint8Array, seq: number): boolean {
    if (this.current === 'loading') {
      this.arrivedWhileLoading.push([update, seq])
      return true
    }
    if (this.current !== 'ready' && this.current !== 'unloading') return true
    if (checkUpdate(update, (client) => Y.getState(this.doc.store, client)).verdict === 'inconsistent') return false
    this.noteSeq(seq, update.byteLength)
    Y.applyUpdate(this.doc, update, fromOtherInstance)
    return true
  }

  /** Presence another instance relayed. */
  applyAwareness(update: Uint8Array): void {
    // Presence needs no document: it is taken while the document loads, as this instance's own clients' is.
    if (this.current !== 'ready' && this.current !== 'loading') return
    this.presence.applyFromOtherInstance(update)
  }

  /** Every presence state this room holds, as an awareness update (for an instance that asks), or null. */
  presenceStates(): Uint8Array | null {
    return this.presence.statesUpdate()
  }

  /** Starts noting the log entries this room learns of while the store is read for `catchUp`. */
  beginCatchUp(): void {
    this.notedDuringCatchUp = []
  }

  /**
   * Applies what the store holds (read after `beginCatchUp`): content other instances stored that did not arrive. The
   * log entries the room knows become those stored, with those noted since the read began (another instance's
   * compaction may have merged some of the earlier ones into the state read here).
   */
  catchUp(stored: StoredDocument): void {
    const noted = this.notedDuringCatchUp ?? []
    this.notedDuringCatchUp = null
    if (this.current !== 'ready' && this.current !== 'unloading') return
    // Only what the room may lack is applied: a whole large state applied again held the relay's loop for as long as a
    // load, at every compaction and every reconnection of the cluster. The state is the one the room was built on
    // unless another instance compacted since (then only its difference to the document); a log entry the room has
    // noted is in the document already.
    const stateKnown = (stored.throughSeq ?? 0) <= this.stateThroughSeq
    const vector = stored.state && !stateKnown ? Y.encodeStateVector(this.doc) : null
    this.doc.transact(() => {
      if (stored.state && vector) Y.applyUpdate(this.doc, Y.diffUpdate(stored.state, vector), fromOtherInstance)
      stored.updates.forEach((update, i) => {
        if (!this.logBytes.has(stored.seqs[i]!)) Y.applyUpdate(this.doc, update, fromOtherInstance)
      })
    }, fromOtherInstance)
    if (dropPending(this.doc)) log.error('room.catch_up_pending_dropped', { document: this.id })
    const kept = new Set([...stored.seqs, ...noted])
    const sizes = new Map(this.logBytes)
    stored.seqs.forEach((seq, i) => sizes.set(seq, stored.updates[i].byteLength))
    this.logSeqs = [...kept].sort((a, b) => a - b)
    this.logBytes.clear()
    for (const seq of this.logSeqs) this.logBytes.set(seq, sizes.get(seq) ?? 0)
    this.stateBytes = stored.state?.byteLength ?? this.stateBytes
    this.stateThroughSeq = Math.max(this.stateThroughSeq, stored.throughSeq ?? 0)
  }

  /**
   * The log entries a compaction from what is stored would merge, and the document's version that state holds: none
   * (-1) while changes wait in the persist queue, since the stored state lacks them and must not be served as the whole;
   * and the stored state the document was built on (`basis`, its `throughSeq`), which the compacted state replaces.
   */
  compactionPoint(): { mergedSeqs: number[]; version: number; basis: number } {
    return { mergedSeqs: [...this.logSeqs], version: this.storedVersion === this.version ? this.version : -1, basis: this.stateThroughSeq }
  }

  /** The whole document as one update, with the log entries it merges, to be stored as the compacted state. */
  snapshot(): { state: Uint8Array; mergedSeqs: number[]; version: number } {
    // Encoded from the document itself, it holds every change applied, queued ones included.
    return { state: Y.encodeStateAsUpdate(this.doc), mergedSeqs: [...this.logSeqs], version: this.version }
  }

  /**
   * Records that a snapshot was stored as the compacted state (`written`), or found a later one stored by another
   * instance, which holds it: either way the entries it merged are gone from the log.
   */
  compacted(snapshot: { state: Uint8Array; mergedSeqs: number[]; version: number; basis: number }, written: boolean): void {
    if (written) this.stateThroughSeq = snapshot.mergedSeqs.reduce((max, seq) => Math.max(max, seq), snapshot.basis)
    const merged = new Set(snapshot.mergedSeqs)
    this.logSeqs = this.logSeqs.filter((seq) => !merged.has(seq))
    for (const seq of merged) this.logBytes.delete(seq)
    this.stateBytes = snapshot.state.byteLength
    // A state written again without what it could not integrate is written once it is the one stored.
    if (written) this.needsRewrite = false
    if (this.version === snapshot.version) this.fullState = snapshot.state
  }

  /** The room stops taking frames: its connections are closed and what it holds is stored and compacted next. */
  beginUnload(): void {
    if (this.current !== 'ready') return
    this.current = 'unloading'
    this.closeAll(CloseCode.goingAway)
  }

  /** The room is done: its document and presence are let go. */
  finishUnload(): void {
    this.current = 'unloaded'
    this.destroy()
  }

  /** Sends a message to every connection but `except`, framed once for all of them (see FramedMessage). */
  private broadcast(message: FramedMessage, except: unknown): void {
    for (const connection of this.connections) {
      if (connection !== except) connection.sendFramed(message)
    }
  }

  /** Gives up on the room: every connection is closed and nothing more is written for it. */
  fail(closeCode: CloseReason, error: unknown): void {
    if (this.current === 'failed' || this.current === 'unloaded') return
    log.error('room.failed', { document: this.id, reason: closeCode.reason, error })
    this.current = 'failed'
    this.waiting = []
    this.waitingBy.clear()
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
    this.presence.destroy()
    this.doc.destroy()
  }
}
