/**
 * Procedures (comment periods, silence) in SQLite, with their objections and outcomes. Each write is one transaction
 * that checks what it depends on inside it: an objection after the outcome, or a second outcome, can never be stored;
 * outcomes and objections are immutable (triggers refuse any UPDATE or DELETE).
 */
import { ApiError } from '../../shared/errors/apiError.ts'
import type { BlockRef, Objection, OutcomeRecord, Procedure, ProcedureKind } from '../../shared/schema/procedures.ts'
import { memberColumns, memberOfRow } from '../auth/memberColumns.ts'
import { blockName } from '../../shared/stage/blockName.ts'
import { formatNewYork } from '../../shared/time/unTime.ts'
import type { Sqlite } from '../store/sqlite.ts'

interface ProcedureRow {
  id: number
  documentId: string
  kind: ProcedureKind
  revisionId: number
  revisionLabel: string
  deadline: number
  openedAt: number
  record: string | null
}

interface ObjectionRow {
  procedureId: number
  delegation: string
  blockPosition: number
  blockNumber: string
  reason: string
  at: number
}

export interface NewProcedure {
  documentId: string
  kind: ProcedureKind
  revisionId: number
  deadline: number
  openedBy: number
  openedAt: number
}

export interface NewObjection {
  procedureId: number
  delegation: string
  block: BlockRef
  reason: string
  memberId: number
  at: number
}

export interface Submission {
  procedureId: number
  submittedAt: number
}

const procedureColumns = `p.id, p.document_id AS documentId, p.kind, p.revision_id AS revisionId, r.label AS revisionLabel, p.deadline,
  p.opened_at AS openedAt, o.record, ${memberColumns('m', 'opener')}`
const procedureFrom = `procedures p JOIN revisions r ON r.id = p.revision_id JOIN members m ON m.id = p.opened_by
  LEFT JOIN procedure_outcomes o ON o.procedure_id = p.id`
const objectionColumns = `s.procedure_id AS procedureId, s.delegation, s.block_position AS blockPosition, s.block_number AS blockNumber, s.reason, s.at,
  ${memberColumns('m')}`

function objectionOf(row: ObjectionRow): Objection {
  return {
    procedureId: row.procedureId,
    delegation: row.delegation,
    block: { position: row.blockPosition, number: row.blockNumber },
    reason: row.reason,
    member: memberOfRow(row),
    at: row.at,
  }
}

export class ProcedureStore {
  private readonly db: Sqlite
  private readonly insertProcedure
  private readonly byDocument
  private readonly byId
  private readonly unsettled
  private readonly objectionsOf
  private readonly objectionExists
  private readonly insertObjection
  private readonly insertOutcome
  private readonly seenAt
  private readonly upsertSeen
  private readonly unseenCount
  private readonly submissionOf
  private readonly insertSubmission

