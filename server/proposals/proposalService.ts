/**
 * Proposals of documents: made, edited, supported or objected to, withdrawn and decided; each change stored first,
 * then pushed to the document's viewers as a `proposal` event. Accepting and bracketing edit the text through the
 * room (stored, then relayed), credited to the proposing delegation.
 */
import type { Anchor } from '../../shared/schema/comments.ts'
import type { AcceptedChange } from '../../shared/compare/proposalCredits.ts'
import { ApiError } from '../../shared/errors/apiError.ts'
import type { FrameworkCatalogue } from '../../shared/framework/element.ts'
import { resolveRef } from '../../shared/framework/lookup.ts'
import { contentField } from '../../shared/schema/contentField.ts'
import type { Member } from '../../shared/schema/member.ts'
import {
  type CreateProposal,
  type EditProposal,
  type Proposal,
  type ProposalChange as ProposalChangeName,
  proposalEventName,
  type ProposalFilter,
  speakingFor,
  type TakeStance,
} from '../../shared/schema/proposals.ts'
import { RoomUnavailable, type Rooms } from '../collab/rooms.ts'
import { readCurrentDoc } from '../documents/currentDoc.ts'
import { draftReader } from '../documents/editorModules.ts'
import type { HeavyWork } from '../heavy/heavyWork.ts'
import { log } from '../log.ts'
import type { DocumentEvents } from '../documents/documentEvents.ts'
import type { DocumentStore } from '../store/store.ts'
import { type Applied, applyProposal, bracketProposal, type Carried, locate, ProposalConflict, quoteAt } from './applyProposal.ts'
import { filterProposals, placeProposals, unplaced } from './placeProposals.ts'
import type { DecisionStatus, ProposalStore, StoredProposal } from './proposalStore.ts'

/** The comment threads of a document, which a bracketing may carry to the alternative holding their text. */
export interface AnchoredThreads {
  threads(documentId: string): Promise<ReadonlyArray<{ id: string; anchor: Anchor }>>
  reanchor(documentId: string, moves: ReadonlyArray<{ id: string; anchor: Anchor }>): Promise<unknown>
}

export interface ProposalServiceDeps {
  proposals: ProposalStore
  events: DocumentEvents
  rooms: Rooms
  store: DocumentStore
  catalogue: () => FrameworkCatalogue
  threads?: AnchoredThreads
  /** Places proposals in the text off the relay's loop; without it, they are placed on the loop. */
  heavy?: HeavyWork
}

/**
 * Stored bytes of a loaded document up to which proposals just changed are placed on the relay's loop (the text read
 * as JSON in a few milliseconds); in a larger or unloaded document they are placed on the worker pool.
 */
const placeOnLoopBytes = 512 * 1024

/** Proposals, and characters of their texts, a document may hold for its listing to be written on the loop. */
const listOnLoop = { proposals: 100, characters: 256 * 1024 }

const conflictStatus: Record<ProposalConflict['code'], number> = {
  anchor_outdated: 422,
  anchor_unknown: 422,
  anchor_spans_blocks: 422,
  anchor_not_text: 422,
  recommendation_not_found: 422,
  not_bracketable: 422,
}

const notFound = (proposalId: string) => new ApiError(404, 'proposal_not_found', `there is no proposal "${proposalId}" on this document`)

function notOpen(proposal: StoredProposal): ApiError {
  const by = proposal.decision ? ` by ${proposal.decision.by.name}` : ''
  return new ApiError(409, 'proposal_decided', `this proposal is no longer open: it was ${proposal.status}${by}`)
}

/** Whether a listing may be written on the loop, by the size of the document's proposals. */
function fitsOnLoop(size: { proposals: number; characters: number }): boolean {
  return size.proposals <= listOnLoop.proposals && size.characters <= listOnLoop.characters
}

/** A refusal for the member who asked (their share of the pool taken), not for the work itself. */
function isShareTaken(error: unknown): boolean {
  return error instanceof ApiError && error.status === 429 && error.code === 'too_many_jobs'
}

