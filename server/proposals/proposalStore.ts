/** Proposals and their stances in the database; a decision is one conditional UPDATE, so of two at once exactly one wins. */
import type { Anchor } from '../../shared/schema/comments.ts'
import type { Author } from '../../shared/schema/member.ts'
import type { Decision, Proposal, ProposalKind, ProposalStatus, Stance, StanceValue } from '../../shared/schema/proposals.ts'
import { newCommentId } from '../comments/commentStore.ts'
import { sql } from 'kysely'
import { inTransaction, lockKey, rowOf, rowsOf, type Db } from '../store/database.ts'
import { ApiError } from '../../shared/errors/apiError.ts'

/** A proposal as stored: everything the API serves except where it is in the current text. */
export type StoredProposal = Omit<Proposal, 'outdated' | 'place'> & {
  /** After acceptance or bracketing: where the change went (positions into the text), and the text it put there. */
  applied: { start: string; end: string; text: string } | null
}

interface ProposalRow {
  id: string
  documentId: string
  kind: ProposalKind
  anchorStart: string | null
  anchorEnd: string | null
  quote: string
  text: string | null
  refs: string | null
  recommendationId: string | null
  explanation: string | null
  proposerId: number
  delegation: string
  status: ProposalStatus
  decidedBy: number | null
  decidedAt: number | null
  decisionReason: string | null
  creditedTo: string | null
  appliedStart: string | null
  appliedEnd: string | null
  appliedText: string | null
  createdAt: number
  updatedAt: number
}

interface StanceRow {
  proposalId: string
  delegation: string
  stance: StanceValue
  reason: string | null
  memberId: number
  at: number
}

export interface NewProposal {
  documentId: string
  kind: ProposalKind
  anchor: Anchor | null
  quote: string
  text: string | null
  refs: string[] | null
  recommendationId: string | null
  explanation: string | null
  proposerId: number
  delegation: string
}

const columns = sql.raw(`p.id, p.document_id AS "documentId", p.kind, p.anchor_start AS "anchorStart", p.anchor_end AS "anchorEnd", p.quote,
  p.text, p.refs, p.recommendation_id AS "recommendationId", p.explanation, p.proposer_id AS "proposerId", p.delegation, p.status,
  p.decided_by AS "decidedBy", p.decided_at AS "decidedAt", p.decision_reason AS "decisionReason", p.credited_to AS "creditedTo",
  p.applied_start AS "appliedStart", p.applied_end AS "appliedEnd", p.applied_text AS "appliedText",
  p.created_at AS "createdAt", p.updated_at AS "updatedAt"`)
const stanceColumns = sql.raw('s.proposal_id AS "proposalId", s.delegation, s.stance, s.reason, s.member_id AS "memberId", s.at')
/** Revoked members stay: what they proposed is still theirs. */
const memberColumns = sql.raw('id, name, role, delegation, regional_group AS "regionalGroup"')

export type DecisionStatus = Decision['status']

/** How many proposals a document holds at most: every one, decided or not, is listed and compiled whole. */
export interface ProposalLimits {
  /** Proposals of a document, whatever their status. */
  perDocument: number
  /** Open proposals of one delegation on a document: no delegation fills the document's share alone. */
  openPerDelegation: number
}

export const defaultProposalLimits: ProposalLimits = { perDocument: 1000, openPerDelegation: 100 }

export class ProposalStore {
  constructor(
    private readonly db: Db,
    private readonly limits: ProposalLimits = defaultProposalLimits,
  ) {}

