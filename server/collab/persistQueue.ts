/**
 * Persist-before-relay: document updates are appended to the store, and only then handed back for relaying.
 *
 * An update that finds nothing pending is stored at once, on its own turn of the event loop, when the store can
 * (SQLite, synchronous): an edit in a quiet document reaches the others without waiting for the next turn. Those that
 * follow within the same turn, or arrive while a write is under way, are collected for one turn and appended
 * together in one transaction.
 */
import { log } from '../log.ts'
import type { DocumentStore } from '../store/store.ts'

export interface PendingUpdate<Owner> {
  documentId: string
  update: Uint8Array
  owner: Owner
  origin: unknown
  authorId?: number | null
}

export interface PersistHandlers<Owner> {
  /** Called in append order once the update is durable. */
  persisted(entry: PendingUpdate<Owner>, seq: number): void
  /** Called once per owner whose updates could not be stored. */
  failed(owner: Owner, error: unknown): void
  /** Called once per owner after each batch that held its updates was stored. */
  batchStored?(owner: Owner): void | Promise<void>
}

/** What the store's users report for the metrics: each append's duration, each update's time to relay, each failure. */
export interface PersistObserver {
  /** One batch appended in `seconds`. */
  appended(seconds: number): void
  /** One update relayed `seconds` after it entered the queue (stored first, then relayed). */
  relayed(seconds: number): void
  /** The store failed: a batch was not appended, a document did not load, a log was not compacted. */
  failed(operation: 'append' | 'load' | 'compact', error: unknown): void
}

export const noPersistObserver: PersistObserver = { appended: () => {}, relayed: () => {}, failed: () => {} }

interface Batch<Owner> {
  entries: PendingUpdate<Owner>[]
  queuedAt: number[]
  waiters: Array<() => void>
}

export class PersistQueue<Owner> {
  private open: Batch<Owner> = { entries: [], queuedAt: [], waiters: [] }
  private inFlight: Batch<Owner> | null = null
  private scheduled = false
  /** An update was stored at once during this turn of the event loop: the next ones of the turn are batched. */
  private storedAtOnce = false
  /** Owners whose updates were stored at once, for their `batchStored` follow-up on the next turn. */
  private readonly storedOwners = new Set<Owner>()
  /** That follow-up, while it runs: what waits for stored updates waits for it too, as for a batch's. */
  private followUp: Promise<void> | null = null
  /**
   * Owners whose update could not be stored at once, until they are told (a microtask later, outside the change that
   * brought the update): their further updates are dropped, never stored without the one they build on, and what
   * waits for stored updates waits until they have failed.
   */
  private readonly failing = new Set<Owner>()

  constructor(
    private readonly store: DocumentStore,
    private readonly handlers: PersistHandlers<Owner>,
    private readonly observer: PersistObserver = noPersistObserver,
  ) {}

  enqueue(entry: PendingUpdate<Owner>): void {
    if (this.failing.has(entry.owner)) return
    if (this.storeAtOnce(entry)) return
    this.open.entries.push(entry)
    this.open.queuedAt.push(performance.now())
    this.schedule()
  }

  /**
   * Runs `fn` once every update enqueued so far is stored and followed up (at once when nothing is pending). What it
   * waited for done, it looks once more, so updates queued meanwhile (which an answer encoded then would hold) are
   * stored first too.
   */
  afterPending(fn: () => void, again = true): void {
    const next = again ? () => this.afterPending(fn, false) : fn
    if (this.failing.size > 0) queueMicrotask(next)
    else if (this.open.entries.length > 0) this.open.waiters.push(next)
    else if (this.inFlight) this.inFlight.waiters.push(next)
    else if (this.followUp) void this.followUp.then(next)
    else fn()
  }