export class ProposalService {
  /** Per proposal, the announcement under way (see `announce`). */
  private readonly announcing = new Map<string, Promise<void>>()
  /** Listings whose task has not begun reading yet, by document and filter: joined by the same listing asked again. */
  private readonly listings = new Map<string, Promise<string>>()

  constructor(private readonly deps: ProposalServiceDeps) {}

  /** The stored proposal, or 404. */
  async get(documentId: string, proposalId: string): Promise<StoredProposal> {
    const proposal = await this.deps.proposals.get(documentId, proposalId)
    if (!proposal) throw notFound(proposalId)
    return proposal
  }

  /**
   * The document's proposals in document order, placed in the current text as `placeStored` places them. For a
   * listing, see `listJson` (the same, written on the worker pool).
   */
  async list(documentId: string, filter: Omit<ProposalFilter, 'revision'> = {}): Promise<Proposal[]> {
    return this.placeStored(documentId, filterProposals(await this.deps.proposals.list(documentId), filter))
  }

  /**
   * The listing's JSON (`ProposalList`). Of a small loaded document with few proposals, written at once on the loop;
   * otherwise read, placed and written on the worker pool, counted against `memberId`, so that a large document or a
   * thousand long proposals never hold the relay's loop. Asked again for the same listing before its task has begun
   * reading (a meeting's pages opening the document at once), the one task answers them all.
   */
  async listJson(documentId: string, filter: Omit<ProposalFilter, 'revision'>, memberId: number): Promise<string> {
    const heavy = this.deps.heavy
    // A small loaded document with few proposals, the listing of an ordinary meeting: at once, on the loop.
    if (!heavy || (this.smallLoaded(documentId) && fitsOnLoop(await this.deps.proposals.size(documentId)))) {
      const stored = filterProposals(await this.deps.proposals.list(documentId), filter)
      return JSON.stringify({ documentId, revision: null, proposals: await this.placeOnLoop(documentId, stored) })
    }
    const key = JSON.stringify([documentId, filter.status ?? null, filter.delegation ?? null])
    const waiting = this.listings.get(key)
    // Joined; refused there for the member who began it (their share of the pool taken), asked again as one's own.
    if (waiting) return waiting.catch((error) => (isShareTaken(error) ? this.listJson(documentId, filter, memberId) : Promise.reject(error)))
    const stopJoining = () => {
      if (this.listings.get(key) === listing) this.listings.delete(key)
    }
    const listing: Promise<string> = heavy
      .listProposals(documentId, filter, () => this.deps.proposals.list(documentId), memberId, stopJoining)
      .then(({ body }) => body)
    this.listings.set(key, listing)
    listing.then(stopJoining, stopJoining)
    return listing
  }

  /** Every proposal of the document as stored (for the compilation, placed by the pool in the text it compiles). */
  stored(documentId: string): Promise<StoredProposal[]> {
    return this.deps.proposals.list(documentId)
  }

  /** The proposals accepted after `after` and until `until` (ms), as a comparison names them. */
  async acceptedBetween(documentId: string, after: number, until: number): Promise<AcceptedChange[]> {
    return (await this.deps.proposals.list(documentId))
      .filter((proposal) => proposal.status === 'accepted' && proposal.decision !== null && proposal.decision.at > after && proposal.decision.at <= until)
      .map((proposal) => ({
        kind: proposal.kind,
        delegation: proposal.proposer.delegation,
        quote: proposal.quote,
        text: proposal.applied?.text ?? proposal.text ?? '',
        recommendationId: proposal.recommendationId,
      }))
  }

  /** The proposals open when a revision was cut, or null when none were recorded. */
  forRevision(revisionId: number): Promise<Proposal[] | null> {
    return this.deps.proposals.forRevision(revisionId)
  }

