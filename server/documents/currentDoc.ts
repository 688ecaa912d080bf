/** The current state of a document for reading: the loaded room's Y.Doc, or a copy rebuilt from the store. */
import * as Y from 'yjs'
import type { Rooms } from '../collab/rooms.ts'
import type { DocumentStore } from '../store/store.ts'
import { applyStoredDocument, dropPending } from '../store/storedDocument.ts'

/**
 * Calls `read` with the document as stored: a loaded room's once the updates it holds are stored (a revision
 * never holds text a failed write lost), else a copy made from the store, dropped afterwards. Nothing is written.
 */
export async function readCurrentDoc<T>(rooms: Rooms, store: DocumentStore, documentId: string, read: (doc: Y.Doc) => T): Promise<T> {
  if (rooms.loaded(documentId)) await rooms.whenStored()
  const room = rooms.loaded(documentId)
  if (room) return read(room.doc)
  const doc = new Y.Doc()
  try {
    applyStoredDocument(doc, await store.load(documentId))
    // Only what is integrated is read, as a loaded room would serve it.
    dropPending(doc)
    return read(doc)
  } finally {
    doc.destroy()
  }
}

/**
 * What the store holds for a document once the updates a loaded room holds are stored: the bytes the worker pool
 * rebuilds the document from, read without building it on the relay's event loop.
 */
export async function readCurrentStored(rooms: Rooms, store: DocumentStore, documentId: string): Promise<{ state: Uint8Array | null; updates: Uint8Array[] }> {
  if (rooms.loaded(documentId)) await rooms.whenStored()
  const { state, updates } = await store.load(documentId)
  return { state, updates }
}