  constructor(db: Sqlite) {
    this.db = db
    this.insertProcedure = db.prepare<[string, number, ProcedureKind, number, number, number]>(
      'INSERT INTO procedures (document_id, revision_id, kind, deadline, opened_by, opened_at) VALUES (?, ?, ?, ?, ?, ?)',
    )
    this.byDocument = db.prepare<[string], ProcedureRow>(`SELECT ${procedureColumns} FROM ${procedureFrom} WHERE p.document_id = ? ORDER BY p.id`)
    this.byId = db.prepare<[number], ProcedureRow>(`SELECT ${procedureColumns} FROM ${procedureFrom} WHERE p.id = ?`)
    this.unsettled = db.prepare<[], ProcedureRow>(`SELECT ${procedureColumns} FROM ${procedureFrom} WHERE o.procedure_id IS NULL ORDER BY p.deadline`)
    this.objectionsOf = db.prepare<[number], ObjectionRow>(
      `SELECT ${objectionColumns} FROM silence_objections s JOIN members m ON m.id = s.member_id WHERE s.procedure_id = ? ORDER BY s.at, s.delegation`,
    )
    this.objectionExists = db.prepare<[number, string, string], { at: number }>(
      'SELECT at FROM silence_objections WHERE procedure_id = ? AND delegation = ? AND block_number = ?',
    )
    this.insertObjection = db.prepare<[number, string, number, string, string, number, number]>(
      'INSERT INTO silence_objections (procedure_id, delegation, block_position, block_number, reason, member_id, at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    )
    this.insertOutcome = db.prepare<[number, string, number, string]>(
      'INSERT INTO procedure_outcomes (procedure_id, outcome, settled_at, record) VALUES (?, ?, ?, ?)',
    )
    this.seenAt = db.prepare<[string, number], { seenAt: number }>('SELECT seen_at AS seenAt FROM stage_seen WHERE document_id = ? AND member_id = ?')
    this.upsertSeen = db.prepare<[string, number, number]>(
      'INSERT INTO stage_seen (document_id, member_id, seen_at) VALUES (?, ?, ?) ON CONFLICT (document_id, member_id) DO UPDATE SET seen_at = excluded.seen_at',
    )
    // What others did since the member last looked: procedures opened, outcomes written, objections, the submission.
    this.unseenCount = db.prepare<{ documentId: string; memberId: number; since: number }, { count: number }>(`
      SELECT
        (SELECT count(*) FROM procedures WHERE document_id = @documentId AND opened_at > @since AND opened_by != @memberId)
      + (SELECT count(*) FROM procedure_outcomes o JOIN procedures p ON p.id = o.procedure_id
           WHERE p.document_id = @documentId AND o.settled_at > @since)
      + (SELECT count(*) FROM silence_objections s JOIN procedures p ON p.id = s.procedure_id
           WHERE p.document_id = @documentId AND s.at > @since AND s.member_id != @memberId)
      + (SELECT count(*) FROM document_submissions WHERE document_id = @documentId AND submitted_at > @since AND submitted_by != @memberId)
      AS count`)
    this.submissionOf = db.prepare<[string], Submission>(
      'SELECT procedure_id AS procedureId, submitted_at AS submittedAt FROM document_submissions WHERE document_id = ?',
    )
    this.insertSubmission = db.prepare<[string, number, number, number]>(
      'INSERT INTO document_submissions (document_id, procedure_id, submitted_by, submitted_at) VALUES (?, ?, ?, ?)',
    )
  }

  private procedureOf(row: ProcedureRow): Procedure {
    return {
      id: row.id,
      documentId: row.documentId,
      kind: row.kind,
      revision: { id: row.revisionId, label: row.revisionLabel },
      deadline: row.deadline,
      openedBy: memberOfRow(row, 'opener'),
      openedAt: row.openedAt,
      objections: this.objectionsOf.all(row.id).map(objectionOf),
      outcome: row.record === null ? null : (JSON.parse(row.record) as OutcomeRecord),
    }
  }

  /**
   * Opens a procedure unless one of the document's is still running (its deadline not reached) or awaits settlement:
   * one stage at a time. Checked and written in one transaction.
   */
  open(input: NewProcedure): Procedure {
    const id = this.db
      .transaction(() => {
        const running = this.byDocument.all(input.documentId).find((row) => row.record === null)
        if (running) {
          const what = running.kind === 'silence' ? 'a silence procedure' : 'a comment period'
          throw new ApiError(409, 'procedure_running', `${what} on ${running.revisionLabel} runs until ${formatNewYork(running.deadline)}; one procedure at a time`, {
            procedureId: running.id,
            deadline: new Date(running.deadline).toISOString(),
          })
        }
        return Number(this.insertProcedure.run(input.documentId, input.revisionId, input.kind, input.deadline, input.openedBy, input.openedAt).lastInsertRowid)
      })
      .immediate()
    return this.get(input.documentId, id)!
  }

  list(documentId: string): Procedure[] {
    return this.byDocument.all(documentId).map((row) => this.procedureOf(row))
  }

  get(documentId: string, id: number): Procedure | null {
    const row = this.byId.get(id)
    return row && row.documentId === documentId ? this.procedureOf(row) : null
  }

  /** Every procedure whose outcome is not written yet, soonest deadline first. */
  pending(): Procedure[] {
    return this.unsettled.all().map((row) => this.procedureOf(row))
  }

  /**
   * Records a delegation breaking silence on a block. `check` runs inside the transaction, with the procedure as stored
   * (outcome included), and throws to refuse: nothing is stored then.
   */
  addObjection(objection: NewObjection, check: (procedure: Procedure) => void): Objection {
    this.db
      .transaction(() => {
        const row = this.byId.get(objection.procedureId)
        if (!row) throw new ApiError(404, 'procedure_not_found', `there is no procedure ${objection.procedureId}`)
        check(this.procedureOf(row))
        if (this.objectionExists.get(objection.procedureId, objection.delegation, objection.block.number)) {
          throw new ApiError(
            409,
            'already_objected',
            `${objection.delegation} has already broken silence on ${blockName(objection.block.number)}; a delegation breaks silence once per block`,
          )
        }
        this.insertObjection.run(
          objection.procedureId,
          objection.delegation,
          objection.block.position,
          objection.block.number,
          objection.reason,
          objection.memberId,
          objection.at,
        )
      })
      .immediate()
    return this.objectionsOf
      .all(objection.procedureId)
      .map(objectionOf)
      .find((stored) => stored.delegation === objection.delegation && stored.block.number === objection.block.number)!
  }

  /**
   * Writes the procedure's outcome once: `record` is built inside the transaction from the procedure as stored, so every
   * objection stored before it counts. Returns the record written now, or null when one already was (idempotent).
   */
  settle(procedureId: number, record: (procedure: Procedure) => OutcomeRecord): OutcomeRecord | null {
    return this.db
      .transaction(() => {
        const row = this.byId.get(procedureId)
        if (!row || row.record !== null) return null
        const outcome = record(this.procedureOf(row))
        this.insertOutcome.run(procedureId, outcome.outcome, outcome.settledAt, JSON.stringify(outcome))
        return outcome
      })
      .immediate()
  }

  /** Stage changes and objections by others since the member last looked (everything, if never). */
  unseen(documentId: string, memberId: number): number {
    const since = this.seenAt.get(documentId, memberId)?.seenAt ?? 0
    return this.unseenCount.get({ documentId, memberId, since })!.count
  }

  markSeen(documentId: string, memberId: number, at: number): void {
    this.upsertSeen.run(documentId, memberId, at)
  }

  submission(documentId: string): Submission | null {
    return this.submissionOf.get(documentId) ?? null
  }

  /** Marks the document submitted; `check` runs inside the transaction and throws to refuse. */
  submit(documentId: string, procedureId: number, memberId: number, at: number, check: () => void): Submission {
    this.db
      .transaction(() => {
        check()
        if (this.submissionOf.get(documentId)) throw new ApiError(409, 'already_submitted', 'this document has already been marked as submitted')
        this.insertSubmission.run(documentId, procedureId, memberId, at)
      })
      .immediate()
    return this.submission(documentId)!
  }
}
