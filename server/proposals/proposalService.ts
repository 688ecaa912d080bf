/**
 * Proposals of documents: made, edited, supported or objected to, withdrawn and decided; each change stored first,
 * then pushed to the document's viewers as a `proposal` event. Accepting and bracketing edit the text through the
 * room (stored, then relayed), credited to the proposing delegation.
 */
import * as Y from 'yjs'
import { resolveAnchor } from '../../shared/anchor/placeAnchor.ts'
import type { Anchor } from '../../shared/schema/comments.ts'
import type { AcceptedChange } from '../../shared/compare/proposalCredits.ts'
import { blockAt } from '../../shared/anchor/placeAnchor.ts'
import { ApiError } from '../../shared/errors/apiError.ts'
import type { FrameworkCatalogue } from '../../shared/framework/element.ts'
import { resolveRef } from '../../shared/framework/lookup.ts'
import type { DraftBlock, DraftModel } from '../../shared/model/draftModel.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import { contentField } from '../../shared/schema/contentField.ts'
import type { Member } from '../../shared/schema/member.ts'
import {
  type CreateProposal,
  type EditProposal,
  type Proposal,
  type ProposalChange as ProposalChangeName,
  proposalEventName,
  type ProposalFilter,
  type ProposalPlace,
  speakingFor,
  type TakeStance,
} from '../../shared/schema/proposals.ts'
import { RoomUnavailable, type Rooms } from '../collab/rooms.ts'
import { readCurrentDoc } from '../documents/currentDoc.ts'
import { yProseMirror } from '../documents/editorModules.ts'
import type { DocumentEvents } from '../documents/documentEvents.ts'
import type { DocumentStore } from '../store/store.ts'
import { type Applied, applyProposal, bracketProposal, type Carried, locate, plainOf, ProposalConflict, quoteAt } from './applyProposal.ts'
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
}

/** The current text as the proposals are placed in it. */
interface TextView {
  doc: Y.Doc
  fragment: Y.XmlFragment
  /** The text as the editor's JSON; null when it holds content outside the editor's schema. */
  json: DraftDocJson | null
  model: DraftModel
  order: Map<DraftBlock, number>
}

const conflictStatus: Record<ProposalConflict['code'], number> = {
  anchor_outdated: 422,
  anchor_unknown: 422,
  anchor_spans_blocks: 422,
  anchor_not_text: 422,
  recommendation_not_found: 422,
  not_bracketable: 422,
}

function placeOf(view: TextView, block: DraftBlock | null): ProposalPlace | null {
  if (!block) return null
  const order = view.order.get(block) ?? 0
  if (block.kind === 'heading') return { order, blockKind: 'heading', number: null, label: 'heading', recommendationId: null }
  if (block.kind === 'paragraph') return { order, blockKind: 'paragraph', number: block.number, label: `para. ${block.number}`, recommendationId: null }
  return { order, blockKind: 'recommendation', number: block.number, label: `R${block.number}`, recommendationId: block.id }
}

/** `yXmlFragmentToProsemirrorJSON` of y-tiptap. */
type FragmentToJson = (fragment: Y.XmlFragment) => unknown

function readView(doc: Y.Doc, catalogue: FrameworkCatalogue, toJson: FragmentToJson): TextView {
  const fragment = doc.getXmlFragment(contentField)
  let model: DraftModel = { blocks: [] }
  let json: DraftDocJson | null = null
  try {
    json = toJson(fragment) as DraftDocJson
    model = toDraftModel(json, catalogue)
  } catch {
    // Content written outside the editor's schema: the proposals are still all listed, only not placed.
    json = null
  }
  return { doc, fragment, json, model, order: new Map(model.blocks.map((block, index) => [block, index])) }
}

/** Where a proposal is now, and whether the text it was made on is gone (only an open proposal is outdated). */
function placement(view: TextView, proposal: StoredProposal): { outdated: boolean; place: ProposalPlace | null } {
  if (proposal.kind === 'relink' && !proposal.applied) {
    const block = view.model.blocks.find((candidate) => candidate.kind === 'recommendation' && candidate.id === proposal.recommendationId) ?? null
    return { outdated: proposal.status === 'open' && block === null, place: placeOf(view, block) }
  }
  const anchor = proposal.applied
    ? { start: proposal.applied.start, end: proposal.applied.end, quote: '' }
    : proposal.anchor && (proposal.kind === 'insert' || proposal.kind === 'paragraph' || proposal.kind === 'recommendation')
      ? { ...proposal.anchor, quote: '' }
      : proposal.anchor
  if (!anchor) return { outdated: proposal.status === 'open', place: null }
  const resolved = resolveAnchor(view.doc, view.fragment, anchor)
  if (resolved.kind !== 'attached') return { outdated: proposal.status === 'open', place: null }
  const place = placeOf(view, blockAt(view.model, resolved.start.path))
  // An open replacement or deletion whose passage reads differently now is outdated where it stands: accepting it
  // would overwrite what was typed or accepted there since.
  const changes = proposal.status === 'open' && !proposal.applied && (proposal.kind === 'replace' || proposal.kind === 'delete')
  const passage = changes ? passageNow(resolved) : null
  return { outdated: passage !== null && passage !== proposal.quote, place }
}

