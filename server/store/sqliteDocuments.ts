/** The document store over an open SQLite handle: the query layer's store (sqlDocuments.ts) on it. */
import { preparedStatement, sqliteFreePages, sqliteQueryLayer } from './database.ts'
import { SqlDocumentStore, type AppendStatement, type RunNow } from './sqlDocuments.ts'
import type { Sqlite } from './sqlite.ts'

/**
 * An append's statements run on the handle itself, in one IMMEDIATE transaction, on the caller's turn of the event loop
 * (better-sqlite3 is synchronous). Never inside a transaction the query layer holds open across its awaits: the
 * append would commit or roll back with it; the caller then appends through the query layer, after it.
 */
export function runNowOn(db: Sqlite): RunNow {
  const run = db.transaction((statements: readonly AppendStatement[]) => {
    const results: Array<Array<Record<string, unknown>>> = []
    for (const { sql, parameters, returnsSeqs } of statements) {
      const statement = preparedStatement(db, sql)
      if (returnsSeqs) results.push(statement.all(parameters) as Array<Record<string, unknown>>)
      else {
        statement.run(parameters)
        results.push([])
      }
    }
    return results
  })
  return (statements) => (db.inTransaction ? null : run.immediate(statements))
}

export class SqliteDocumentStore extends SqlDocumentStore {
  constructor(db: Sqlite) {
    const layer = sqliteQueryLayer(db)
    super(layer, { releaseFreePages: sqliteFreePages(layer, db), runNow: runNowOn(db) })
  }
}
