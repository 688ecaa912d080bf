/** Each document's validity, recomputed (on the worker pool) shortly after it changes and pushed to whoever listens. */
import type { BlockStatusCounts } from '../../shared/schema/blockStatus.ts'
import type { DocumentStatus } from '../../shared/schema/document.ts'
import { log } from '../log.ts'
import type { BoundedValidation } from './boundedProblems.ts'

export type { DocumentStatus }

/** Validates the document as stored: the bounded status and the keys of its blocks, computed off the relay's event loop. */
export type Validate = (documentId: string) => Promise<BoundedValidation & { blockKeys?: string[] }>

/** How many of a document's blocks (by key) are open, under negotiation and agreed. */
export type CountBlocks = (documentId: string, blockKeys: readonly string[]) => BlockStatusCounts

const allOpen: CountBlocks = (_documentId, blockKeys) => ({ open: blockKeys.length, negotiating: 0, agreed: 0 })

/** Statuses of documents neither loaded nor watched here kept at most, by default (the least recently checked go first). */
export const defaultRestingStatuses = 500

/**
 * Every status is kept while its document is loaded or watched here. Of the others ("resting": read once, or their
 * room unloaded), only the `maxResting` most recently checked are kept, so that what the server holds follows the
 * documents in use, not every one ever opened; a resting document cannot change without being loaded here (or
 * changed on another instance, which lets its status go), so what is kept stays true.
 */
