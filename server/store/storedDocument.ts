/** Rebuilds a Y.Doc from what the store holds for it. */
import * as Y from 'yjs'
import type { StoredDocument } from './store.ts'

export function applyStoredDocument(doc: Y.Doc, stored: StoredDocument): void {
  doc.transact(() => {
    if (stored.state) Y.applyUpdate(doc, stored.state)
    for (const update of stored.updates) Y.applyUpdate(doc, update)
  })
}