  /** Stores and relays `entry` now if nothing is pending and the store can write at once; false to batch it. */
  private storeAtOnce(entry: PendingUpdate<Owner>): boolean {
    if (!this.store.appendNow || this.storedAtOnce || this.inFlight || this.open.entries.length > 0) return false
    const started = performance.now()
    let seqs: number[] | null
    try {
      seqs = this.store.appendNow([{ documentId: entry.documentId, update: entry.update, authorId: entry.authorId }])
    } catch (error) {
      this.observer.failed('append', error)
      this.failLater(entry.owner, error)
      return true
    }
    if (!seqs) return false
    const appended = performance.now()
    // Noted before relaying: stored is stored, whatever the relay meets.
    this.storedAtOnce = true
    this.storedOwners.add(entry.owner)
    // Relayed before the rest of the bookkeeping, which nobody waiting for the update needs.
    this.relay(entry, seqs[0], started)
    setImmediate(() => {
      this.storedAtOnce = false
    })
    this.followUp ??= this.followUpStoredAtOnce()
    this.observer.appended((appended - started) / 1000)
    return true
  }

  /**
   * Tells the owner its update was not stored once the change that brought it has ended (the update may be stored in
   * the middle of the document's own update event); meanwhile its updates are dropped (see `failing`).
   */
  private failLater(owner: Owner, error: unknown): void {
    if (this.failing.has(owner)) return
    this.failing.add(owner)
    queueMicrotask(() => {
      this.failing.delete(owner)
      this.handlers.failed(owner, error)
    })
  }

  /** Hands a stored update back for relaying; a relay that throws fails its owner, never the queue or the process. */
  private relay(entry: PendingUpdate<Owner>, seq: number, since: number): void {
    try {
      this.handlers.persisted(entry, seq)
    } catch (error) {
      log.error('persist.relay_failed', { document: entry.documentId, error })
      this.failLater(entry.owner, error)
      return
    }
    this.observer.relayed((performance.now() - since) / 1000)
  }

  /** The `batchStored` follow-up of each owner, one after the other: one failing neither stops the others nor the queue. */
  private async followUpOwners(owners: Iterable<Owner>): Promise<void> {
    for (const owner of owners) {
      try {
        await this.handlers.batchStored?.(owner)
      } catch (error) {
        log.error('persist.after_store_failed', { error })
      }
    }
  }

  /**
   * From the next turn, the follow-up of each owner whose updates were stored at once, until none is left (owners
   * stored at once meanwhile included).
   */
  private async followUpStoredAtOnce(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve))
    try {
      while (this.storedOwners.size > 0) {
        const owners = [...this.storedOwners]
        this.storedOwners.clear()
        await this.followUpOwners(owners)
      }
    } finally {
      this.followUp = null
    }
  }

  private schedule(): void {
    if (this.scheduled || this.inFlight) return
    this.scheduled = true
    setImmediate(() => {
      this.scheduled = false
      void this.flush()
    })
  }

  private async flush(): Promise<void> {
    const batch = this.open
    this.open = { entries: [], queuedAt: [], waiters: [] }
    this.inFlight = batch
    try {
      let seqs: number[] | null = null
      let error: unknown = null
      const started = performance.now()
      try {
        const entries = batch.entries.map(({ documentId, update, authorId }) => ({ documentId, update, authorId }))
        // On this turn when the store can (SQLite), without the query layer's promises; otherwise through them.
        seqs = this.store.appendNow?.(entries) ?? (await this.store.append(entries))
        this.observer.appended((performance.now() - started) / 1000)
      } catch (caught) {
        error = caught
        this.observer.failed('append', caught)
      }
      const owners = new Set<Owner>()
      batch.entries.forEach((entry) => owners.add(entry.owner))
      if (seqs) {
        batch.entries.forEach((entry, i) => this.relay(entry, seqs[i], batch.queuedAt[i]))
        await this.followUpOwners(owners)
      } else {
        for (const owner of owners) this.handlers.failed(owner, error)
      }
    } finally {
      this.inFlight = null
      for (const waiter of batch.waiters) waiter()
      if (this.open.entries.length > 0) this.schedule()
    }
  }
}