  /**
   * Records the proposals open now, placed, with a revision just cut. The record is for good: when the pool fails
   * them, they are placed on the loop (a co-facilitator's cut, of a text the pool has just read whole to cut it).
   */
  async recordForRevision(documentId: string, revisionId: number): Promise<void> {
    const open = filterProposals(await this.deps.proposals.list(documentId), { status: 'open' })
    let placed: Proposal[]
    try {
      placed = this.deps.heavy && !this.smallLoaded(documentId) ? await this.deps.heavy.placeProposals(documentId, open) : await this.placeOnLoop(documentId, open)
    } catch (error) {
      log.warn('proposals.revision_placed_on_loop', { document: documentId, error })
      placed = await this.placeOnLoop(documentId, open)
    }
    await this.deps.proposals.recordForRevision(revisionId, placed)
  }

  async create(documentId: string, member: Member, payload: CreateProposal): Promise<Proposal> {
    const refs = 'refs' in payload ? payload.refs : null
    if (refs) this.checkRefs(refs)
    const delegation = speakingFor(member)
    const anchor = 'anchor' in payload ? payload.anchor : null
    const recommendationId = 'recommendationId' in payload ? payload.recommendationId : null
    const quote = await readCurrentDoc(this.deps.rooms, this.deps.store, documentId, (doc) => {
      const fragment = doc.getXmlFragment(contentField)
      try {
        const target = locate(doc, fragment, { kind: payload.kind, anchor, recommendationId })
        return quoteAt(fragment, target)
      } catch (error) {
        if (error instanceof ProposalConflict) throw new ApiError(conflictStatus[error.code], error.code, error.message)
        throw error
      }
    })
    const stored = await this.deps.proposals.create({
        documentId,
        kind: payload.kind,
        anchor: anchor ? { ...anchor, quote } : null,
        quote,
        text: 'text' in payload ? payload.text : null,
        refs,
        recommendationId,
        explanation: payload.explanation || null,
        proposerId: member.id,
        delegation,
      })
    return this.announce(documentId, stored.id, 'created')
  }

  async edit(documentId: string, proposalId: string, change: EditProposal): Promise<Proposal> {
    const proposal = await this.get(documentId, proposalId)
    if (change.text !== undefined && (proposal.kind === 'delete' || proposal.kind === 'relink')) {
      throw new ApiError(422, 'text_not_applicable', `a ${proposal.kind} proposal has no text to edit`)
    }
    if (change.refs !== undefined && proposal.kind !== 'recommendation' && proposal.kind !== 'relink') {
      throw new ApiError(422, 'refs_not_applicable', `a ${proposal.kind} proposal has no links to edit`)
    }
    if (change.refs) this.checkRefs(change.refs)
    if (!(await this.deps.proposals.edit(documentId, proposalId, change))) throw notOpen(await this.get(documentId, proposalId))
    return this.changed(documentId, proposalId, 'edited')
  }

  async takeStance(documentId: string, proposalId: string, member: Member, stance: TakeStance): Promise<Proposal> {
    const proposal = await this.get(documentId, proposalId)
    if (proposal.status !== 'open') throw notOpen(proposal)
    const taken = await this.deps.proposals.takeStance(proposalId, speakingFor(member), stance.stance, stance.reason || null, member.id, stance.updatedAt)
    if (taken === 'changed') {
      throw new ApiError(409, 'proposal_changed', 'this proposal was edited since you read it: read its new wording, then take your stance again')
    }
    if (taken === 'closed') throw notOpen(await this.get(documentId, proposalId))
    return this.changed(documentId, proposalId, 'stance')
  }

  withdraw(documentId: string, proposalId: string, member: Member): Promise<Proposal> {
    return this.settle(documentId, proposalId, { status: 'withdrawn', by: member.id, reason: null, creditedTo: null }, 'withdrawn')
  }

  reject(documentId: string, proposalId: string, member: Member, reason: string): Promise<Proposal> {
    return this.settle(documentId, proposalId, { status: 'rejected', by: member.id, reason, creditedTo: null }, 'rejected')
  }

  /** Applies the proposal to the text through the room, credited to the proposer; of two at once, one wins and the other gets 409. */
  accept(documentId: string, proposalId: string, member: Member, note: string | null): Promise<Proposal> {
    return this.changeText(documentId, proposalId, member, note, 'accepted', applyProposal)
  }

