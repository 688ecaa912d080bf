/**
 * Stored documents read on a heavy-work thread, from its own read-only connection to the database: the relay's event
 * loop never holds a large document's bytes for an export or a validation, it only hands over the document's id.
 */
import Database from 'better-sqlite3'
import { databasePath, type Sqlite } from '../store/sqlite.ts'
import { SqliteDocumentStore } from '../store/sqliteDocuments.ts'
import type { StoredBytes, StoredInput } from './tasks.ts'

let store: SqliteDocumentStore | null = null

function openStore(dataDir: string): SqliteDocumentStore {
  if (store) return store
  const db: Sqlite = new Database(databasePath(dataDir), { readonly: true, fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  store = new SqliteDocumentStore(db)
  return store
}

/** The bytes a reference names, read in one transaction (state and log together); bytes are returned as they are. */
export async function readStored(input: StoredInput, dataDir: string | null): Promise<StoredBytes> {
  if (!('storedIn' in input)) return input
  if (!dataDir) throw new Error('this thread has no database to read a document from')
  const { state, updates, seqs } = await openStore(dataDir).load(input.storedIn)
  if (!input.logSeqs) return { state, updates }
  const wanted = new Set(input.logSeqs)
  const missing = input.logSeqs.length - seqs.filter((seq) => wanted.has(seq)).length
  if (missing > 0) throw new Error(`${missing} of the log entries asked for are not stored for ${input.storedIn}`)
  return { state, updates: updates.filter((_, i) => wanted.has(seqs[i])) }
}

/**
 * Replaces each stored reference in a task's input (`stored`, and `stored` inside `source`, `from` and `to`) by the
 * bytes it names, in place.
 */
export async function resolveStoredInputs(input: Record<string, unknown>, dataDir: string | null): Promise<void> {
  const holders = [input, input.source, input.from, input.to].filter((value): value is Record<string, unknown> => !!value && typeof value === 'object')
  for (const holder of holders) {
    const stored = holder.stored as StoredInput | undefined
    if (stored && typeof stored === 'object' && 'storedIn' in stored) holder.stored = await readStored(stored, dataDir)
  }
}
