/**
 * Procedures (comment periods, silence) in the database, with their objections and outcomes. Each write is one transaction
 * that checks what it depends on inside it: an objection after the outcome, or a second outcome, can never be stored;
 * outcomes and objections are immutable (triggers refuse any UPDATE or DELETE, on SQLite and on PostgreSQL alike).
 */
import { ApiError } from '../../shared/errors/apiError.ts'
import type { BlockRef, Objection, OutcomeRecord, Procedure, ProcedureKind } from '../../shared/schema/procedures.ts'
import { memberColumns, memberOfRow } from '../auth/memberColumns.ts'
import { blockName } from '../../shared/stage/blockName.ts'
import { formatNewYork } from '../../shared/time/unTime.ts'
import { sql } from 'kysely'
import { inTransaction, lockKey, rowOf, rowsOf, type Db } from '../store/database.ts'

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

const procedureColumns = sql.raw(`p.id, p.document_id AS "documentId", p.kind, p.revision_id AS "revisionId", r.label AS "revisionLabel", p.deadline,
  p.opened_at AS "openedAt", o.record, ${memberColumns('m', 'opener')}`)
const procedureFrom = sql.raw(`procedures p JOIN revisions r ON r.id = p.revision_id JOIN members m ON m.id = p.opened_by
  LEFT JOIN procedure_outcomes o ON o.procedure_id = p.id`)
const objectionColumns = sql.raw(`s.procedure_id AS "procedureId", s.delegation, s.block_position AS "blockPosition", s.block_number AS "blockNumber", s.reason, s.at,
  ${memberColumns('m')}`)

