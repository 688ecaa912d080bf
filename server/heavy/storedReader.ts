/**
 * Stored documents read on a heavy-work thread, from its own connection to the database (a read-only SQLite handle, or
 * a small PostgreSQL pool of its own): the relay's event loop never holds a large document's bytes for an export or a
 * validation, it only hands over the document's id.
 */
import v8 from 'node:v8'
import Database from 'better-sqlite3'
import { CommentStore, type Thread } from '../comments/commentStore.ts'
import { type Db, sqliteQueryLayer } from '../store/database.ts'
import { SqlDocumentStore } from '../store/sqlDocuments.ts'
import { databasePath, type Sqlite } from '../store/sqlite.ts'
import { ProposalStore, type StoredProposal } from '../proposals/proposalStore.ts'
import { type BuiltDocument, BuiltDocuments } from './builtDocuments.ts'
import type { ProposalsInput, StoredBytes, StoredInput, ThreadsInput } from './tasks.ts'

/** Where a thread reads stored documents: the data directory's SQLite file, or PostgreSQL when `databaseUrl` is set. */
export interface StoredSource {
  dataDir: string
  databaseUrl?: string | null
  /** Connections the thread's PostgreSQL pool opens at most. */
  poolSize?: number
}

let layer: Db | null = null
let store: SqlDocumentStore | null = null
/** Documents this thread built, kept for the next task on them (none until `keepBuiltDocuments`). */
let built = new BuiltDocuments({ documents: 0, storedBytes: 0 })

/** Keeps the documents this thread builds, up to `storedBytes` of them (stored size) and four at most. */
export function keepBuiltDocuments(storedBytes: number): void {
  built.clear()
  built = new BuiltDocuments({ documents: storedBytes > 0 ? 4 : 0, storedBytes })
}

/** After each task: the kept documents let go while this thread's heap is full past their share (builtDocuments.ts). */
export function trimBuiltDocuments(): void {
  built.trim(() => {
    const { used_heap_size: used, heap_size_limit: limit } = v8.getHeapStatistics()
    return { used, limit }
  })
}

/** The thread's query layer over its own connection (opened with the first read). */
async function openLayer(source: StoredSource): Promise<Db> {
  if (layer) return layer
  if (source.databaseUrl) {
    // Loaded only on PostgreSQL: a thread reading SQLite starts without the PostgreSQL client.
    const { postgresPool, postgresQueryLayer } = await import('../store/postgres.ts')
    layer ??= postgresQueryLayer(postgresPool(source.databaseUrl, { max: source.poolSize ?? 2 }))
    return layer
  }
  const db: Sqlite = new Database(databasePath(source.dataDir), { readonly: true, fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  layer = sqliteQueryLayer(db)
  return layer
}

async function openStore(source: StoredSource): Promise<SqlDocumentStore> {
  store ??= new SqlDocumentStore(await openLayer(source))
  return store
}

/** The comment threads a reference names (every live thread of the document), read on this thread. */
async function readThreads(threads: ThreadsInput, source: StoredSource | null): Promise<Thread[]> {
  if (!('threadsOf' in threads)) return threads
  if (!source) throw new Error('this thread has no database to read comment threads from')
  return new CommentStore(await openLayer(source)).threads(threads.threadsOf)
}

/** The proposals a reference names (every proposal of the document, with its stances), read on this thread. */
async function readProposals(proposals: ProposalsInput, source: StoredSource | null): Promise<StoredProposal[]> {
  if (!('proposalsOf' in proposals)) return proposals
  if (!source) throw new Error('this thread has no database to read proposals from')
  return new ProposalStore(await openLayer(source)).list(proposals.proposalsOf)
}

const namesProposals = (value: unknown): value is { proposalsOf: string } => !!value && typeof value === 'object' && 'proposalsOf' in value

/**
 * What a reference names, read in one transaction (state and log together): the whole document as this thread keeps it
 * built (brought up to date), or its bytes (`afresh`, or not kept); only the bytes of the log entries it names, when it
 * names some.
 */
export async function readStored(input: StoredInput, source: StoredSource | null): Promise<StoredBytes | BuiltDocument> {
  if (!('storedIn' in input)) return input
  if (!source) throw new Error('this thread has no database to read a document from')
  if (!input.logSeqs && !input.afresh) return built.read(await openStore(source), input.storedIn)
  const { state, updates, seqs } = await (await openStore(source)).load(input.storedIn)
  if (!input.logSeqs) return { state, updates }
  const wanted = new Set(input.logSeqs)
  const missing = input.logSeqs.length - seqs.filter((seq) => wanted.has(seq)).length
  if (missing > 0) throw new Error(`${missing} of the log entries asked for are not stored for ${input.storedIn}`)
  return { state, updates: updates.filter((_, i) => wanted.has(seqs[i])) }
}

/**
 * Replaces each stored reference in a task's input (`stored`, and `stored` inside `source`, `from` and `to`; the
 * comment threads; the proposals, also as `proposals.current`) by what it names, in place.
 */
export async function resolveStoredInputs(input: Record<string, unknown>, source: StoredSource | null): Promise<void> {
  if (input.threads && typeof input.threads === 'object' && 'threadsOf' in input.threads) input.threads = await readThreads(input.threads as ThreadsInput, source)
  if (namesProposals(input.proposals)) input.proposals = await readProposals(input.proposals, source)
  const compiled = input.proposals as { current?: unknown } | undefined
  if (compiled && namesProposals(compiled.current)) compiled.current = await readProposals(compiled.current, source)
  const holders = [input, input.source, input.from, input.to].filter((value): value is Record<string, unknown> => !!value && typeof value === 'object')
  for (const holder of holders) {
    const stored = holder.stored as StoredInput | undefined
    if (stored && typeof stored === 'object' && 'storedIn' in stored) holder.stored = await readStored(stored, source)
  }
}
