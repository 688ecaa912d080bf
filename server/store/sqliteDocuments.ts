/** DocumentStore on the embedded SQLite database. */
import { log } from '../log.ts'
import { releaseFreePages, type Sqlite } from './sqlite.ts'
import type { AppendEntry, DocumentStore, QuarantinedDocument, StoredDocument } from './store.ts'

/** Free pages (4 KiB each) given back to the file system after each compaction, at most. */
const freePagesPerCompaction = 256

export class SqliteDocumentStore implements DocumentStore {
  private readonly selectState
  private readonly selectUpdates
  private readonly insertUpdate
  private readonly upsertState
  private readonly deleteUpdates
  private readonly selectSize
  private readonly appendAll
  private readonly compactOne
  private readonly insertContribution
  private readonly quarantineOne
  private readonly selectQuarantine
  private readonly selectQuarantineUpdates
  private readonly recoverQuarantine

  constructor(private readonly db: Sqlite) {
    this.selectState = db.prepare<[string], { state: Buffer }>('SELECT state FROM document_state WHERE document_id = ?')
    this.selectUpdates = db.prepare<[string], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM document_updates WHERE document_id = ? ORDER BY seq',
    )
    this.insertUpdate = db.prepare<[string, Uint8Array]>('INSERT INTO document_updates (document_id, data) VALUES (?, ?)')
    this.upsertState = db.prepare<[string, Uint8Array, number, number]>(
      `INSERT INTO document_state (document_id, state, through_seq, updated_at) VALUES (?, ?, ?, ?)
       ON CONFLICT (document_id) DO UPDATE SET state = excluded.state, through_seq = excluded.through_seq, updated_at = excluded.updated_at`,
    )
    // Exactly the entries merged, by id: another writer's entries appended meanwhile are not in the state.
    this.deleteUpdates = db.prepare<[string, string]>(
      'DELETE FROM document_updates WHERE document_id = ? AND seq IN (SELECT value FROM json_each(?))',
    )
    this.selectSize = db.prepare<[{ id: string }], { stateBytes: number; logBytes: number; logEntries: number }>(
      `SELECT
         (SELECT coalesce(sum(length(state)), 0) FROM document_state WHERE document_id = @id) AS stateBytes,
         coalesce(sum(length(data)), 0) AS logBytes,
         count(*) AS logEntries
       FROM document_updates WHERE document_id = @id`,
    )
    this.insertContribution = db.prepare<[string, number, number, number, number, number, number]>(
      `INSERT INTO contributions (document_id, member_id, minute, first_at, last_at, updates, bytes) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (document_id, minute, member_id) DO UPDATE SET
         last_at = excluded.last_at, updates = updates + excluded.updates, bytes = bytes + excluded.bytes`,
    )
    this.appendAll = db.transaction((entries: readonly AppendEntry[]) => {
      const seqs = entries.map((entry) => Number(this.insertUpdate.run(entry.documentId, entry.update).lastInsertRowid))
      this.recordContributions(entries)
      return seqs
    })
    this.compactOne = db.transaction((documentId: string, state: Uint8Array, mergedSeqs: readonly number[]) => {
      const throughSeq = mergedSeqs.reduce((max, seq) => Math.max(max, seq), 0)
      this.upsertState.run(documentId, state, throughSeq, Date.now())
      if (mergedSeqs.length > 0) this.deleteUpdates.run(documentId, JSON.stringify(mergedSeqs))
    })
    const insertQuarantine = db.prepare<[string, string, Uint8Array | null, number]>(
      'INSERT INTO document_quarantine (document_id, reason, state, created_at) VALUES (?, ?, ?, ?)',
    )
    const insertQuarantineUpdate = db.prepare<[number, number, Uint8Array]>(
      'INSERT INTO document_quarantine_updates (quarantine_id, seq, data) VALUES (?, ?, ?)',
    )
    const selectOpenQuarantine = db.prepare<[string], { id: number }>(
      'SELECT id FROM document_quarantine WHERE document_id = ? AND recovered_at IS NULL LIMIT 1',
    )
    this.quarantineOne = db.transaction((documentId: string, stored: StoredDocument, reason: string) => {
      if (selectOpenQuarantine.get(documentId)) return false
      const id = Number(insertQuarantine.run(documentId, reason, stored.state, Date.now()).lastInsertRowid)
      stored.updates.forEach((update, i) => insertQuarantineUpdate.run(id, stored.seqs[i] ?? i, update))
      return true
    })
    this.selectQuarantine = db.prepare<
      [string],
      { id: number; document_id: string; reason: string; state: Buffer | null; created_at: number; recovered_at: number | null }
    >('SELECT * FROM document_quarantine WHERE document_id = ? ORDER BY id')
    this.selectQuarantineUpdates = db.prepare<[number], { seq: number; data: Buffer }>(
      'SELECT seq, data FROM document_quarantine_updates WHERE quarantine_id = ? ORDER BY seq',
    )
    this.recoverQuarantine = db.prepare<[number, string]>(
      'UPDATE document_quarantine SET recovered_at = ? WHERE document_id = ? AND recovered_at IS NULL',
    )
  }

  /** The batch's updates added to each author's audit row of the minute, in the batch's transaction. */
  private recordContributions(entries: readonly AppendEntry[]): void {
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
    const minute = now - (now % 60_000)
    for (const row of byAuthor.values()) this.insertContribution.run(row.documentId, row.memberId, minute, now, now, row.updates, row.bytes)
  }

  async load(documentId: string): Promise<StoredDocument> {
    const read = this.db.transaction(() => {
      const row = this.selectState.get(documentId)
      const updates = this.selectUpdates.all(documentId)
      return {
        state: row ? new Uint8Array(row.state) : null,
        updates: updates.map((u) => new Uint8Array(u.data)),
        seqs: updates.map((u) => u.seq),
        lastSeq: updates.length > 0 ? updates[updates.length - 1].seq : 0,
      }
    })
    return read()
  }

  async append(entries: readonly AppendEntry[]): Promise<number[]> {
    return this.appendAll(entries)
  }

  async compact(documentId: string, state: Uint8Array, mergedSeqs: readonly number[]): Promise<void> {
    this.compactOne(documentId, state, mergedSeqs)
    // A bounded step, so a compaction never holds the event loop for long; the rest goes at the next one. The
    // compaction is done either way: a page release that fails (a lock held too long) is only tried again later.
    try {
      releaseFreePages(this.db, freePagesPerCompaction)
    } catch (error) {
      log.warn('store.free_pages_not_released', { error })
    }
  }

  async size(documentId: string) {
    const row = this.selectSize.get({ id: documentId })
    return row ?? { stateBytes: 0, logBytes: 0, logEntries: 0 }
  }

  async quarantine(documentId: string, stored: StoredDocument, reason: string): Promise<boolean> {
    return this.quarantineOne(documentId, stored, reason)
  }

  async quarantined(documentId: string): Promise<QuarantinedDocument[]> {
    return this.selectQuarantine.all(documentId).map((row) => {
      const updates = this.selectQuarantineUpdates.all(row.id)
      return {
        id: row.id,
        documentId: row.document_id,
        reason: row.reason,
        createdAt: row.created_at,
        recoveredAt: row.recovered_at,
        stored: {
          state: row.state ? new Uint8Array(row.state) : null,
          updates: updates.map((u) => new Uint8Array(u.data)),
          seqs: updates.map((u) => u.seq),
          lastSeq: updates.at(-1)?.seq ?? 0,
        },
      }
    })
  }

  async markRecovered(documentId: string): Promise<void> {
    this.recoverQuarantine.run(Date.now(), documentId)
  }
}
