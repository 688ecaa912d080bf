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

export class DocumentStatusService {
  private readonly latest = new Map<string, DocumentStatus>()
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; since: number }>()
  private readonly listeners = new Map<string, Set<(status: DocumentStatus) => void>>()
  /** Checks started per document, and the one whose status is remembered: an older check finishing late changes nothing. */
  private readonly started = new Map<string, number>()
  private readonly remembered = new Map<string, number>()
  /** The block keys of each document's last check, for counting statuses again when only they changed. */
  private readonly blockKeys = new Map<string, string[]>()

  constructor(
    private readonly validate: Validate,
    private readonly debounceMs: number,
    private readonly maxWaitMs = debounceMs * 4,
    private readonly countBlocks: CountBlocks = allOpen,
  ) {}

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
        (status) => status && this.publish(status),
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
    return (await this.check(documentId)) ?? this.latest.get(documentId)!
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
      if (set.size === 0) this.listeners.delete(documentId)
    }
  }

  /** Drops every remembered status, e.g. after the catalogue changed; each is recomputed when next asked. */
  invalidateAll(): void {
    this.latest.clear()
  }

  /** The new status, or null when a later check finished first (its status stands). */
  private async check(documentId: string): Promise<DocumentStatus | null> {
    const order = (this.started.get(documentId) ?? 0) + 1
    this.started.set(documentId, order)
    const { blockKeys = [], ...validation } = await this.validate(documentId)
    if (order < (this.remembered.get(documentId) ?? 0)) return null
    this.blockKeys.set(documentId, blockKeys)
    const status = { documentId, ...validation, blocks: this.countBlocks(documentId, blockKeys), checkedAt: new Date().toISOString() }
    this.latest.set(documentId, status)
    this.remembered.set(documentId, order)
    return status
  }

  private publish(status: DocumentStatus): void {
    for (const listener of this.listeners.get(status.documentId) ?? []) listener(status)
  }
}
