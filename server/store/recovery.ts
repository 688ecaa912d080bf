/**
 * Recovery of a document whose stored state does not load whole: every stored piece that decodes is applied
 * on its own, what cannot be integrated is left out, and the result replaces the stored state once it is
 * checked to load back. The raw bytes stay in quarantine.
 */
import * as Y from 'yjs'
import type { DocumentStore, StoredDocument } from './store.ts'
import { dropPending, reloadsWhole } from './storedDocument.ts'

export interface RecoveryReport {
  documentId: string
  /** Stored pieces (the state row, then each log entry) applied whole. */
  applied: number
  /** Pieces that did not decode and were left out. */
  skipped: Array<{ piece: string; error: string }>
  /** Whether content that could not be integrated (pending structs or deletions) was left out. */
  droppedPending: boolean
  /** Size of the recovered state. */
  stateBytes: number
}

/** Rebuilds what can be rebuilt from `stored`, piece by piece, into a fresh document. */
export function rebuild(stored: StoredDocument): { doc: Y.Doc; applied: number; skipped: RecoveryReport['skipped']; droppedPending: boolean } {
  const pieces: Array<[string, Uint8Array]> = []
  if (stored.state) pieces.push(['state', stored.state])
  stored.updates.forEach((update, i) => pieces.push([`log entry ${stored.seqs[i] ?? i}`, update]))
  const skipped: RecoveryReport['skipped'] = []
  const good: Uint8Array[] = []
  let doc = new Y.Doc()
  for (const [piece, update] of pieces) {
    try {
      Y.decodeUpdate(update)
      Y.applyUpdate(doc, update)
      good.push(update)
    } catch (error) {
      skipped.push({ piece, error: (error as Error).message })
      // A piece that threw half-way may have left part of itself behind: start again from the good ones.
      doc.destroy()
      doc = new Y.Doc()
      for (const earlier of good) Y.applyUpdate(doc, earlier)
    }
  }
  const applied = good.length
  const droppedPending = dropPending(doc)
  // Read back through an encoding, so that nothing of the pending part survives in the store's internals.
  const clean = new Y.Doc()
  Y.applyUpdate(clean, Y.encodeStateAsUpdate(doc))
  doc.destroy()
  return { doc: clean, applied, skipped, droppedPending }
}

/**
 * Recovers a document: rebuilds it from what is stored (its state and log; the quarantined copies are kept as they
 * are), replaces the stored state and the log entries it merged, and marks quarantined copies recovered. Refuses a
 * document with nothing stored (a mistyped id); when a server compacted the document while it ran, that server's
 * state stays (it holds the log entries read here, which go) and the document is not marked recovered.
 */
export async function recoverDocument(store: DocumentStore, documentId: string): Promise<RecoveryReport> {
  const stored = await store.load(documentId)
  if (!stored.state && stored.updates.length === 0) throw new Error(`nothing is stored for a document "${documentId}"; check the id`)
  const { doc, applied, skipped, droppedPending } = rebuild(stored)
  try {
    const state = Y.encodeStateAsUpdate(doc)
    if (!reloadsWhole(state)) throw new Error(`the recovered state of ${documentId} does not load back whole; nothing was changed`)
    if (!(await store.compact(documentId, state, stored.seqs, stored.throughSeq ?? 0))) {
      throw new Error(`a server compacted ${documentId} while it was being recovered; its state was kept, not the recovered one: run recover again`)
    }
    await store.markRecovered(documentId)
    return { documentId, applied, skipped, droppedPending, stateBytes: state.length }
  } finally {
    doc.destroy()
  }
}
