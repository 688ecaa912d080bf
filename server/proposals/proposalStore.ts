/** Proposals and their stances in SQLite; a decision is one conditional UPDATE, so of two at once exactly one wins. */
import type { Anchor } from '../../shared/schema/comments.ts'
import type { Author } from '../../shared/schema/member.ts'
import type { Decision, Proposal, ProposalKind, ProposalStatus, Stance, StanceValue } from '../../shared/schema/proposals.ts'
import { newCommentId } from '../comments/commentStore.ts'
import type { Sqlite } from '../store/sqlite.ts'

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

const columns = `p.id, p.document_id AS documentId, p.kind, p.anchor_start AS anchorStart, p.anchor_end AS anchorEnd, p.quote,
  p.text, p.refs, p.recommendation_id AS recommendationId, p.explanation, p.proposer_id AS proposerId, p.delegation, p.status,
  p.decided_by AS decidedBy, p.decided_at AS decidedAt, p.decision_reason AS decisionReason, p.credited_to AS creditedTo,
  p.applied_start AS appliedStart, p.applied_end AS appliedEnd, p.applied_text AS appliedText,
  p.created_at AS createdAt, p.updated_at AS updatedAt`
const stanceColumns = 's.proposal_id AS proposalId, s.delegation, s.stance, s.reason, s.member_id AS memberId, s.at'
/** Revoked members stay: what they proposed is still theirs. */
const memberColumns = 'id, name, role, delegation, regional_group AS regionalGroup'

export type DecisionStatus = Decision['status']

export class ProposalStore {
  private readonly byId
  private readonly ofDocument
  private readonly stancesOf
  private readonly stancesOfDocument
  private readonly memberById
  private readonly insert
  private readonly updateContent
  private readonly decide
  private readonly undecide
  private readonly setApplied
  private readonly upsertStance
  private readonly insertRevisionRecord
  private readonly revisionRecord

