/** DocumentStore on the query layer: the same code on SQLite and on PostgreSQL. */
import { createHash } from 'node:crypto'
import { CompiledQuery, sql, type Compilable } from 'kysely'
import { log } from '../log.ts'
import { inTransaction, isPostgres, readTransaction, type Db } from './database.ts'
import type { AppendEntry, DocumentStore, QuarantinedDocument, StateDigestCheck, StoredDocument } from './store.ts'

/** Free pages (4 KiB each) given back to the file system after each compaction, at most (SQLite). */
const freePagesPerCompaction = 256
/** Rows one statement inserts or names at most: far below either database's limit on parameters. */
const rowsPerStatement = 1000

function chunks<T>(list: readonly T[], size = rowsPerStatement): T[][] {
  const out: T[][] = []
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size))
  return out
}

/** The digest stored beside a compacted state (SHA-256: native, about 0.3 ms for a 300 KB state). */
export function stateDigestOf(state: Uint8Array): Buffer {
  return createHash('sha256').update(state).digest()
}

function digestCheck(state: Uint8Array | null, digest: Uint8Array | null): StateDigestCheck {
  if (!state || !digest) return 'absent'
  return Buffer.from(digest).equals(stateDigestOf(state)) ? 'matches' : 'differs'
}

function storedOf(
  row: { state: Uint8Array; state_digest: Uint8Array | null; through_seq: number } | undefined,
  rows: { seq: number; data: Uint8Array }[],
): StoredDocument {
  const state = row?.state ?? null
  return {
    state: state ? new Uint8Array(state) : null,
    updates: rows.map((entry) => new Uint8Array(entry.data)),
    seqs: rows.map((entry) => entry.seq),
    lastSeq: rows.at(-1)?.seq ?? 0,
    throughSeq: Number(row?.through_seq ?? 0),
    stateDigest: digestCheck(state, row?.state_digest ?? null),
  }
}

/** One statement of an append: SQL the query layer compiled, its parameters, and whether its rows are sequence numbers. */
export interface AppendStatement {
  sql: string
  parameters: unknown[]
  returnsSeqs: boolean
}

/**
 * Runs an append's statements in one transaction at once, on the caller's turn of the event loop, returning each
 * statement's rows; null when it cannot (the connection is inside another transaction). Only a synchronous driver
 * (SQLite) offers this.
 */
export type RunNow = (statements: readonly AppendStatement[]) => Array<Array<Record<string, unknown>>> | null

/** The sequence numbers an append's statements returned, in the order of its entries. */
function seqsOf(statements: readonly AppendStatement[], results: Array<Array<Record<string, unknown>>>): number[] {
  const seqs: number[] = []
  statements.forEach((statement, i) => {
    if (statement.returnsSeqs) seqs.push(...results[i].map((row) => Number(row.seq)).sort((a, b) => a - b))
  })
  return seqs
}

function sameBytes(a: Uint8Array | null | undefined, b: Uint8Array | null | undefined): boolean {
  if (!a || !b) return !a && !b
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(b)
}

/** Everything stored for a document, read within `trx` (state and log together). */
async function loadIn(trx: Db, documentId: string): Promise<StoredDocument> {
  const row = await trx.selectFrom('document_state').select(['state', 'state_digest', 'through_seq']).where('document_id', '=', documentId).executeTakeFirst()
  const updates = await trx.selectFrom('document_updates').select(['seq', 'data']).where('document_id', '=', documentId).orderBy('seq').execute()
  const stored = storedOf(row, updates)
  if (stored.stateDigest === 'differs') {
    log.error('store.state_digest_differs', {
      document: documentId,
      note: 'the stored state changed since its compaction stored its digest: damaged on disk, or compacted since by an older version of the server',
    })
  }
  return stored
}

/** What a reader holds of a stored document: its state's mark (`StoredBeyond.state`) and the log entries it applied. */
export interface HeldStored {
  state: string
  seqs: ReadonlySet<number>
}

/**
 * The answer of `readBeyond`. `state` marks the stored state (its through_seq, time and digest; '' for none): a
 * compaction or any rewrite changes it.
 */
export type StoredBeyond =
  | { whole: true; state: string; stored: StoredDocument }
  | { whole: false; state: string; updates: Uint8Array[]; seqs: number[] }

