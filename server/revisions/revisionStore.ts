/** Revisions: named, immutable snapshots of a document (the Yjs state and the ProseMirror JSON), who cut them and when. */
import { ApiError } from '../../shared/errors/apiError.ts'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import type { RevisionSummary } from '../../shared/schema/revision.ts'
import { memberColumns, memberOfRow } from '../auth/memberColumns.ts'
import { sql } from 'kysely'
import { inTransaction, lockKey, rowOf, rowsOf, type Db } from '../store/database.ts'

export type { RevisionSummary }

export interface Revision extends RevisionSummary {
  content: DraftDocJson
  state: Uint8Array
}

/** A revision that conflicts with the document's others (409). */
export class RevisionError extends ApiError {
  constructor(code: 'revision_label_taken', message: string) {
    super(409, code, message)
  }
}

interface RevisionRow {
  id: number
  documentId: string
  label: string
  note: string | null
  createdAt: number
}

const summaryColumns = sql.raw(`r.id, r.document_id AS "documentId", r.label, r.note, r.created_at AS "createdAt", ${memberColumns('m', 'author')}`)

function summary(row: RevisionRow): RevisionSummary {
  return {
    id: row.id,
    documentId: row.documentId,
    label: row.label,
    note: row.note,
    createdAt: row.createdAt,
    createdBy: memberOfRow(row, 'author'),
  }
}

export class RevisionStore {
  constructor(private readonly db: Db) {}

  /** The id of the document's latest revision, or null before its first. */
  async latestId(documentId: string): Promise<number | null> {
    const row = await this.db
      .selectFrom('revisions')
      .select('id')
      .where('document_id', '=', documentId)
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()
    return row?.id ?? null
  }

  async cut(input: { documentId: string; label: string; note: string | null; state: Uint8Array; content: DraftDocJson; createdBy: number }): Promise<RevisionSummary> {
    const id = await inTransaction(this.db, async (trx) => {
      // Labels differ without regard to case: one cut at a time per document checks and writes.
      await lockKey(trx, `revisions:${input.documentId}`)
      const taken = await trx
        .selectFrom('revisions')
        .select('id')
        .where('document_id', '=', input.documentId)
        .where(sql`lower(label)`, '=', input.label.toLowerCase())
        .executeTakeFirst()
      if (taken) throw new RevisionError('revision_label_taken', `this document already has a revision named "${input.label}"`)
      const row = await trx
        .insertInto('revisions')
        .values({
          document_id: input.documentId,
          label: input.label,
          note: input.note,
          state: input.state,
          content: JSON.stringify(input.content),
          created_by: input.createdBy,
          created_at: Date.now(),
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return row.id
    })
    return (await this.summary(input.documentId, id))!
  }

  async list(documentId: string): Promise<RevisionSummary[]> {
    const rows = await rowsOf(
      this.db,
      sql<RevisionRow>`SELECT ${summaryColumns} FROM revisions r JOIN members m ON m.id = r.created_by WHERE r.document_id = ${documentId} ORDER BY r.id`,
    )
    return rows.map(summary)
  }

  private byId(documentId: string, id: number) {
    return rowOf(
      this.db,
      sql<RevisionRow & { state: Uint8Array; content: string }>`SELECT ${summaryColumns}, r.state, r.content FROM revisions r
        JOIN members m ON m.id = r.created_by WHERE r.document_id = ${documentId} AND r.id = ${id}`,
    )
  }

  async summary(documentId: string, id: number): Promise<RevisionSummary | null> {
    const row = await this.byId(documentId, id)
    return row ? summary(row) : null
  }

  async get(documentId: string, id: number): Promise<Revision | null> {
    const row = await this.byId(documentId, id)
    if (!row) return null
    return { ...summary(row), content: JSON.parse(row.content) as DraftDocJson, state: new Uint8Array(row.state) }
  }
}