/** One writer at a time for what depends on a procedure (its objections, its outcome) and for a document's procedures. */
const procedureLock = (id: number) => `procedure:${id}`
const documentLock = (documentId: string) => `procedures:${documentId}`

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
  constructor(private readonly db: Db) {}

  private objectionsOf(db: Db, procedureId: number): Promise<ObjectionRow[]> {
    return rowsOf(
      db,
      sql<ObjectionRow>`SELECT ${objectionColumns} FROM silence_objections s JOIN members m ON m.id = s.member_id
        WHERE s.procedure_id = ${procedureId} ORDER BY s.at, s.delegation`,
    )
  }

  private byId(db: Db, id: number): Promise<ProcedureRow | undefined> {
    return rowOf(db, sql<ProcedureRow>`SELECT ${procedureColumns} FROM ${procedureFrom} WHERE p.id = ${id}`)
  }

  private byDocument(db: Db, documentId: string): Promise<ProcedureRow[]> {
    return rowsOf(db, sql<ProcedureRow>`SELECT ${procedureColumns} FROM ${procedureFrom} WHERE p.document_id = ${documentId} ORDER BY p.id`)
  }

  private async procedureOf(db: Db, row: ProcedureRow): Promise<Procedure> {
    return {
      id: row.id,
      documentId: row.documentId,
      kind: row.kind,
      revision: { id: row.revisionId, label: row.revisionLabel },
      deadline: row.deadline,
      openedBy: memberOfRow(row, 'opener'),
      openedAt: row.openedAt,
      objections: (await this.objectionsOf(db, row.id)).map(objectionOf),
      outcome: row.record === null ? null : (JSON.parse(row.record) as OutcomeRecord),
    }
  }

  /**
   * Opens a procedure unless one of the document's is still running (its deadline not reached) or awaits settlement:
   * one stage at a time. Checked and written in one transaction.
   */
  async open(input: NewProcedure): Promise<Procedure> {
    const id = await inTransaction(this.db, async (trx) => {
      await lockKey(trx, documentLock(input.documentId))
      const running = (await this.byDocument(trx, input.documentId)).find((row) => row.record === null)
      if (running) {
        const what = running.kind === 'silence' ? 'a silence procedure' : 'a comment period'
        throw new ApiError(409, 'procedure_running', `${what} on ${running.revisionLabel} runs until ${formatNewYork(running.deadline)}; one procedure at a time`, {
          procedureId: running.id,
          deadline: new Date(running.deadline).toISOString(),
        })
      }
      const row = await trx
        .insertInto('procedures')
        .values({
          document_id: input.documentId,
          revision_id: input.revisionId,
          kind: input.kind,
          deadline: input.deadline,
          opened_by: input.openedBy,
          opened_at: input.openedAt,
        })
        .returning('id')
        .executeTakeFirstOrThrow()
      return row.id
    })
    return (await this.get(input.documentId, id))!
  }

  async list(documentId: string): Promise<Procedure[]> {
    const out: Procedure[] = []
    for (const row of await this.byDocument(this.db, documentId)) out.push(await this.procedureOf(this.db, row))
    return out
  }

  async get(documentId: string, id: number): Promise<Procedure | null> {
    const row = await this.byId(this.db, id)
    return row && row.documentId === documentId ? this.procedureOf(this.db, row) : null
  }

  /** Every procedure whose outcome is not written yet, soonest deadline first. */
  async pending(): Promise<Procedure[]> {
    const rows = await rowsOf(this.db, sql<ProcedureRow>`SELECT ${procedureColumns} FROM ${procedureFrom} WHERE o.procedure_id IS NULL ORDER BY p.deadline`)
    const out: Procedure[] = []
    for (const row of rows) out.push(await this.procedureOf(this.db, row))
    return out
  }

  /**
   * Records a delegation breaking silence on a block. `check` runs inside the transaction, with the procedure as stored
   * (outcome included), and throws to refuse: nothing is stored then.
   */
  async addObjection(objection: NewObjection, check: (procedure: Procedure) => void): Promise<Objection> {
    await inTransaction(this.db, async (trx) => {
      // Settlement takes the same lock: an objection is stored before the outcome is written, or refused after.
      await lockKey(trx, procedureLock(objection.procedureId))
      const row = await this.byId(trx, objection.procedureId)
      if (!row) throw new ApiError(404, 'procedure_not_found', `there is no procedure ${objection.procedureId}`)
      check(await this.procedureOf(trx, row))
      const existing = await trx
        .selectFrom('silence_objections')
        .select('at')
        .where('procedure_id', '=', objection.procedureId)
        .where('delegation', '=', objection.delegation)
        .where('block_number', '=', objection.block.number)
        .executeTakeFirst()
      if (existing) {
        throw new ApiError(
          409,
          'already_objected',
          `${objection.delegation} has already broken silence on ${blockName(objection.block.number)}; a delegation breaks silence once per block`,
        )
      }
      await trx
        .insertInto('silence_objections')
        .values({
          procedure_id: objection.procedureId,
          delegation: objection.delegation,
          block_position: objection.block.position,
          block_number: objection.block.number,
          reason: objection.reason,
          member_id: objection.memberId,
          at: objection.at,
        })
        .execute()
    })
    return (await this.objectionsOf(this.db, objection.procedureId))
      .map(objectionOf)
      .find((stored) => stored.delegation === objection.delegation && stored.block.number === objection.block.number)!
  }

  /**
   * Writes the procedure's outcome once: `record` is built inside the transaction from the procedure as stored, so every
   * objection stored before it counts. Returns the record written now, or null when one already was (idempotent).
   */
  settle(procedureId: number, record: (procedure: Procedure) => OutcomeRecord): Promise<OutcomeRecord | null> {
    return inTransaction(this.db, async (trx) => {
      await lockKey(trx, procedureLock(procedureId))
      const row = await this.byId(trx, procedureId)
      if (!row || row.record !== null) return null
      const outcome = record(await this.procedureOf(trx, row))
      await trx
        .insertInto('procedure_outcomes')
        .values({ procedure_id: procedureId, outcome: outcome.outcome, settled_at: outcome.settledAt, record: JSON.stringify(outcome) })
        .execute()
      return outcome
    })
  }

  /** Stage changes and objections by others since the member last looked (everything, if never). */
  async unseen(documentId: string, memberId: number): Promise<number> {
    const seen = await this.db
      .selectFrom('stage_seen')
      .select('seen_at')
      .where('document_id', '=', documentId)
      .where('member_id', '=', memberId)
      .executeTakeFirst()
    const since = seen?.seen_at ?? 0
    // What others did since the member last looked: procedures opened, outcomes written, objections, the submission.
    const row = await rowOf(
      this.db,
      sql<{ count: number }>`SELECT
        (SELECT count(*) FROM procedures WHERE document_id = ${documentId} AND opened_at > ${since} AND opened_by != ${memberId})
      + (SELECT count(*) FROM procedure_outcomes o JOIN procedures p ON p.id = o.procedure_id
           WHERE p.document_id = ${documentId} AND o.settled_at > ${since})
      + (SELECT count(*) FROM silence_objections s JOIN procedures p ON p.id = s.procedure_id
           WHERE p.document_id = ${documentId} AND s.at > ${since} AND s.member_id != ${memberId})
      + (SELECT count(*) FROM document_submissions WHERE document_id = ${documentId} AND submitted_at > ${since} AND submitted_by != ${memberId})
      AS "count"`,
    )
    return Number(row?.count ?? 0)
  }

  async markSeen(documentId: string, memberId: number, at: number): Promise<void> {
    await this.db
      .insertInto('stage_seen')
      .values({ document_id: documentId, member_id: memberId, seen_at: at })
      .onConflict((conflict) => conflict.columns(['document_id', 'member_id']).doUpdateSet((eb) => ({ seen_at: eb.ref('excluded.seen_at') })))
      .execute()
  }

  private submissionOf(db: Db, documentId: string): Promise<Submission | undefined> {
    return db
      .selectFrom('document_submissions')
      .select(['procedure_id as procedureId', 'submitted_at as submittedAt'])
      .where('document_id', '=', documentId)
      .executeTakeFirst()
  }

  async submission(documentId: string): Promise<Submission | null> {
    return (await this.submissionOf(this.db, documentId)) ?? null
  }

  /**
   * Marks the document submitted under `procedureId`, which the caller found adopted: refused (409) when, in the
   * transaction that writes it, that procedure is no longer the document's latest on its latest revision.
   */
  async submit(documentId: string, procedureId: number, memberId: number, at: number): Promise<Submission> {
    await inTransaction(this.db, async (trx) => {
      await lockKey(trx, documentLock(documentId))
      const latest = await trx.selectFrom('procedures').select(['id', 'revision_id']).where('document_id', '=', documentId).orderBy('id', 'desc').limit(1).executeTakeFirst()
      const revision = await trx.selectFrom('revisions').select('id').where('document_id', '=', documentId).orderBy('id', 'desc').limit(1).executeTakeFirst()
      if (!latest || latest.id !== procedureId || latest.revision_id !== revision?.id) {
        throw new ApiError(409, 'not_adopted', 'the document changed meanwhile (a procedure was opened or a revision cut); it is no longer adopted as it was')
      }
      if (await this.submissionOf(trx, documentId)) throw new ApiError(409, 'already_submitted', 'this document has already been marked as submitted')
      await trx
        .insertInto('document_submissions')
        .values({ document_id: documentId, procedure_id: procedureId, submitted_by: memberId, submitted_at: at })
        .execute()
    })
    return (await this.submission(documentId))!
  }
}