export class SqlDocumentStore implements DocumentStore {
  /**
   * The SQL of the append path's statements, built by the query layer once per shape (rows in the batch) and run
   * again with new parameters: building and compiling a query costs more than SQLite takes to run it.
   */
  private readonly shapes = new Map<string, string>()

  /**
   * `releaseFreePages` gives up to that many pages freed by a compaction back to the file system (SQLite: see
   * OpenDatabase.releaseFreePages); PostgreSQL's autovacuum does this itself. `runNow` lets `appendNow` store at once.
   */
  constructor(
    private readonly db: Db,
    private readonly options: { releaseFreePages?: (maxPages: number) => Promise<number>; runNow?: RunNow } = {},
  ) {}

  /** The SQL the query `build` makes, or the SQL it made before for `shape`; it must bind `parameterCount` parameters. */
  private sqlOf(shape: string, parameterCount: number, build: () => Compilable<unknown>): string {
    const known = this.shapes.get(shape)
    if (known !== undefined) return known
    const compiled = build().compile()
    if (compiled.parameters.length !== parameterCount) throw new Error(`the query for ${shape} binds ${compiled.parameters.length} parameters, not ${parameterCount}`)
    if (this.shapes.size < 256) this.shapes.set(shape, compiled.sql)
    return compiled.sql
  }

  /**
   * What appending `entries` runs, in order: the log rows (one statement per chunk, whose rows take ascending sequence
   * numbers in the order given), then each author's audit row of the minute.
   */
  private appendStatements(entries: readonly AppendEntry[]): AppendStatement[] {
    const statements: AppendStatement[] = []
    for (const chunk of chunks(entries)) {
      const parameters = chunk.flatMap((entry) => [entry.documentId, entry.update])
      statements.push({ sql: this.logSql(chunk.length), parameters, returnsSeqs: true })
    }
    const byAuthor = new Map<string, { documentId: string; memberId: number; updates: number; bytes: number }>()
    for (const { documentId, update, authorId } of entries) {
      if (authorId === null || authorId === undefined) continue
      const key = `${authorId}\u0000${documentId}`
      const row = byAuthor.get(key) ?? { documentId, memberId: authorId, updates: 0, bytes: 0 }
      row.updates++
      row.bytes += update.byteLength
      byAuthor.set(key, row)
    }
    const now = Date.now()
    for (const row of byAuthor.values()) statements.push(this.contributionStatement(row.documentId, row.memberId, now, row.updates, row.bytes))
    return statements
  }

  /** The statement that inserts `rows` log entries, returning their sequence numbers; it binds a document and an update per row. */
  private logSql(rows: number): string {
    return this.sqlOf(`append ${rows}`, rows * 2, () =>
      this.db
        .insertInto('document_updates')
        .values(Array.from({ length: rows }, () => ({ document_id: '', data: new Uint8Array() })))
        .returning('seq'),
    )
  }

  /** An author's audit row of the minute, added to. */
  private contributionStatement(documentId: string, memberId: number, now: number, updates: number, bytes: number): AppendStatement {
    const minute = now - (now % 60_000)
    const parameters = [documentId, memberId, minute, now, now, updates, bytes]
    const text = this.sqlOf('contribution', parameters.length, () =>
      this.db
        .insertInto('contributions')
        .values({ document_id: documentId, member_id: memberId, minute, first_at: now, last_at: now, updates, bytes })
        .onConflict((conflict) =>
          conflict.columns(['document_id', 'minute', 'member_id']).doUpdateSet((eb) => ({
            last_at: eb.ref('excluded.last_at'),
            updates: sql`contributions.updates + excluded.updates`,
            bytes: sql`contributions.bytes + excluded.bytes`,
          })),
        ),
    )
    return { sql: text, parameters, returnsSeqs: false }
  }

  async load(documentId: string): Promise<StoredDocument> {
    return readTransaction(this.db, (trx) => loadIn(trx, documentId))
  }