export class DocumentStatusService {
  private readonly latest = new Map<string, DocumentStatus>()
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; since: number }>()
  private readonly listeners = new Map<string, Set<(status: DocumentStatus) => void>>()
  /**
   * Checks started, counted; for each document the one whose status is remembered (an older check finishing late
   * changes nothing), and how many of its checks are under way.
   */
  private checks = 0
  private readonly remembered = new Map<string, number>()
  private readonly checking = new Map<string, number>()
  /** The block keys of each document's last check, for counting statuses again when only they changed. */
  private readonly blockKeys = new Map<string, string[]>()
  /** Documents kept though neither loaded nor watched, least recently checked first. */
  private readonly resting = new Set<string>()
  /** The check a question about a document's status waits for, shared by the questions asked meanwhile. */
  private readonly asked = new Map<string, Promise<DocumentStatus>>()

  constructor(
    private readonly validate: Validate,
    private readonly debounceMs: number,
    private readonly maxWaitMs = debounceMs * 4,
    private readonly countBlocks: CountBlocks = allOpen,
    /** Whether the document is loaded here. */
    private readonly loaded: (documentId: string) => boolean = () => true,
    private readonly maxResting = defaultRestingStatuses,
  ) {}

  /** Documents whose status is held now. */
  get held(): number {
    return this.latest.size
  }

  /** The document is no longer loaded here: its status, unless watched, becomes one of the resting ones. */
  forget(documentId: string): void {
    if (this.listeners.has(documentId) || !this.latest.has(documentId)) return
    this.rest(documentId)
  }

  /** The document changed where this instance did not see it (another instance): its status is checked again when next asked. */
  invalidate(documentId: string): void {
    this.drop(documentId)
  }

  private rest(documentId: string): void {
    this.resting.delete(documentId)
    this.resting.add(documentId)
    for (const oldest of this.resting) {
      if (this.resting.size <= this.maxResting) break
      this.drop(oldest)
    }
  }

  private drop(documentId: string): void {
    // A check begun before is not shared with questions asked from now on.
    this.asked.delete(documentId)
    this.resting.delete(documentId)
    this.latest.delete(documentId)
    this.blockKeys.delete(documentId)
    // A check under way began before: what it finds is older than what let the status go, and is not kept.
    if (this.checking.has(documentId)) this.remembered.set(documentId, this.checks + 1)
    else this.remembered.delete(documentId)
  }

  /** The statuses of a document's blocks changed, not its text: the counts are made again and the status published. */
  recount(documentId: string): void {
    const known = this.latest.get(documentId)
    const keys = this.blockKeys.get(documentId)
    if (!known || !keys) return
    const status = { ...known, blocks: this.countBlocks(documentId, keys), checkedAt: new Date().toISOString() }
    this.latest.set(documentId, status)
    this.publish(status)
  }

  /**
   * Notes that a loaded document changed: its status is recomputed once edits pause for
   * `debounceMs`, and at least every `maxWaitMs` while they go on.
   */
  changed(documentId: string): void {
    const earlier = this.pending.get(documentId)
    clearTimeout(earlier?.timer)
    const since = earlier?.since ?? Date.now()
    const delay = Math.max(0, Math.min(this.debounceMs, since + this.maxWaitMs - Date.now()))
    const timer = setTimeout(() => {
      this.pending.delete(documentId)
      this.shareCheck(documentId).then(
        ({ status, superseded }) => superseded || this.publish(status),
        (error) => {
          // The status from before these edits is no longer the document's: asked again, it is checked again.
          this.drop(documentId)
          log.warn('validation.failed', { documentId, error })
        },
      )
    }, delay)
    timer.unref()
    this.pending.set(documentId, { timer, since })
  }

  /**
   * The current status: the last one computed, unless edits since are waiting for a check. Questions asked while one
   * check runs for them share it.
   */
  current(documentId: string): Promise<DocumentStatus> {
    const known = this.latest.get(documentId)
    if (known && !this.pending.has(documentId)) return Promise.resolve(known)
    // Edits waiting: a check begun before them would answer the text without them.
    const shared = this.pending.has(documentId) ? undefined : this.asked.get(documentId)
    if (shared) return shared
    void this.shareCheck(documentId).catch(() => {})
    return this.asked.get(documentId)!
  }

  /**
   * Begins a check whose answer the questions asked from now on share (`current`), in place of any begun earlier: the
   * newest check has read the newest text.
   */
  private shareCheck(documentId: string): Promise<{ status: DocumentStatus; superseded: boolean }> {
    const checked = this.check(documentId)
    const answer = checked.then(({ status, superseded }) => (superseded && this.latest.get(documentId)) || status)
    const done = () => {
      if (this.asked.get(documentId) === answer) this.asked.delete(documentId)
    }
    this.asked.set(documentId, answer)
    answer.then(done, done)
    return checked
  }

  /** Whether anyone listens for the document's status here. */
  watched(documentId: string): boolean {
    return this.listeners.has(documentId)
  }

  subscribe(documentId: string, listener: (status: DocumentStatus) => void): () => void {
    let set = this.listeners.get(documentId)
    if (!set) this.listeners.set(documentId, (set = new Set()))
    set.add(listener)
    this.resting.delete(documentId)
    return () => {
      set.delete(listener)
      if (set.size > 0) return
      this.listeners.delete(documentId)
      if (!this.loaded(documentId)) this.forget(documentId)
    }
  }

  /** Drops every remembered status, e.g. after the catalogue changed; each is recomputed when next asked. */
  invalidateAll(): void {
    for (const documentId of [...this.latest.keys()]) this.drop(documentId)
  }

  /**
   * The status found, `superseded` when a later check finished first (its status stands) or the status was let go
   * meanwhile. Kept; among the resting ones when the document is neither watched nor loaded here.
   */
  private async check(documentId: string): Promise<{ status: DocumentStatus; superseded: boolean }> {
    const order = ++this.checks
    this.checking.set(documentId, (this.checking.get(documentId) ?? 0) + 1)
    try {
      const { blockKeys = [], ...validation } = await this.validate(documentId)
      const status = { documentId, ...validation, blocks: this.countBlocks(documentId, blockKeys), checkedAt: new Date().toISOString() }
      if (order < (this.remembered.get(documentId) ?? 0)) return { status, superseded: true }
      this.blockKeys.set(documentId, blockKeys)
      this.latest.set(documentId, status)
      this.remembered.set(documentId, order)
      if (this.listeners.has(documentId) || this.loaded(documentId)) this.resting.delete(documentId)
      else this.rest(documentId)
      return { status, superseded: false }
    } finally {
      const left = this.checking.get(documentId)! - 1
      if (left > 0) this.checking.set(documentId, left)
      else {
        this.checking.delete(documentId)
        if (!this.latest.has(documentId)) this.remembered.delete(documentId)
      }
    }
  }

  private publish(status: DocumentStatus): void {
    for (const listener of this.listeners.get(status.documentId) ?? []) listener(status)
  }
}
