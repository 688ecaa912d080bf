/** Snapshots of documents' text in SQLite: taken, listed newest first, read, and deleted by the retention policy. */
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import type { SnapshotReason, SnapshotSummary } from '../../shared/schema/history.ts'
import type { Author } from '../../shared/schema/member.ts'
import { memberColumns, memberOfRow } from '../auth/memberColumns.ts'
import { sql } from 'kysely'
import { inTransaction, rowOf, rowsOf, type Db } from '../store/database.ts'
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

const summaryColumns = sql.raw('s.id, s.document_id AS "documentId", s.reason, s.authors, s.taken_by AS "takenBy", s.created_at AS "createdAt"')

export class SnapshotStore {
  constructor(private readonly db: Db) {}

  private newest(db: Db, documentId: string) {
    return rowOf(
      db,
      sql<SnapshotRow & { content: string }>`SELECT ${summaryColumns}, s.content FROM document_snapshots s WHERE s.document_id = ${documentId}
        ORDER BY s.created_at DESC, s.id DESC LIMIT 1`,
    )
  }

  private byId(documentId: string, id: number) {
    return rowOf(
      this.db,
      sql<SnapshotRow & { content: string }>`SELECT ${summaryColumns}, s.content FROM document_snapshots s WHERE s.document_id = ${documentId} AND s.id = ${id}`,
    )
  }

  /** Stores a snapshot; its authors are the members who edited the document since the one before it. */
  async take(input: { documentId: string; reason: SnapshotReason; content: DraftDocJson; takenBy: number | null; at: number }): Promise<SnapshotSummary> {
    const id = await inTransaction(this.db, async (trx) => {
      const previous = await this.newest(trx, input.documentId)
      // The audit's contributions, one row per member and minute: whoever sent an update after the previous (and by `at`).
      const editors = await rowsOf(
        trx,
        sql<{ memberId: number }>`SELECT member_id AS "memberId" FROM contributions
          WHERE document_id = ${input.documentId} AND last_at > ${previous?.createdAt ?? 0} AND first_at <= ${input.at}
          GROUP BY member_id ORDER BY min(first_at)`,
      )
      const row = await trx
        .insertInto('document_snapshots')
        .values({
          document_id: input.documentId,
          reason: input.reason,
          content: JSON.stringify(input.content),
          authors: JSON.stringify(editors.map((editor) => editor.memberId)),
          taken_by: input.takenBy,
          created_at: input.at,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return row.id
    })
    return (await this.summary(input.documentId, id))!
  }

  /** The newest snapshot of the document with its content as stored (JSON text), or null before the first. */
  async latest(documentId: string): Promise<{ summary: SnapshotSummary; contentJson: string } | null> {
    const row = await this.newest(this.db, documentId)
    return row ? { summary: await this.summaryOf(row), contentJson: row.content } : null
  }

  async list(documentId: string): Promise<SnapshotSummary[]> {
    const rows = await rowsOf(
      this.db,
      sql<SnapshotRow>`SELECT ${summaryColumns} FROM document_snapshots s WHERE s.document_id = ${documentId} ORDER BY s.created_at DESC, s.id DESC`,
    )
    // The same few members recur in every snapshot: each is read once per listing.
    const members = new Map<number, Author | null>()
    const out: SnapshotSummary[] = []
    for (const row of rows) out.push(await this.summaryOf(row, members))
    return out
  }

  async summary(documentId: string, id: number): Promise<SnapshotSummary | null> {
    const row = await this.byId(documentId, id)
    return row ? this.summaryOf(row) : null
  }

  async get(documentId: string, id: number): Promise<Snapshot | null> {
    const row = await this.byId(documentId, id)
    return row ? { ...(await this.summaryOf(row)), content: JSON.parse(row.content) as DraftDocJson } : null
  }

  /** Id and time of each snapshot of the document, for the retention policy. */
  dated(documentId: string): Promise<Dated[]> {
    return this.db.selectFrom('document_snapshots').select(['id', 'created_at as createdAt']).where('document_id', '=', documentId).execute()
  }

  async documentsWithSnapshots(): Promise<string[]> {
    const rows = await this.db.selectFrom('document_snapshots').select('document_id').distinct().execute()
    return rows.map((row) => row.document_id)
  }

  /** Deletes the snapshots named, in one transaction. */
  async delete(ids: readonly number[]): Promise<void> {
    if (ids.length === 0) return
    await inTransaction(this.db, async (trx) => {
      for (let i = 0; i < ids.length; i += 1000) await trx.deleteFrom('document_snapshots').where('id', 'in', ids.slice(i, i + 1000)).execute()
    })
  }

  private async summaryOf(row: SnapshotRow, members = new Map<number, Author | null>()): Promise<SnapshotSummary> {
    const author = async (id: number): Promise<Author | null> => {
      if (!members.has(id)) {
        const member = await rowOf(this.db, sql<Author>`SELECT ${sql.raw(memberColumns())} FROM members m WHERE m.id = ${id}`)
        members.set(id, member ? memberOfRow(member) : null)
      }
      return members.get(id)!
    }
    const authors: Author[] = []
    for (const id of JSON.parse(row.authors) as number[]) {
      const member = await author(id)
      if (member) authors.push(member)
    }
    return {
      id: row.id,
      documentId: row.documentId,
      reason: row.reason,
      createdAt: row.createdAt,
      takenBy: row.takenBy === null ? null : await author(row.takenBy),
      authors,
    }
  }
}