  /**
   * What a reader that built the document before (`held`: the state it read, by its mark, and the log entries it
   * applied) lacks now: the log entries it has not applied, in order, when its state is still the stored one and every
   * entry it applied is still in the log; otherwise everything, as `load` reads it (`whole`). One read transaction.
   * Entries are told apart by sequence number, never by "after the last one": on PostgreSQL a lower number may become
   * visible after a higher one.
   */
  async readBeyond(documentId: string, held: HeldStored | null): Promise<StoredBeyond> {
    return readTransaction(this.db, async (trx) => {
      const row = await trx.selectFrom('document_state').select(['through_seq', 'updated_at', 'state_digest']).where('document_id', '=', documentId).executeTakeFirst()
      const state = row ? `${row.through_seq}:${row.updated_at}:${row.state_digest ? Buffer.from(row.state_digest).toString('hex') : ''}` : ''
      if (held && held.state === state) {
        const seqs = (await trx.selectFrom('document_updates').select('seq').where('document_id', '=', documentId).orderBy('seq').execute()).map((entry) => Number(entry.seq))
        const present = new Set(seqs)
        if ([...held.seqs].every((seq) => present.has(seq))) {
          const missing = seqs.filter((seq) => !held.seqs.has(seq))
          const updates: Uint8Array[] = []
          for (const chunk of chunks(missing)) {
            const rows = await trx.selectFrom('document_updates').select(['seq', 'data']).where('document_id', '=', documentId).where('seq', 'in', chunk).orderBy('seq').execute()
            if (rows.length !== chunk.length) throw new Error(`log entries of ${documentId} went during a read transaction`)
            for (const entry of rows) updates.push(new Uint8Array(entry.data))
          }
          return { whole: false, state, updates, seqs: missing }
        }
      }
      return { whole: true, state, stored: await loadIn(trx, documentId) }
    })
  }

  async append(entries: readonly AppendEntry[]): Promise<number[]> {
    if (entries.length === 0) return []
    const statements = this.appendStatements(entries)
    return inTransaction(this.db, async (trx) => {
      const results: Array<Array<Record<string, unknown>>> = []
      for (const { sql, parameters } of statements) results.push((await trx.executeQuery<Record<string, unknown>>(CompiledQuery.raw(sql, parameters))).rows)
      return seqsOf(statements, results)
    })
  }

  /**
   * Appends durably at once, on the caller's turn of the event loop, and returns each entry's sequence number; null
   * when this store cannot (PostgreSQL, or SQLite inside another transaction): then `append`.
   */
  appendNow(entries: readonly AppendEntry[]): number[] | null {
    const runNow = this.options.runNow
    if (!runNow || entries.length === 0) return null
    if (entries.length === 1) return this.appendOneNow(runNow, entries[0])
    const statements = this.appendStatements(entries)
    const results = runNow(statements)
    return results ? seqsOf(statements, results) : null
  }

  /**
   * One entry, the relay's usual append (an edit in a quiet document, stored before anyone sees it): the same
   * statements as `appendStatements` makes, built without the lists and maps a batch needs.
   */
  private appendOneNow(runNow: RunNow, { documentId, update, authorId }: AppendEntry): number[] | null {
    const statements: AppendStatement[] = [{ sql: this.logSql(1), parameters: [documentId, update], returnsSeqs: true }]
    if (authorId !== null && authorId !== undefined) statements.push(this.contributionStatement(documentId, authorId, Date.now(), 1, update.byteLength))
    const results = runNow(statements)
    return results ? [Number(results[0][0].seq)] : null
  }

