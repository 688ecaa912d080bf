/** Rebuilds a Y.Doc from what the store holds for it, and checks that a state to be stored loads back whole. */
import * as Y from 'yjs'
import type { StoredDocument } from './store.ts'

/** What Yjs could not integrate into a document: structs waiting for others, deletions of what it lacks. */
export function hasPending(doc: Y.Doc): boolean {
  return doc.store.pendingStructs !== null || doc.store.pendingDs !== null
}

/**
 * Forgets what the document holds but could not integrate, so it is never served or stored
 * (Yjs would otherwise merge it into every full-state encoding). Returns whether there was any.
 */
export function dropPending(doc: Y.Doc): boolean {
  if (!hasPending(doc)) return false
  doc.store.pendingStructs = null
  doc.store.pendingDs = null
  return true
}

/** Applies the stored state and log; throws when they do not decode. Resolves with whether some of it stayed pending. */
export function applyStoredDocument(doc: Y.Doc, stored: Pick<StoredDocument, 'state' | 'updates'>): { pending: boolean } {
  doc.transact(() => {
    if (stored.state) Y.applyUpdate(doc, stored.state)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
  })
  return { pending: hasPending(doc) }
}

/**
 * Whether `state` (a whole document, encoded) loads into a fresh document with nothing pending, holding
 * exactly the structs and deletions it describes: the check a compaction makes before it replaces anything.
 */
export function reloadsWhole(state: Uint8Array): boolean {
  const doc = new Y.Doc()
  try {
    Y.applyUpdate(doc, state)
    if (hasPending(doc)) return false
    const expected = Y.decodeStateVector(Y.encodeStateVectorFromUpdate(state))
    const loaded = Y.decodeStateVector(Y.encodeStateVector(doc))
    if (expected.size !== loaded.size) return false
    for (const [client, clock] of expected) if (loaded.get(client) !== clock) return false
    return Y.equalDeleteSets(Y.decodeUpdate(state).ds, Y.createDeleteSetFromStructStore(doc.store))
  } catch {
    return false
  } finally {
    doc.destroy()
  }
}