  constructor(private readonly db: Sqlite) {
    this.byId = db.prepare<[string, string], ProposalRow>(`SELECT ${columns} FROM proposals p WHERE p.document_id = ? AND p.id = ?`)
    this.ofDocument = db.prepare<[string], ProposalRow>(`SELECT ${columns} FROM proposals p WHERE p.document_id = ? ORDER BY p.created_at, p.id`)
    this.stancesOf = db.prepare<[string], StanceRow>(`SELECT ${stanceColumns} FROM proposal_stances s WHERE s.proposal_id = ? ORDER BY s.at, s.delegation`)
    this.stancesOfDocument = db.prepare<[string], StanceRow>(
      `SELECT ${stanceColumns} FROM proposal_stances s JOIN proposals p ON p.id = s.proposal_id WHERE p.document_id = ? ORDER BY s.at, s.delegation`,
    )
    this.memberById = db.prepare<[number], Author>(`SELECT ${memberColumns} FROM members WHERE id = ?`)
    this.insert = db.prepare<[string, string, string, string | null, string | null, string, string | null, string | null, string | null, string | null, number, string, number, number]>(
      `INSERT INTO proposals (id, document_id, kind, anchor_start, anchor_end, quote, text, refs, recommendation_id, explanation,
         proposer_id, delegation, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    this.updateContent = db.prepare<[string | null, string | null, number, string | null, number, string, string]>(
      `UPDATE proposals SET text = coalesce(?, text), refs = coalesce(?, refs),
         explanation = CASE WHEN ? THEN ? ELSE explanation END, updated_at = ?
       WHERE id = ? AND document_id = ? AND status = 'open'`,
    )
    this.decide = db.prepare<[string, number, number, string | null, string | null, number, string, string]>(
      `UPDATE proposals SET status = ?, decided_by = ?, decided_at = ?, decision_reason = ?, credited_to = ?, updated_at = ?
       WHERE id = ? AND document_id = ? AND status = 'open'`,
    )
    this.undecide = db.prepare<[number, string, string]>(
      `UPDATE proposals SET status = 'open', decided_by = NULL, decided_at = NULL, decision_reason = NULL, credited_to = NULL,
         updated_at = ? WHERE id = ? AND status = ?`,
    )
    this.setApplied = db.prepare<[string, string, string, string]>('UPDATE proposals SET applied_start = ?, applied_end = ?, applied_text = ? WHERE id = ?')
    this.upsertStance = db.prepare<[string, string, string, string | null, number, number]>(
      `INSERT INTO proposal_stances (proposal_id, delegation, stance, reason, member_id, at) VALUES (?, ?, ?, ?, ?, ?)
       ON CONFLICT (proposal_id, delegation) DO UPDATE SET stance = excluded.stance, reason = excluded.reason,
         member_id = excluded.member_id, at = excluded.at`,
    )
    this.insertRevisionRecord = db.prepare<[number, string]>('INSERT OR REPLACE INTO revision_proposals (revision_id, proposals) VALUES (?, ?)')
    this.revisionRecord = db.prepare<[number], { proposals: string }>('SELECT proposals FROM revision_proposals WHERE revision_id = ?')
  }

  /** The document's proposals, oldest first, with their stances. */
  list(documentId: string): StoredProposal[] {
    const stances = new Map<string, StanceRow[]>()
    for (const row of this.stancesOfDocument.all(documentId)) {
      let list = stances.get(row.proposalId)
      if (!list) stances.set(row.proposalId, (list = []))
      list.push(row)
    }
    const members = new Map<number, Author>()
    return this.ofDocument.all(documentId).map((row) => this.proposalOf(row, stances.get(row.id) ?? [], members))
  }

  get(documentId: string, proposalId: string): StoredProposal | null {
    const row = this.byId.get(documentId, proposalId)
    return row ? this.proposalOf(row, this.stancesOf.all(row.id), new Map()) : null
  }

  create(input: NewProposal, at = Date.now()): StoredProposal {
    const id = newCommentId(at)
    this.insert.run(
      id,
      input.documentId,
      input.kind,
      input.anchor?.start ?? null,
      input.anchor?.end ?? null,
      input.quote,
      input.text,
      input.refs ? JSON.stringify(input.refs) : null,
      input.recommendationId,
      input.explanation,
      input.proposerId,
      input.delegation,
      at,
      at,
    )
    return this.get(input.documentId, id)!
  }

  /** Changes an open proposal's text, refs or explanation; false when it is no longer open. */
  edit(documentId: string, proposalId: string, change: { text?: string; refs?: string[]; explanation?: string | null }, at = Date.now()): boolean {
    const refs = change.refs ? JSON.stringify(change.refs) : null
    const setExplanation = change.explanation === undefined ? 0 : 1
    return this.updateContent.run(change.text ?? null, refs, setExplanation, change.explanation || null, at, proposalId, documentId).changes === 1
  }

  /** Sets or replaces a delegation's stance. */
  takeStance(proposalId: string, delegation: string, stance: StanceValue, reason: string | null, memberId: number, at = Date.now()): void {
    this.upsertStance.run(proposalId, delegation, stance, reason, memberId, at)
  }

  /**
   * Decides an open proposal: true for the one call that found it open, false for every other (it was decided,
   * withdrawn, or is being decided by someone else this very moment).
   */
  claimDecision(
    documentId: string,
    proposalId: string,
    decision: { status: DecisionStatus; by: number; reason: string | null; creditedTo: string | null },
    at = Date.now(),
  ): boolean {
    return this.decide.run(decision.status, decision.by, at, decision.reason, decision.creditedTo, at, proposalId, documentId).changes === 1
  }

  /** Gives back a claimed decision that could not be carried out (the text could not be changed). */
  releaseDecision(proposalId: string, status: DecisionStatus, at = Date.now()): void {
    this.undecide.run(at, proposalId, status)
  }

  recordApplied(proposalId: string, applied: { start: string; end: string; text: string }): void {
    this.setApplied.run(applied.start, applied.end, applied.text, proposalId)
  }

  /** Keeps the proposals open when a revision was cut, as served then. */
  recordForRevision(revisionId: number, proposals: Proposal[]): void {
    this.insertRevisionRecord.run(revisionId, JSON.stringify(proposals))
  }

  /** The proposals recorded with a revision, or null for a revision cut before proposals were recorded. */
  forRevision(revisionId: number): Proposal[] | null {
    const row = this.revisionRecord.get(revisionId)
    return row ? (JSON.parse(row.proposals) as Proposal[]) : null
  }

  private member(id: number, cache: Map<number, Author>): Author {
    let member = cache.get(id)
    if (!member) cache.set(id, (member = this.memberById.get(id)!))
    return member
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