  async compact(documentId: string, state: Uint8Array, mergedSeqs: readonly number[], basis = 0): Promise<boolean> {
    // The state holds what the one it was built on held, and the entries merged: with none merged (a state written
    // again without what it could not integrate), it still replaces the state it was built on.
    const throughSeq = mergedSeqs.reduce((max, seq) => Math.max(max, seq), basis)
    const written = await inTransaction(this.db, async (trx) => {
      const [result] = await trx
        .insertInto('document_state')
        .values({ document_id: documentId, state, through_seq: throughSeq, updated_at: Date.now(), state_digest: stateDigestOf(state) })
        .onConflict((conflict) =>
          conflict
            .column('document_id')
            .doUpdateSet((eb) => ({
              state: eb.ref('excluded.state'),
              through_seq: eb.ref('excluded.through_seq'),
              updated_at: eb.ref('excluded.updated_at'),
              state_digest: eb.ref('excluded.state_digest'),
            }))
            // Never over a state that merged later entries (a compaction elsewhere that finished first, its lock long
            // expired here): that state holds everything this one does, so the entries merged here can still go.
            .where('document_state.through_seq', '<=', throughSeq),
        )
        .execute()
      // Exactly the entries merged, by id: another writer's entries appended meanwhile are not in the state.
      for (const chunk of chunks(mergedSeqs)) {
        await trx.deleteFrom('document_updates').where('document_id', '=', documentId).where('seq', 'in', chunk).execute()
      }
      return Number(result?.numInsertedOrUpdatedRows ?? 0) > 0
    })
    // A bounded step, so a compaction never holds the database for long; the rest goes at the next one. The
    // compaction is done either way: a page release that fails (a lock held too long) is only tried again later.
    try {
      await this.options.releaseFreePages?.(freePagesPerCompaction)
    } catch (error) {
      log.warn('store.free_pages_not_released', { error })
    }
    return written
  }

  async size(documentId: string) {
    const state = await this.db
      .selectFrom('document_state')
      .select((eb) => eb.fn.coalesce(eb.fn.sum<number>(eb.fn('length', ['state'])), sql<number>`0`).as('bytes'))
      .where('document_id', '=', documentId)
      .executeTakeFirst()
    const log = await this.db
      .selectFrom('document_updates')
      .select((eb) => [eb.fn.coalesce(eb.fn.sum<number>(eb.fn('length', ['data'])), sql<number>`0`).as('bytes'), eb.fn.countAll<number>().as('entries')])
      .where('document_id', '=', documentId)
      .executeTakeFirst()
    return { stateBytes: Number(state?.bytes ?? 0), logBytes: Number(log?.bytes ?? 0), logEntries: Number(log?.entries ?? 0) }
  }

  async quarantine(documentId: string, stored: StoredDocument, reason: string): Promise<boolean> {
    return inTransaction(this.db, async (trx) => {
      // The same bytes kept already and not yet recovered (a document that fails at every load): not kept again. Log
      // entries are never renumbered, so the same sequence numbers are the same entries.
      const open = await trx
        .selectFrom('document_quarantine')
        .select(['id', 'state'])
        .where('document_id', '=', documentId)
        .where('recovered_at', 'is', null)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst()
      if (open && sameBytes(open.state, stored.state)) {
        const seqs = await trx.selectFrom('document_quarantine_updates').select('seq').where('quarantine_id', '=', open.id).orderBy('seq').execute()
        if (seqs.length === stored.seqs.length && seqs.every((row, i) => Number(row.seq) === stored.seqs[i])) return false
      }
      const { id } = await trx
        .insertInto('document_quarantine')
        .values({ document_id: documentId, reason, state: stored.state, created_at: Date.now() })
        .returning('id')
        .executeTakeFirstOrThrow()
      const rows = stored.updates.map((data, i) => ({ quarantine_id: id, seq: stored.seqs[i] ?? i, data }))
      for (const chunk of chunks(rows)) await trx.insertInto('document_quarantine_updates').values(chunk).execute()
      return true
    })
  }

  async quarantined(documentId: string): Promise<QuarantinedDocument[]> {
    const copies = await this.db.selectFrom('document_quarantine').selectAll().where('document_id', '=', documentId).orderBy('id').execute()
    const out: QuarantinedDocument[] = []
    for (const row of copies) {
      const updates = await this.db
        .selectFrom('document_quarantine_updates')
        .select(['seq', 'data'])
        .where('quarantine_id', '=', row.id)
        .orderBy('seq')
        .execute()
      out.push({
        id: row.id,
        documentId: row.document_id,
        reason: row.reason,
        createdAt: row.created_at,
        recoveredAt: row.recovered_at,
        stored: storedOf(row.state ? { state: row.state, state_digest: null, through_seq: 0 } : undefined, updates),
      })
    }
    return out
  }

  async markRecovered(documentId: string): Promise<void> {
    await this.db
      .updateTable('document_quarantine')
      .set({ recovered_at: Date.now() })
      .where('document_id', '=', documentId)
      .where('recovered_at', 'is', null)
      .execute()
  }
}