  /** Puts the proposal into the text as a bracketed alternative. */
  bracket(documentId: string, proposalId: string, member: Member, note: string | null): Promise<Proposal> {
    return this.changeText(documentId, proposalId, member, note, 'bracketed', bracketProposal)
  }

  private async changeText(
    documentId: string,
    proposalId: string,
    member: Member,
    note: string | null,
    status: Extract<DecisionStatus, 'accepted' | 'bracketed'>,
    change: typeof bracketProposal,
  ): Promise<Proposal> {
    const found = await this.get(documentId, proposalId)
    if (found.status !== 'open') throw notOpen(found)
    if (found.refs) this.checkRefs(found.refs)
    const creditedTo = status === 'accepted' ? found.proposer.delegation : null
    // The claim comes first: the one decision that finds the proposal open goes on to change the text.
    if (!(await this.deps.proposals.claimDecision(documentId, proposalId, { status, by: member.id, reason: note, creditedTo }))) {
      throw notOpen(await this.get(documentId, proposalId))
    }
    let applied: Applied | null = null
    const moved: Carried[] = []
    try {
      // Read again under the claim: an edit made between the first read and the claim (on another instance) is what is
      // carried out; none can follow the claim.
      const proposal = await this.get(documentId, proposalId)
      if (proposal.refs) this.checkRefs(proposal.refs)
      // What else is anchored in the text: a paragraph that becomes alternatives carries it into Alt 1 (bracketProposal).
      const carried = status === 'bracketed' ? await this.anchoredElsewhere(documentId, proposalId) : []
      // Stored under the proposer: the audit credits the change to the proposing delegation.
      await this.deps.rooms.change(documentId, { member: proposal.proposer.member, decidedBy: member, reason: 'proposal' }, (doc) => {
        applied = change(doc, doc.getXmlFragment(contentField), { ...proposal, delegation: proposal.proposer.delegation }, carried, moved)
      })
    } catch (error) {
      await this.deps.proposals.releaseDecision(proposalId, status)
      if (error instanceof ProposalConflict) {
        const message = status === 'accepted' && error.code === 'anchor_outdated' ? `${error.message}: it can still be bracketed or rejected` : error.message
        throw new ApiError(409, error.code === 'anchor_outdated' ? 'proposal_outdated' : error.code, message)
      }
      if (error instanceof RoomUnavailable) throw new ApiError(503, 'document_unavailable', `${error.message}; try again later`)
      throw error
    }
    if (applied) await this.deps.proposals.recordApplied(proposalId, applied)
    await this.carry(documentId, moved)
    return this.changed(documentId, proposalId, status)
  }

  /** The anchors of the document's other open proposals and of its comment threads, keyed by what holds them. */
  private async anchoredElsewhere(documentId: string, proposalId: string): Promise<Carried[]> {
    const proposals = (await this.deps.proposals.list(documentId))
      .filter((other) => other.id !== proposalId && other.status === 'open' && other.anchor)
      .map((other) => ({ key: `proposal:${other.id}`, anchor: other.anchor! }))
    const threads = ((await this.deps.threads?.threads(documentId)) ?? []).map((thread) => ({ key: `thread:${thread.id}`, anchor: thread.anchor }))
    return [...proposals, ...threads]
  }