  /** The document's proposals, oldest first, with their stances. */
  async list(documentId: string): Promise<StoredProposal[]> {
    const stances = new Map<string, StanceRow[]>()
    const stanceRows = await rowsOf(
      this.db,
      sql<StanceRow>`SELECT ${stanceColumns} FROM proposal_stances s JOIN proposals p ON p.id = s.proposal_id
        WHERE p.document_id = ${documentId} ORDER BY s.at, s.delegation`,
    )
    for (const row of stanceRows) {
      let list = stances.get(row.proposalId)
      if (!list) stances.set(row.proposalId, (list = []))
      list.push(row)
    }
    const members = await this.members()
    const rows = await rowsOf(this.db, sql<ProposalRow>`SELECT ${columns} FROM proposals p WHERE p.document_id = ${documentId} ORDER BY p.created_at, p.id`)
    return rows.map((row) => this.proposalOf(row, stances.get(row.id) ?? [], members))
  }

  /** How many proposals the document holds, whatever their status, and the characters of their texts together. */
  async size(documentId: string): Promise<{ proposals: number; characters: number }> {
    const row = await rowOf(
      this.db,
      sql<{ proposals: number; characters: number | null }>`SELECT count(*) AS proposals,
        sum(length(quote) + coalesce(length(text), 0) + coalesce(length(explanation), 0) + coalesce(length(decision_reason), 0)) AS characters
        FROM proposals WHERE document_id = ${documentId}`,
    )
    return { proposals: Number(row?.proposals ?? 0), characters: Number(row?.characters ?? 0) }
  }

  async get(documentId: string, proposalId: string): Promise<StoredProposal | null> {
    const row = await rowOf(this.db, sql<ProposalRow>`SELECT ${columns} FROM proposals p WHERE p.document_id = ${documentId} AND p.id = ${proposalId}`)
    if (!row) return null
    const stances = await rowsOf(this.db, sql<StanceRow>`SELECT ${stanceColumns} FROM proposal_stances s WHERE s.proposal_id = ${row.id} ORDER BY s.at, s.delegation`)
    return this.proposalOf(row, stances, await this.members())
  }

  /** Every member, revoked ones too, by id: read once per answer (a few hundred at most). */
  private async members(): Promise<Map<number, Author>> {
    const rows = await rowsOf(this.db, sql<Author>`SELECT ${memberColumns} FROM members`)
    return new Map(rows.map((row) => [row.id, row]))
  }

  /**
   * Stores a new proposal; refused past the limits (409 `proposals_full` for the document, `too_many_proposals` for the
   * delegation), counted under the document's lock.
   */
  async create(input: NewProposal, at = Date.now()): Promise<StoredProposal> {
    const id = newCommentId(at)
    await inTransaction(this.db, async (trx) => {
      await lockKey(trx, `proposals:${input.documentId}`)
      const counts = await trx
        .selectFrom('proposals')
        .select((eb) => [
          eb.fn.countAll<number>().as('all'),
          eb.fn.sum<number>(eb.case().when(eb.and([eb('delegation', '=', input.delegation), eb('status', '=', 'open')])).then(1).else(0).end()).as('open'),
        ])
        .where('document_id', '=', input.documentId)
        .executeTakeFirstOrThrow()
      if (Number(counts.all) >= this.limits.perDocument) {
        throw new ApiError(
          409,
          'proposals_full',
          `this document holds ${this.limits.perDocument} proposals, the most one document may (MAX_PROPOSALS_PER_DOCUMENT); make further changes in the text or in comments`,
        )
      }
      if (Number(counts.open ?? 0) >= this.limits.openPerDelegation) {
        throw new ApiError(
          409,
          'too_many_proposals',
          `${input.delegation} has ${this.limits.openPerDelegation} open proposals on this document, the most one delegation may have open; withdraw some or wait for decisions on them`,
        )
      }
      await trx
        .insertInto('proposals')
        .values({
          id,
          document_id: input.documentId,
          kind: input.kind,
          anchor_start: input.anchor?.start ?? null,
          anchor_end: input.anchor?.end ?? null,
          quote: input.quote,
          text: input.text,
          refs: input.refs ? JSON.stringify(input.refs) : null,
          recommendation_id: input.recommendationId,
          explanation: input.explanation,
          proposer_id: input.proposerId,
          delegation: input.delegation,
          created_at: at,
          updated_at: at,
        })
        .execute()
    })
    return (await this.get(input.documentId, id))!
  }

