/**
 * Where proposals stand in a document's current text: each one's block (its kind, number and order) and whether it is
 * outdated, read from the Y.Doc. Pure over the document; run on the worker pool for a listing or a compilation, and on
 * the relay's loop only for one proposal in a small loaded document (ProposalService).
 */
import * as Y from 'yjs'
import { blockAt, resolveAnchor } from '../../shared/anchor/placeAnchor.ts'
import type { FrameworkCatalogue } from '../../shared/framework/element.ts'
import type { DraftBlock, DraftModel } from '../../shared/model/draftModel.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { contentField } from '../../shared/schema/contentField.ts'
import { type DraftDocJson, exceedsDepth } from '../../shared/schema/draftJson.ts'
import type { Proposal, ProposalFilter, ProposalPlace } from '../../shared/schema/proposals.ts'
import { plainOf } from './applyProposal.ts'
import type { StoredProposal } from './proposalStore.ts'

/** The current text as the proposals are placed in it. */
interface TextView {
  doc: Y.Doc
  fragment: Y.XmlFragment
  model: DraftModel
  order: Map<DraftBlock, number>
}

/** The view of `doc` whose editor JSON is `json` (null: content outside the editor's schema, nothing is placed). */
function readView(doc: Y.Doc, json: DraftDocJson | null, catalogue: FrameworkCatalogue): TextView {
  let model: DraftModel = { blocks: [] }
  // Nested past any real text: listed, not placed (walking it would cost far more than it could show).
  if (json && !exceedsDepth(json)) {
    try {
      model = toDraftModel(json, catalogue)
    } catch {
      // Content the model cannot read: the proposals are still all listed, only not placed.
    }
  }
  return { doc, fragment: doc.getXmlFragment(contentField), model, order: new Map(model.blocks.map((block, index) => [block, index])) }
}

function placeOf(view: TextView, block: DraftBlock | null): ProposalPlace | null {
  if (!block) return null
  const order = view.order.get(block) ?? 0
  if (block.kind === 'heading') return { order, blockKind: 'heading', number: null, label: 'heading', recommendationId: null }
  if (block.kind === 'paragraph') return { order, blockKind: 'paragraph', number: block.number, label: `para. ${block.number}`, recommendationId: null }
  return { order, blockKind: 'recommendation', number: block.number, label: `R${block.number}`, recommendationId: block.id }
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

/**
 * A proposal answered before the text could be read for it (the pool busy): its place and whether it is outdated are
 * unknown (`placeUnknown`), and a page keeps those it had; the next listing places it.
 */
export function unplaced(proposal: StoredProposal): Proposal {
  const { applied: _applied, ...rest } = proposal
  return { ...rest, place: null, outdated: false, placeUnknown: true }
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

/** The proposals that pass a listing's filter (status, delegation). */
export function filterProposals<T extends Pick<Proposal, 'status' | 'proposer'>>(proposals: readonly T[], filter: Omit<ProposalFilter, 'revision'>): T[] {
  return proposals.filter((proposal) => (!filter.status || proposal.status === filter.status) && (!filter.delegation || proposal.proposer.delegation === filter.delegation))
}

/**
 * The proposals placed in the document's current text, in document order. `json`: the text as the editor's JSON
 * (readDraft), null when it holds content outside the editor's schema: the proposals are then listed unplaced.
 */
export function placeProposals(doc: Y.Doc, json: DraftDocJson | null, proposals: readonly StoredProposal[], catalogue: FrameworkCatalogue): Proposal[] {
  const view = readView(doc, json, catalogue)
  return proposals.map((proposal) => served(view, proposal)).sort(inDocumentOrder)
}
