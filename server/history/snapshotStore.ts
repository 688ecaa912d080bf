/** Snapshots of documents' text in SQLite: taken, listed newest first, read, and deleted by the retention policy. */
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import type { SnapshotReason, SnapshotSummary } from '../../shared/schema/history.ts'
import type { Author } from '../../shared/schema/member.ts'
import { memberColumns, memberOfRow } from '../auth/memberColumns.ts'
import type { Sqlite } from '../store/sqlite.ts'
import type { Dated } from './retention.ts'

export interface Snapshot extends SnapshotSummary {
  content: DraftDocJson
}

interface SnapshotRow {
  id: number
  documentId: string
  reason: SnapshotReason
  authors: string
  takenBy: number | null
  createdAt: number
}

const summaryColumns = 's.id, s.document_id AS documentId, s.reason, s.authors, s.taken_by AS takenBy, s.created_at AS createdAt'

export class SnapshotStore {
  private readonly insert
  private readonly listOf
  private readonly byId
  private readonly newest
  private readonly memberById
  private readonly editorsBetween
  private readonly datedOf
  private readonly documentsWith
  private readonly deleteOne

  constructor(private readonly db: Sqlite) {
    this.insert = db.prepare<[string, SnapshotReason, string, string, number | null, number]>(
      'INSERT INTO document_snapshots (document_id, reason, content, authors, taken_by, created_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    this.listOf = db.prepare<[string], SnapshotRow>(`SELECT ${summaryColumns} FROM document_snapshots s WHERE s.document_id = ? ORDER BY s.created_at DESC, s.id DESC`)
    this.byId = db.prepare<[string, number], SnapshotRow & { content: string }>(
      `SELECT ${summaryColumns}, s.content FROM document_snapshots s WHERE s.document_id = ? AND s.id = ?`,
    )
    this.newest = db.prepare<[string], SnapshotRow & { content: string }>(
      `SELECT ${summaryColumns}, s.content FROM document_snapshots s WHERE s.document_id = ? ORDER BY s.created_at DESC, s.id DESC LIMIT 1`,
    )
    this.memberById = db.prepare<[number], Author>(`SELECT ${memberColumns()} FROM members m WHERE m.id = ?`)
    // The audit's contributions, one row per member and minute: whoever sent an update after `after` (and by `until`).
    this.editorsBetween = db.prepare<[string, number, number], { memberId: number }>(
      `SELECT member_id AS memberId FROM contributions WHERE document_id = ? AND last_at > ? AND first_at <= ?
       GROUP BY member_id ORDER BY min(first_at)`,
    )
    this.datedOf = db.prepare<[string], Dated>('SELECT id, created_at AS createdAt FROM document_snapshots WHERE document_id = ?')
    this.documentsWith = db.prepare<[], { documentId: string }>('SELECT DISTINCT document_id AS documentId FROM document_snapshots')
    this.deleteOne = db.prepare<[number]>('DELETE FROM document_snapshots WHERE id = ?')
  }

  /** Stores a snapshot; its authors are the members who edited the document since the one before it. */
  take(input: { documentId: string; reason: SnapshotReason; content: DraftDocJson; takenBy: number | null; at: number }): SnapshotSummary {
    const id = this.db.transaction(() => {
      const previous = this.newest.get(input.documentId)
      const authors = this.editorsBetween.all(input.documentId, previous?.createdAt ?? 0, input.at).map((row) => row.memberId)
      return Number(this.insert.run(input.documentId, input.reason, JSON.stringify(input.content), JSON.stringify(authors), input.takenBy, input.at).lastInsertRowid)
    })()
    return this.summary(input.documentId, id)!
  }

  /** The newest snapshot of the document with its content as stored (JSON text), or null before the first. */
  latest(documentId: string): { summary: SnapshotSummary; contentJson: string } | null {
    const row = this.newest.get(documentId)
    return row ? { summary: this.summaryOf(row), contentJson: row.content } : null
  }

  list(documentId: string): SnapshotSummary[] {
    // The same few members recur in every snapshot: each is read once per listing.
    const members = new Map<number, Author | null>()
    return this.listOf.all(documentId).map((row) => this.summaryOf(row, members))
  }

  summary(documentId: string, id: number): SnapshotSummary | null {
    const row = this.byId.get(documentId, id)
    return row ? this.summaryOf(row) : null
  }

  get(documentId: string, id: number): Snapshot | null {
    const row = this.byId.get(documentId, id)
    return row ? { ...this.summaryOf(row), content: JSON.parse(row.content) as DraftDocJson } : null
  }

  /** Id and time of each snapshot of the document, for the retention policy. */
  dated(documentId: string): Dated[] {
    return this.datedOf.all(documentId)
  }

  documentsWithSnapshots(): string[] {
    return this.documentsWith.all().map((row) => row.documentId)
  }

  /** Deletes the snapshots named, in one transaction. */
  delete(ids: readonly number[]): void {
    if (ids.length === 0) return
    this.db.transaction(() => {
      for (const id of ids) this.deleteOne.run(id)
    })()
  }

  private summaryOf(row: SnapshotRow, members = new Map<number, Author | null>()): SnapshotSummary {
    const author = (id: number): Author | null => {
      if (!members.has(id)) {
        const member = this.memberById.get(id)
        members.set(id, member ? memberOfRow(member) : null)
      }
      return members.get(id)!
    }
    const authors = (JSON.parse(row.authors) as number[]).map(author).filter((member): member is Author => member !== null)
    return {
      id: row.id,
      documentId: row.documentId,
      reason: row.reason,
      createdAt: row.createdAt,
      takenBy: row.takenBy === null ? null : author(row.takenBy),
      authors,
    }
  }
}
