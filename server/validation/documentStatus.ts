/** Each document's validity, recomputed shortly after it changes and pushed to whoever listens. */
import * as Y from 'yjs'
import type { DraftProblem } from '../../shared/schema/validateDraft.ts'
import type { DocumentStore } from '../store/store.ts'
import { applyStoredDocument } from '../store/storedDocument.ts'

export interface DocumentStatus {
  documentId: string
  valid: boolean
  problems: DraftProblem[]
  /** Bracketed passages and blocks of alternatives still in the text. */
  negotiation: { brackets: number; alternatives: number }
  /** Valid with nothing bracketed or in alternatives: it may be exported for submission. */
  submittable: boolean
  checkedAt: string
}

export type Validate = (doc: Y.Doc) => {
  valid: boolean
  problems: DraftProblem[]
  negotiation?: DocumentStatus['negotiation']
  submittable?: boolean
}

export class DocumentStatusService {
  private readonly latest = new Map<string, DocumentStatus>()
  private readonly pending = new Map<string, { timer: NodeJS.Timeout; since: number }>()
  private readonly listeners = new Map<string, Set<(status: DocumentStatus) => void>>()

  constructor(
    private readonly validate: Validate,
    private readonly store: DocumentStore,
    private readonly debounceMs: number,
    private readonly maxWaitMs = debounceMs * 4,
  ) {}

  /**
   * Notes that a loaded document changed: its status is recomputed once edits pause for
   * `debounceMs`, and at least every `maxWaitMs` while they go on.
   */
  changed(documentId: string, doc: Y.Doc): void {
    const earlier = this.pending.get(documentId)
    clearTimeout(earlier?.timer)
    const since = earlier?.since ?? Date.now()
    const delay = Math.max(0, Math.min(this.debounceMs, since + this.maxWaitMs - Date.now()))
    const timer = setTimeout(() => {
      this.pending.delete(documentId)
      this.publish(this.check(documentId, doc))
    }, delay)
    timer.unref()
    this.pending.set(documentId, { timer, since })
  }

  /** The current status: from the live document when it is loaded, else from the store. */
  async current(documentId: string, liveDoc?: Y.Doc): Promise<DocumentStatus> {
    const known = this.latest.get(documentId)
    if (known && !this.pending.has(documentId)) return known
    if (liveDoc) return this.check(documentId, liveDoc)
    const stored = await this.store.load(documentId)
    const doc = new Y.Doc()
    try {
      applyStoredDocument(doc, stored)
      return this.check(documentId, doc)
    } finally {
      doc.destroy()
    }
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

  private check(documentId: string, doc: Y.Doc): DocumentStatus {
    const { valid, problems, negotiation = { brackets: 0, alternatives: 0 }, submittable = valid } = this.validate(doc)
    const status = { documentId, valid, problems, negotiation, submittable, checkedAt: new Date().toISOString() }
    this.latest.set(documentId, status)
    return status
  }

  private publish(status: DocumentStatus): void {
    for (const listener of this.listeners.get(status.documentId) ?? []) listener(status)
  }
}
