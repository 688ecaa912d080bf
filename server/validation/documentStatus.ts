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

/**
 * The statuses remembered are those of documents someone watches here or that are loaded (`kept`): a status read once
 * for a document nobody has open is answered, not kept, and a document's status goes when its room unloads and nobody
 * watches it (`forget`), so that what the server holds follows the documents in use, not every one ever opened.
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

  constructor(
    private readonly validate: Validate,
    private readonly debounceMs: number,
    private readonly maxWaitMs = debounceMs * 4,
    private readonly countBlocks: CountBlocks = allOpen,
    /** Whether the document is loaded here (its status is then kept while nobody watches it). */
    private readonly loaded: (documentId: string) => boolean = () => true,
  ) {}

  /** Documents whose status is held now. */
  get held(): number {
    return this.latest.size
  }

  /** The document is no longer loaded here: its status goes too unless someone watches it or a check is due. */
  forget(documentId: string): void {
    if (this.listeners.has(documentId) || this.pending.has(documentId)) return
    this.drop(documentId)
  }

  private drop(documentId: string): void {
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
      this.check(documentId).then(
        ({ status, superseded }) => superseded || this.publish(status),
        (error) => log.warn('validation.failed', { documentId, error }),
      )
    }, delay)
    timer.unref()
    this.pending.set(documentId, { timer, since })
  }

  /** The current status: the last one computed, unless edits since are waiting for a check. */
  async current(documentId: string): Promise<DocumentStatus> {
    const known = this.latest.get(documentId)
    if (known && !this.pending.has(documentId)) return known
    const { status, superseded } = await this.check(documentId)
    return (superseded && this.latest.get(documentId)) || status
  }

  /** Whether anyone listens for the document's status here. */
  watched(documentId: string): boolean {
    return this.listeners.has(documentId)
  }

  subscribe(documentId: string, listener: (status: DocumentStatus) => void): () => void {
    let set = this.listeners.get(documentId)
    if (!set) this.listeners.set(documentId, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size > 0) return
      this.listeners.delete(documentId)
      if (!this.loaded(documentId)) this.forget(documentId)
    }
  }

  /** Drops every remembered status, e.g. after the catalogue changed; each is recomputed when next asked. */
  invalidateAll(): void {
    this.latest.clear()
  }

  /**
   * The status found, `superseded` when a later check finished first (its status stands) or the status was let go
   * meanwhile; kept only while the document is watched or loaded here.
   */
  private async check(documentId: string): Promise<{ status: DocumentStatus; superseded: boolean }> {
    const order = ++this.checks
    this.checking.set(documentId, (this.checking.get(documentId) ?? 0) + 1)
    try {
      const { blockKeys = [], ...validation } = await this.validate(documentId)
      const status = { documentId, ...validation, blocks: this.countBlocks(documentId, blockKeys), checkedAt: new Date().toISOString() }
      if (order < (this.remembered.get(documentId) ?? 0)) return { status, superseded: true }
      if (this.listeners.has(documentId) || this.loaded(documentId)) {
        this.blockKeys.set(documentId, blockKeys)
        this.latest.set(documentId, status)
        this.remembered.set(documentId, order)
      } else this.drop(documentId)
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
