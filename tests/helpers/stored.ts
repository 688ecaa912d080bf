/** Reads what the server has stored for a document, straight from its SQLite database. */
import * as Y from 'yjs'
import { openSqlite } from '../../server/store/sqlite.ts'
import { SqliteDocumentStore } from '../../server/store/sqliteDocuments.ts'
import { applyStoredDocument } from '../../server/store/storedDocument.ts'

export async function readStored(dataDir: string, documentId: string) {
  const db = openSqlite(dataDir)
  try {
    const store = new SqliteDocumentStore(db)
    const stored = await store.load(documentId)
    const doc = new Y.Doc()
    applyStoredDocument(doc, stored)
    return { text: doc.getText('content').toString(), size: await store.size(documentId), stored }
  } finally {
    db.close()
  }
}