  /**
   * Edits an open proposal; false when it is no longer open. A change of its text or links clears the stances taken on
   * it: support given to one wording is not support for another. An edit of the explanation alone keeps them.
   */
  async edit(documentId: string, proposalId: string, change: { text?: string; refs?: string[]; explanation?: string | null }, at = Date.now()): Promise<boolean> {
    return inTransaction(this.db, async (trx) => {
      // The proposal's lock: a stance taken meanwhile (another instance) is either cleared here or sees the new wording.
      await lockKey(trx, `proposal:${proposalId}`)
      const current = await trx
        .selectFrom('proposals')
        .select(['text', 'refs', 'updated_at'])
        .where('id', '=', proposalId)
        .where('document_id', '=', documentId)
        .where('status', '=', 'open')
        .executeTakeFirst()
      if (!current) return false
      const text = change.text !== undefined && change.text !== null ? change.text : undefined
      const refs = change.refs ? JSON.stringify(change.refs) : undefined
      const result = await trx
        .updateTable('proposals')
        .set({
          ...(text !== undefined ? { text } : {}),
          ...(refs !== undefined ? { refs } : {}),
          ...(change.explanation !== undefined ? { explanation: change.explanation || null } : {}),
          // Always later than before, even within one millisecond: a stance names the version it was given on by it.
          updated_at: Math.max(at, Number(current.updated_at) + 1),
        })
        .where('id', '=', proposalId)
        .where('status', '=', 'open')
        .executeTakeFirst()
      // Decided meanwhile (another instance): nothing is edited.
      if (Number(result.numUpdatedRows) !== 1) return false
      const reworded = (text !== undefined && text !== current.text) || (refs !== undefined && refs !== current.refs)
      if (reworded) await trx.deleteFrom('proposal_stances').where('proposal_id', '=', proposalId).execute()
      return true
    })
  }

  /** Moves an open proposal's anchor to where its text is now (a paragraph that became alternatives); false when not open. */
  async reanchor(documentId: string, proposalId: string, anchor: { start: string; end: string }): Promise<boolean> {
    const result = await this.db
      .updateTable('proposals')
      .set({ anchor_start: anchor.start, anchor_end: anchor.end })
      .where('id', '=', proposalId)
      .where('document_id', '=', documentId)
      .where('status', '=', 'open')
      .executeTakeFirst()
    return Number(result.numUpdatedRows) === 1
  }

  /**
   * Sets or replaces a delegation's stance on an open proposal, in one transaction with the proposal's edits (the
   * proposal's lock): `changed` when `seenAt` (the proposal's `updatedAt` as the delegation saw it) is no longer its
   * `updatedAt`, `closed` when it is no longer open.
   */
  async takeStance(
    proposalId: string,
    delegation: string,
    stance: StanceValue,
    reason: string | null,
    memberId: number,
    seenAt?: number,
    at = Date.now(),
  ): Promise<'taken' | 'changed' | 'closed'> {
    return inTransaction(this.db, async (trx) => {
      await lockKey(trx, `proposal:${proposalId}`)
      const proposal = await trx.selectFrom('proposals').select(['status', 'updated_at']).where('id', '=', proposalId).executeTakeFirst()
      if (!proposal || proposal.status !== 'open') return 'closed'
      if (seenAt !== undefined && Number(proposal.updated_at) !== seenAt) return 'changed'
      await trx
        .insertInto('proposal_stances')
        .values({ proposal_id: proposalId, delegation, stance, reason, member_id: memberId, at })
        .onConflict((conflict) =>
          conflict.columns(['proposal_id', 'delegation']).doUpdateSet((eb) => ({
            stance: eb.ref('excluded.stance'),
            reason: eb.ref('excluded.reason'),
            member_id: eb.ref('excluded.member_id'),
            at: eb.ref('excluded.at'),
          })),
        )
        .execute()
      return 'taken'
    })
  }