  /** Stores the anchors a bracketing carried, and tells the document's viewers. */
  private async carry(documentId: string, moved: readonly Carried[]): Promise<void> {
    const threads: Array<{ id: string; anchor: Anchor }> = []
    for (const { key, anchor } of moved) {
      const [kind, id] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)]
      if (kind === 'thread') threads.push({ id, anchor })
      else if (await this.deps.proposals.reanchor(documentId, id, anchor)) await this.changed(documentId, id, 'edited')
    }
    if (threads.length > 0) await this.deps.threads?.reanchor(documentId, threads)
  }

  private async settle(
    documentId: string,
    proposalId: string,
    decision: { status: DecisionStatus; by: number; reason: string | null; creditedTo: string | null },
    change: ProposalChangeName,
  ): Promise<Proposal> {
    const proposal = await this.get(documentId, proposalId)
    if (proposal.status !== 'open') throw notOpen(proposal)
    if (!(await this.deps.proposals.claimDecision(documentId, proposalId, decision))) throw notOpen(await this.get(documentId, proposalId))
    return this.changed(documentId, proposalId, change)
  }

  /** Every ref must name an element the catalogue knows and has not retired. */
  private checkRefs(refs: readonly string[]): void {
    const catalogue = this.deps.catalogue()
    const unknown = refs.filter((ref) => resolveRef(catalogue, ref).status === 'unknown')
    if (unknown.length > 0) {
      throw new ApiError(422, 'unknown_ref', `refs: ${unknown.map((ref) => `"${ref}"`).join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not in the framework catalogue`, { refs: unknown })
    }
    const retired = refs.filter((ref) => resolveRef(catalogue, ref).status === 'retired')
    if (retired.length > 0) {
      throw new ApiError(422, 'retired_ref', `refs: ${retired.map((ref) => `"${ref}"`).join(', ')} ${retired.length === 1 ? 'has' : 'have'} been retired from the framework catalogue`, { refs: retired })
    }
  }

  private changed(documentId: string, proposalId: string, change: ProposalChangeName): Promise<Proposal> {
    return this.announce(documentId, proposalId, change)
  }

  /**
   * Announces a stored change of a proposal and answers with the proposal as it is now. The announcements of one
   * proposal go one after the other, each reading the proposal again when its turn comes: one placed on the pool never
   * overtakes, stale, a later one placed sooner, and the last announced is always the proposal as stored.
   */
  private announce(documentId: string, proposalId: string, change: ProposalChangeName): Promise<Proposal> {
    const work = async () => {
      const [proposal] = await this.placeStored(documentId, [await this.get(documentId, proposalId)])
      this.publish(change, proposal)
      return proposal
    }
    const next = (this.announcing.get(proposalId) ?? Promise.resolve()).then(work, work)
    const settled = next.then(
      () => {},
      () => {},
    )
    this.announcing.set(proposalId, settled)
    void settled.then(() => {
      if (this.announcing.get(proposalId) === settled) this.announcing.delete(proposalId)
    })
    return next
  }

  /**
   * Proposals whose change is stored, placed in the current text: on the loop in a small loaded document, else on the
   * worker pool, ahead of the exports waiting there. Never refused for want of a place: should the pool fail them
   * (full, closing, timed out, a thread lost), they are answered unplaced, as proposals in a text that cannot be read
   * are, and placed with the next listing; the heavy work is never done on the loop instead.
   */
  private async placeStored(documentId: string, proposals: readonly StoredProposal[]): Promise<Proposal[]> {
    const heavy = this.deps.heavy
    if (!heavy || this.smallLoaded(documentId)) return this.placeOnLoop(documentId, proposals)
    try {
      return await heavy.placeProposals(documentId, [...proposals])
    } catch (error) {
      log.warn('proposals.not_placed', { document: documentId, proposals: proposals.length, error })
      return proposals.map(unplaced)
    }
  }


  /** Whether the document is loaded here and small enough to be read as JSON on the loop. */
  private smallLoaded(documentId: string): boolean {
    const room = this.deps.rooms.loaded(documentId)
    return room !== undefined && room.storedBytes <= placeOnLoopBytes
  }

  private publish(change: ProposalChangeName, proposal: Proposal): void {
    this.deps.events.publish(proposal.documentId, proposalEventName, { change, proposal })
  }

  private async placeOnLoop(documentId: string, proposals: readonly StoredProposal[]): Promise<Proposal[]> {
    const readDraft = await draftReader()
    return readCurrentDoc(this.deps.rooms, this.deps.store, documentId, (doc) => {
      const draft = readDraft(doc)
      return placeProposals(doc, draft.ok ? draft.json : null, proposals, this.deps.catalogue())
    })
  }
}
