/** The document store over an open SQLite handle: the query layer's store (sqlDocuments.ts) on it. */
import { sqliteFreePages, sqliteQueryLayer } from './database.ts'
import { SqlDocumentStore } from './sqlDocuments.ts'
import type { Sqlite } from './sqlite.ts'

export class SqliteDocumentStore extends SqlDocumentStore {
  constructor(db: Sqlite) {
    const layer = sqliteQueryLayer(db)
    super(layer, { releaseFreePages: sqliteFreePages(layer, db) })
  }
}
