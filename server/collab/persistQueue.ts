/**
 * Persist-before-relay: document updates are collected for one event-loop turn, appended to the
 * store in one transaction, and only then handed back for relaying.
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

  constructor(
    private readonly store: DocumentStore,
    private readonly handlers: PersistHandlers<Owner>,
    private readonly observer: PersistObserver = noPersistObserver,
  ) {}

  enqueue(entry: PendingUpdate<Owner>): void {
    this.open.entries.push(entry)
    this.open.queuedAt.push(performance.now())
    this.schedule()
  }

  /** Runs `fn` once every update enqueued so far is stored (at once when nothing is pending). */
  afterPending(fn: () => void): void {
    if (this.open.entries.length > 0) this.open.waiters.push(fn)
    else if (this.inFlight) this.inFlight.waiters.push(fn)
    else fn()
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
        seqs = await this.store.append(batch.entries.map(({ documentId, update, authorId }) => ({ documentId, update, authorId })))
        this.observer.appended((performance.now() - started) / 1000)
      } catch (caught) {
        error = caught
        this.observer.failed('append', caught)
      }
      const owners = new Set<Owner>()
      batch.entries.forEach((entry) => owners.add(entry.owner))
      if (seqs) {
        batch.entries.forEach((entry, i) => {
          this.handlers.persisted(entry, seqs[i])
          this.observer.relayed((performance.now() - batch.queuedAt[i]) / 1000)
        })
        for (const owner of owners) {
          // Each owner's follow-up (listeners, compaction) on its own: one failing neither stops the others nor the queue.
          try {
            await this.handlers.batchStored?.(owner)
          } catch (error) {
            log.error('persist.after_store_failed', { error })
          }
        }
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