/** The passage between an attached anchor's ends when both are in one text, as `quoteAt` reads it; else null. */
function passageNow(resolved: Extract<ReturnType<typeof resolveAnchor>, { kind: 'attached' }>): string | null {
  const { start, end } = resolved
  if (!(start.type instanceof Y.XmlText) || start.type !== end.type || start.index > end.index) return null
  return plainOf(start.type).slice(start.index, end.index).replaceAll('\0', '')
}

function served(view: TextView, proposal: StoredProposal): Proposal {
  const { applied: _applied, ...rest } = proposal
  return { ...rest, ...placement(view, proposal) }
}

/** Document order: by block, then oldest first; outdated and unplaced ones last. */
function inDocumentOrder(a: Proposal, b: Proposal): number {
  const orderA = a.place?.order ?? Number.MAX_SAFE_INTEGER
  const orderB = b.place?.order ?? Number.MAX_SAFE_INTEGER
  return orderA - orderB || a.createdAt - b.createdAt || a.id.localeCompare(b.id)
}

const notFound = (proposalId: string) => new ApiError(404, 'proposal_not_found', `there is no proposal "${proposalId}" on this document`)

function notOpen(proposal: StoredProposal): ApiError {
  const by = proposal.decision ? ` by ${proposal.decision.by.name}` : ''
  return new ApiError(409, 'proposal_decided', `this proposal is no longer open: it was ${proposal.status}${by}`)
}

export class ProposalService {
  constructor(private readonly deps: ProposalServiceDeps) {}

  /** The stored proposal, or 404. */
  async get(documentId: string, proposalId: string): Promise<StoredProposal> {
    const proposal = await this.deps.proposals.get(documentId, proposalId)
    if (!proposal) throw notFound(proposalId)
    return proposal
  }

  /** The document's proposals in document order, placed in the current text. */
  async list(documentId: string, filter: Omit<ProposalFilter, 'revision'> = {}): Promise<Proposal[]> {
    const all = await this.deps.proposals.list(documentId)
    return this.read(documentId, (view) => {
      const stored = all.filter(
        (proposal) => (!filter.status || proposal.status === filter.status) && (!filter.delegation || proposal.proposer.delegation === filter.delegation),
      )
      return stored.map((proposal) => served(view, proposal)).sort(inDocumentOrder)
    })
  }

  /**
   * What the compilation of proposals on the current text is made from: the text as the editor's JSON and every
   * proposal placed in it, read together, so that each proposal's block is a block of that text. 409 when the text
   * holds content outside the editor's schema.
   */
  async compilationSource(documentId: string): Promise<{ content: DraftDocJson; proposals: Proposal[] }> {
    const all = await this.deps.proposals.list(documentId)
    return this.read(documentId, (view) => {
      if (!view.json) throw new ApiError(409, 'document_unreadable', 'the document holds content outside the editor; it cannot be compiled')
      return { content: view.json, proposals: all.map((proposal) => served(view, proposal)).sort(inDocumentOrder) }
    })
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

  /** Records the proposals open now with a revision just cut. */
  async recordForRevision(documentId: string, revisionId: number): Promise<void> {
    await this.deps.proposals.recordForRevision(revisionId, await this.list(documentId, { status: 'open' }))
  }

  async create(documentId: string, member: Member, payload: CreateProposal): Promise<Proposal> {
    const refs = 'refs' in payload ? payload.refs : null
    if (refs) this.checkRefs(refs)
    const delegation = speakingFor(member)
    const anchor = 'anchor' in payload ? payload.anchor : null
    const recommendationId = 'recommendationId' in payload ? payload.recommendationId : null
    const quote = await this.read(documentId, (view) => {
      try {
        const target = locate(view.doc, view.fragment, { kind: payload.kind, anchor, recommendationId })
        return quoteAt(view.fragment, target)
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
    const created = await this.read(documentId, (view) => served(view, stored))
    this.publish('created', created)
    return created
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

  private async changed(documentId: string, proposalId: string, change: ProposalChangeName): Promise<Proposal> {
    const stored = await this.get(documentId, proposalId)
    const proposal = await this.read(documentId, (view) => served(view, stored))
    this.publish(change, proposal)
    return proposal
  }

  private publish(change: ProposalChangeName, proposal: Proposal): void {
    this.deps.events.publish(proposal.documentId, proposalEventName, { change, proposal })
  }

  private async read<T>(documentId: string, read: (view: TextView) => T): Promise<T> {
    const { yXmlFragmentToProsemirrorJSON } = await yProseMirror()
    return readCurrentDoc(this.deps.rooms, this.deps.store, documentId, (doc) => read(readView(doc, this.deps.catalogue(), yXmlFragmentToProsemirrorJSON)))
  }
}