  /**
   * Decides an open proposal: true for the one call that found it open, false for every other (it was decided,
   * withdrawn, or is being decided by someone else this very moment).
   */
  async claimDecision(
    documentId: string,
    proposalId: string,
    decision: { status: DecisionStatus; by: number; reason: string | null; creditedTo: string | null },
    at = Date.now(),
  ): Promise<boolean> {
    const result = await this.db
      .updateTable('proposals')
      .set({ status: decision.status, decided_by: decision.by, decided_at: at, decision_reason: decision.reason, credited_to: decision.creditedTo })
      .where('id', '=', proposalId)
      .where('document_id', '=', documentId)
      .where('status', '=', 'open')
      .executeTakeFirst()
    return Number(result.numUpdatedRows) === 1
  }

  /** Gives back a claimed decision that could not be carried out (the text could not be changed). */
  async releaseDecision(proposalId: string, status: DecisionStatus): Promise<void> {
    await this.db
      .updateTable('proposals')
      .set({ status: 'open', decided_by: null, decided_at: null, decision_reason: null, credited_to: null })
      .where('id', '=', proposalId)
      .where('status', '=', status)
      .execute()
  }

  async recordApplied(proposalId: string, applied: { start: string; end: string; text: string }): Promise<void> {
    await this.db.updateTable('proposals').set({ applied_start: applied.start, applied_end: applied.end, applied_text: applied.text }).where('id', '=', proposalId).execute()
  }

  /** Keeps the proposals open when a revision was cut, as served then. */
  async recordForRevision(revisionId: number, proposals: Proposal[]): Promise<void> {
    await this.db
      .insertInto('revision_proposals')
      .values({ revision_id: revisionId, proposals: JSON.stringify(proposals) })
      .onConflict((conflict) => conflict.column('revision_id').doUpdateSet((eb) => ({ proposals: eb.ref('excluded.proposals') })))
      .execute()
  }

  /** The proposals recorded with a revision, or null for a revision cut before proposals were recorded. */
  async forRevision(revisionId: number): Promise<Proposal[] | null> {
    const row = await this.db.selectFrom('revision_proposals').select('proposals').where('revision_id', '=', revisionId).executeTakeFirst()
    return row ? (JSON.parse(row.proposals) as Proposal[]) : null
  }

  private member(id: number, members: Map<number, Author>): Author {
    return members.get(id)!
  }

  private proposalOf(row: ProposalRow, stanceRows: StanceRow[], members: Map<number, Author>): StoredProposal {
    const stances: Stance[] = stanceRows.map((stance) => ({
      delegation: stance.delegation,
      stance: stance.stance,
      reason: stance.reason,
      member: this.member(stance.memberId, members),
      at: stance.at,
    }))
    const decision: Decision | null =
      row.status === 'open' || row.decidedBy === null || row.decidedAt === null
        ? null
        : { status: row.status, by: this.member(row.decidedBy, members), at: row.decidedAt, reason: row.decisionReason }
    return {
      id: row.id,
      documentId: row.documentId,
      kind: row.kind,
      anchor: row.anchorStart !== null && row.anchorEnd !== null ? { start: row.anchorStart, end: row.anchorEnd, quote: row.quote } : null,
      quote: row.quote,
      text: row.text,
      refs: row.refs === null ? null : (JSON.parse(row.refs) as string[]),
      recommendationId: row.recommendationId,
      explanation: row.explanation,
      proposer: { member: this.member(row.proposerId, members), delegation: row.delegation },
      status: row.status,
      stances,
      decision,
      creditedTo: row.creditedTo,
      createdAt: row.createdAt,
      updatedAt: row.updatedAt,
      applied: row.appliedStart !== null && row.appliedEnd !== null ? { start: row.appliedStart, end: row.appliedEnd, text: row.appliedText ?? '' } : null,
    }
  }
}
