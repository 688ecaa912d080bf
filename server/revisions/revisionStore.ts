/** Revisions: named, immutable snapshots of a document (the Yjs state and the ProseMirror JSON), who cut them and when. */
import { ApiError } from '../../shared/errors/apiError.ts'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import type { RevisionSummary } from '../../shared/schema/revision.ts'
import { memberColumns, memberOfRow } from '../auth/memberColumns.ts'
import type { Sqlite } from '../store/sqlite.ts'

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

const summaryColumns = `r.id, r.document_id AS documentId, r.label, r.note, r.created_at AS createdAt, ${memberColumns('m', 'author')}`

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
  private readonly insert
  private readonly byLabel
  private readonly listOf
  private readonly byId
  private readonly latest

  constructor(db: Sqlite) {
    this.insert = db.prepare<[string, string, string | null, Uint8Array, string, number, number]>(
      'INSERT INTO revisions (document_id, label, note, state, content, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    this.byLabel = db.prepare<[string, string], { id: number }>('SELECT id FROM revisions WHERE document_id = ? AND label = ? COLLATE NOCASE')
    this.listOf = db.prepare<[string], RevisionRow>(
      `SELECT ${summaryColumns} FROM revisions r JOIN members m ON m.id = r.created_by WHERE r.document_id = ? ORDER BY r.id`,
    )
    this.latest = db.prepare<[string], { id: number }>('SELECT max(id) AS id FROM revisions WHERE document_id = ? HAVING max(id) IS NOT NULL')
    this.byId = db.prepare<[string, number], RevisionRow & { state: Buffer; content: string }>(
      `SELECT ${summaryColumns}, r.state, r.content FROM revisions r JOIN members m ON m.id = r.created_by
       WHERE r.document_id = ? AND r.id = ?`,
    )
  }

  /** The id of the document's latest revision, or null before its first. */
  latestId(documentId: string): number | null {
    return this.latest.get(documentId)?.id ?? null
  }

  cut(input: { documentId: string; label: string; note: string | null; state: Uint8Array; content: DraftDocJson; createdBy: number }): RevisionSummary {
    if (this.byLabel.get(input.documentId, input.label)) {
      throw new RevisionError('revision_label_taken', `this document already has a revision named "${input.label}"`)
    }
    const id = Number(
      this.insert.run(input.documentId, input.label, input.note, input.state, JSON.stringify(input.content), input.createdBy, Date.now()).lastInsertRowid,
    )
    return this.summary(input.documentId, id)!
  }

  list(documentId: string): RevisionSummary[] {
    return this.listOf.all(documentId).map(summary)
  }

  summary(documentId: string, id: number): RevisionSummary | null {
    const row = this.byId.get(documentId, id)
    return row ? summary(row) : null
  }

  get(documentId: string, id: number): Revision | null {
    const row = this.byId.get(documentId, id)
    if (!row) return null
    return { ...summary(row), content: JSON.parse(row.content) as DraftDocJson, state: new Uint8Array(row.state) }
  }
}
