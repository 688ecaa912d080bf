/** Reads what the server has stored for a document, straight from its database (SQLite, or PostgreSQL: usePostgres). */
import * as Y from 'yjs'
import { SqlDocumentStore } from '../../server/store/sqlDocuments.ts'
import { applyStoredDocument } from '../../server/store/storedDocument.ts'
import { openTestDatabase } from './server.ts'

export async function readStored(dataDir: string, documentId: string) {
  const database = await openTestDatabase(dataDir)
  try {
    const store = new SqlDocumentStore(database.db)
    const stored = await store.load(documentId)
    const doc = new Y.Doc()
    applyStoredDocument(doc, stored)
    // The sizes of what was read, from the same read: the server may compact between two queries.
    const size = {
      stateBytes: stored.state?.byteLength ?? 0,
      logBytes: stored.updates.reduce((sum, update) => sum + update.byteLength, 0),
      logEntries: stored.updates.length,
    }
    return { text: doc.getText('content').toString(), size, stored }
  } finally {
    await database.close()
  }
}
