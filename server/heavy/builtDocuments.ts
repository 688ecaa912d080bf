/**
 * Stored documents a heavy-work thread has built, kept for the next task on the same document: building a large
 * document from its stored bytes takes far longer than the task that reads it (about 150 ms for 1.5 MB), and a
 * meeting's tasks (a stance, a listing, an export) come one after the other on the same few documents. The next task
 * reads only the log entries stored since and applies them; a rewritten state (a compaction) or a log entry gone means
 * a build from scratch. A document that does not integrate whole (pending structs) is never kept: its task gets the
 * bytes and builds it as before, dropping what does not integrate.
 */
import * as Y from 'yjs'
import type { SqlDocumentStore } from '../store/sqlDocuments.ts'
import { applyStoredDocument, hasPending } from '../store/storedDocument.ts'
import type { StoredBytes } from './tasks.ts'

export interface BuiltDocumentLimits {
  /** Documents kept at most. */
  documents: number
  /** Stored bytes (state and log) of the documents kept, at most in all; a larger document is never kept. */
  storedBytes: number
}

/**
 * Share of a thread's heap the kept documents may leave taken once a task is over: past it they are let go, least
 * recently used first. A document takes from under one to about 35 times its stored size in the heap, depending on how
 * it was written, so the stored-bytes limit alone does not bound what they take.
 */
export const keptHeapShare = 0.25


interface Built {
  doc: Y.Doc
  state: string
  seqs: Set<number>
  storedBytes: number
}

/** A document built by this thread, read by the task as it is: never changed by the task, never destroyed by it. */
export interface BuiltDocument {
  built: Y.Doc
}

const bytesOf = (updates: readonly Uint8Array[]) => updates.reduce((sum, update) => sum + update.byteLength, 0)

export class BuiltDocuments {
  /** By document id, least recently used first. */
  private readonly kept = new Map<string, Built>()

  constructor(private readonly limits: BuiltDocumentLimits) {}

  /** Documents kept now (for tests). */
  get size(): number {
    return this.kept.size
  }

  /** The document as stored now: built here (kept from before and brought up to date), or its bytes when it is not kept. */
  async read(store: SqlDocumentStore, documentId: string): Promise<BuiltDocument | StoredBytes> {
    const held = this.kept.get(documentId)
    this.kept.delete(documentId)
    const beyond = await store.readBeyond(documentId, held ? { state: held.state, seqs: held.seqs } : null)
    if (held && !beyond.whole) {
      try {
        if (beyond.updates.length > 0) applyStoredDocument(held.doc, { state: null, updates: beyond.updates })
      } catch (error) {
        held.doc.destroy()
        throw error
      }
      for (const seq of beyond.seqs) held.seqs.add(seq)
      held.storedBytes += bytesOf(beyond.updates)
      // What waits for an entry not yet visible (PostgreSQL) would stay pending here: built again next time instead.
      if (hasPending(held.doc)) {
        held.doc.destroy()
        const { state, updates } = await store.load(documentId)
        return { state, updates }
      }
      return this.keep(documentId, held)
    }
    held?.doc.destroy()
    if (!beyond.whole) throw new Error('the store answered a part to a reader that holds nothing')
    const { stored } = beyond
    const storedBytes = (stored.state?.byteLength ?? 0) + bytesOf(stored.updates)
    if (storedBytes > this.limits.storedBytes || this.limits.documents === 0) return { state: stored.state, updates: stored.updates }
    const doc = new Y.Doc()
    try {
      applyStoredDocument(doc, stored)
    } catch (error) {
      doc.destroy()
      throw error
    }
    if (hasPending(doc)) {
      doc.destroy()
      return { state: stored.state, updates: stored.updates }
    }
    return this.keep(documentId, { doc, state: beyond.state, seqs: new Set(stored.seqs.map(Number)), storedBytes })
  }

  /**
   * Keeps `built` as the most recently used, letting the least recently used go past the limits. One grown past the
   * limit on its own (its log since) is read as it is this time and not kept; the others stay.
   */
  private keep(documentId: string, built: Built): BuiltDocument {
    if (built.storedBytes > this.limits.storedBytes) return { built: built.doc }
    this.kept.set(documentId, built)
    let total = 0
    for (const entry of this.kept.values()) total += entry.storedBytes
    for (const [id, entry] of this.kept) {
      if (this.kept.size <= this.limits.documents && total <= this.limits.storedBytes) break
      if (id === documentId) continue
      this.kept.delete(id)
      total -= entry.storedBytes
      entry.doc.destroy()
    }
    return { built: built.doc }
  }

  /**
   * After a task: lets kept documents go, least recently used first, while the heap holds more than `keptHeapShare` of
   * its limit (`heap` tells what it holds now; garbage the task left counts too, so this errs on letting go).
   */
  trim(heap: () => { used: number; limit: number }): void {
    for (const [id, entry] of this.kept) {
      const { used, limit } = heap()
      if (used <= limit * keptHeapShare) return
      this.kept.delete(id)
      entry.doc.destroy()
    }
  }

  /** Lets every kept document go. */
  clear(): void {
    for (const entry of this.kept.values()) entry.doc.destroy()
    this.kept.clear()
  }
}
