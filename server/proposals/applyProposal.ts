/**
 * Proposals over a Y.Doc (pure, no I/O): where a proposal's change would go, the text it was made on, and carrying it
 * out as an edit (accept) or as a bracketed alternative (bracket). Every check is made before anything changes, so a
 * refused change leaves the document as it was.
 */
import { fromBase64, toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { resolveAnchor, type ResolvedEnd } from '../../shared/anchor/placeAnchor.ts'
import type { Anchor } from '../../shared/schema/comments.ts'
import { alternativeNodeName, alternativesNodeName, bracketMarkName } from '../../shared/schema/negotiationText.ts'
import type { ProposalKind } from '../../shared/schema/proposals.ts'

/** What a proposal says about where and what, as stored. */
export interface ProposalChange {
  id: string
  kind: ProposalKind
  anchor: Anchor | null
  text: string | null
  refs: string[] | null
  recommendationId: string | null
  /** The proposing delegation, for the attribution of a bracketed alternative. */
  delegation: string
}

/** Why a proposal cannot be carried out here: its code and a message naming the problem. */
export class ProposalConflict extends Error {
  constructor(
    readonly code: 'anchor_outdated' | 'anchor_unknown' | 'anchor_spans_blocks' | 'anchor_not_text' | 'recommendation_not_found' | 'not_bracketable',
    message: string,
  ) {
    super(message)
    this.name = 'ProposalConflict'
  }
}

export type Target =
  /** replace, insert, delete: a range of one textblock's text. */
  | { kind: 'text'; text: Y.XmlText; from: number; to: number }
  /** paragraph, recommendation: a new block at `index` of the fragment, after the top-level block the anchor is in. */
  | { kind: 'after'; index: number }
  /** relink: the recommendation element. */
  | { kind: 'recommendation'; element: Y.XmlElement }

/** Where the applied change is, as an anchor's positions, and the text it put there. */
export interface Applied {
  start: string
  end: string
  text: string
}

type Attributes = Record<string, unknown>

/** The plain text of a textblock's XmlText (embeds count as one character, as in Yjs indices). */
export function plainOf(text: Y.XmlText): string {
  return (text.toDelta() as { insert: unknown }[]).map((op) => (typeof op.insert === 'string' ? op.insert : '\ufffc')).join('')
}

function textAnchorEnds(start: ResolvedEnd, end: ResolvedEnd, point: boolean): { text: Y.XmlText; from: number; to: number } {
  if (!(start.type instanceof Y.XmlText) || !(end.type instanceof Y.XmlText)) {
    throw new ProposalConflict('anchor_not_text', 'the anchor must point into the text of a paragraph, heading or recommendation')
  }
  if (start.type !== end.type) {
    throw new ProposalConflict('anchor_spans_blocks', 'the passage must lie within one paragraph: propose a change per paragraph')
  }
  if (!point && start.index >= end.index) throw new ProposalConflict('anchor_outdated', 'the passage this proposal was made on is no longer in the text')
  return { text: start.type, from: start.index, to: point ? start.index : end.index }
}

/** Finds the recommendation element with this id anywhere in the fragment. */
export function findRecommendation(fragment: Y.XmlFragment, id: string): Y.XmlElement | null {
  for (const element of fragment.createTreeWalker((node) => node instanceof Y.XmlElement && node.nodeName === 'recommendation')) {
    if ((element as Y.XmlElement).getAttribute('id') === id) return element as Y.XmlElement
  }
  return null
}

/** Where the proposal's change goes in the document now; throws ProposalConflict when it cannot go anywhere. */
export function locate(doc: Y.Doc, fragment: Y.XmlFragment, proposal: Pick<ProposalChange, 'kind' | 'anchor' | 'recommendationId'>): Target {
  if (proposal.kind === 'relink') {
    const element = proposal.recommendationId ? findRecommendation(fragment, proposal.recommendationId) : null
    if (!element) throw new ProposalConflict('recommendation_not_found', `there is no recommendation "${proposal.recommendationId}" in the text`)
    return { kind: 'recommendation', element }
  }
  if (!proposal.anchor) throw new ProposalConflict('anchor_outdated', 'the proposal has no anchor')
  const point = proposal.kind === 'insert' || proposal.kind === 'paragraph' || proposal.kind === 'recommendation'
  const resolved = resolveAnchor(doc, fragment, point ? { ...proposal.anchor, quote: '' } : proposal.anchor)
  if (resolved.kind === 'pending') throw new ProposalConflict('anchor_unknown', 'the anchor names text the server does not have: reload the document and select the passage again')
  if (resolved.kind === 'detached') throw new ProposalConflict('anchor_outdated', 'the text this proposal was made on is no longer in the document')
  if (proposal.kind === 'paragraph' || proposal.kind === 'recommendation') {
    const top = resolved.start.path[0]
    if (top === undefined) return { kind: 'after', index: fragment.length }
    return { kind: 'after', index: top + 1 }
  }
  return { kind: 'text', ...textAnchorEnds(resolved.start, resolved.end, proposal.kind === 'insert') }
}

/**
 * Whether the passage a replacement or deletion was made on still reads as it did (the anchor's quote, as the server
 * took it when the proposal was made): text typed inside it since, or another change accepted over part of it, would
 * otherwise be overwritten by a change nobody saw made on that text.
 */
export function passageChanged(fragment: Y.XmlFragment, target: Target, proposal: Pick<ProposalChange, 'kind' | 'anchor'>): boolean {
  if (target.kind !== 'text' || (proposal.kind !== 'replace' && proposal.kind !== 'delete') || !proposal.anchor) return false
  return quoteAt(fragment, target) !== proposal.anchor.quote.replaceAll('\0', '')
}

/** `locate`, for a stored proposal about to be carried out: a passage that changed since counts as outdated. */
function locateAsMade(doc: Y.Doc, fragment: Y.XmlFragment, proposal: ProposalChange): Target {
  const target = locate(doc, fragment, proposal)
  if (passageChanged(fragment, target, proposal)) {
    throw new ProposalConflict('anchor_outdated', 'the passage this proposal was made on has changed since it was made')
  }
  return target
}

/**
 * The text a located proposal was made on: the passage, or the block after which it goes, or the recommendation's
 * text; without NUL characters, which a client may have put in the text and which no store of text takes everywhere.
 */
export function quoteAt(fragment: Y.XmlFragment, target: Target): string {
  return quotedText(fragment, target).replaceAll('\0', '')
}

function quotedText(fragment: Y.XmlFragment, target: Target): string {
  if (target.kind === 'text') return plainOf(target.text).slice(target.from, target.to)
  const element = target.kind === 'recommendation' ? target.element : fragment.get(target.index - 1)
  return element instanceof Y.XmlElement || element instanceof Y.XmlText ? textOfNode(element) : ''
}

function textOfNode(node: Y.XmlElement | Y.XmlText): string {
  if (node instanceof Y.XmlText) return plainOf(node)
  return node
    .toArray()
    .filter((child): child is Y.XmlElement | Y.XmlText => child instanceof Y.XmlElement || child instanceof Y.XmlText)
    .map(textOfNode)
    .filter((text) => text !== '')
    .join('\n')
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const encode = (type: Y.AbstractType<any>, index: number, assoc = 0) =>
  toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(type, index, assoc)))

/** The positions around `length` characters at `index` of `text` (a point when empty). */
function spanOf(text: Y.XmlText, index: number, length: number): Pick<Applied, 'start' | 'end'> {
  return { start: encode(text, index), end: length === 0 ? encode(text, index) : encode(text, index + length, -1) }
}

/** A new block element (paragraph, or recommendation holding one) at `index`, its text set; returns its text. */
function insertBlock(
  fragment: Y.XmlFragment | Y.XmlElement,
  index: number,
  kind: 'paragraph' | 'recommendation',
  text: string,
  options: { refs?: string[]; id?: string; attributes?: Attributes } = {},
): Y.XmlText {
  const paragraph = new Y.XmlElement('paragraph')
  if (kind === 'recommendation') {
    const recommendation = new Y.XmlElement('recommendation')
    fragment.insert(index, [recommendation])
    recommendation.setAttribute('id', options.id ?? crypto.randomUUID())
    recommendation.setAttribute('refs', (options.refs ?? []) as unknown as string)
    recommendation.insert(0, [paragraph])
  } else {
    fragment.insert(index, [paragraph])
  }
  const content = new Y.XmlText()
  paragraph.insert(0, [content])
  content.insert(0, text, options.attributes ?? {})
  return content
}

/** Accepts: makes the change in the document (call inside one transaction); returns where it went. */
export function applyProposal(doc: Y.Doc, fragment: Y.XmlFragment, proposal: ProposalChange): Applied {
  const target = locateAsMade(doc, fragment, proposal)
  const text = proposal.text ?? ''
  if (target.kind === 'recommendation') {
    target.element.setAttribute('refs', (proposal.refs ?? []) as unknown as string)
    return { start: encode(target.element, 0), end: encode(target.element, 0), text: (proposal.refs ?? []).join(' ') }
  }
  if (target.kind === 'after') {
    const content = insertBlock(fragment, target.index, proposal.kind === 'recommendation' ? 'recommendation' : 'paragraph', text, { refs: proposal.refs ?? [] })
    return { ...spanOf(content, 0, text.length), text }
  }
  const { text: xmlText, from, to } = target
  if (to > from) xmlText.delete(from, to - from)
  if (proposal.kind === 'delete') return { ...spanOf(xmlText, from, 0), text: '' }
  // Without attributes, Yjs gives inserted text the formatting around it (bold stays bold).
  xmlText.insert(from, text)
  return { ...spanOf(xmlText, from, text.length), text }
}

function bracketAttributes(proposal: ProposalChange): Attributes {
  return { [bracketMarkName]: { proposers: [proposal.delegation], proposalId: proposal.id } }
}

/** A copy of a paragraph element (its text and formatting) at `index` of `parent`; each text copied, by its source. */
function copyParagraph(parent: Y.XmlElement, index: number, source: Y.XmlElement, copies: Map<Y.XmlText, Y.XmlText>): Y.XmlText | null {
  const paragraph = new Y.XmlElement(source.nodeName)
  parent.insert(index, [paragraph])
  let firstText: Y.XmlText | null = null
  for (const child of source.toArray()) {
    if (!(child instanceof Y.XmlText)) continue
    const copy = new Y.XmlText()
    paragraph.push([copy])
    copy.applyDelta(child.toDelta())
    copies.set(child, copy)
    firstText ??= copy
  }
  return firstText
}

/**
 * A new alternative in `alternatives` holding copies of `paragraphs`, the one holding the passage replaced; `copies`
 * gets each copied text by its source.
 */
function addAlternative(
  alternatives: Y.XmlElement,
  index: number,
  paragraphs: Y.XmlElement[],
  replaced: { paragraph: Y.XmlElement; from: number; to: number; text: string } | null,
  proposers: string[],
  proposalId: string | null,
  copies: Map<Y.XmlText, Y.XmlText> = new Map(),
): Applied | null {
  const alternative = new Y.XmlElement(alternativeNodeName)
  alternatives.insert(index, [alternative])
  alternative.setAttribute('proposers', proposers as unknown as string)
  if (proposalId) alternative.setAttribute('proposalId', proposalId)
  let applied: Applied | null = null
  paragraphs.forEach((paragraph, at) => {
    const text = copyParagraph(alternative, at, paragraph, copies)
    if (replaced && paragraph === replaced.paragraph && text) {
      if (replaced.to > replaced.from) text.delete(replaced.from, replaced.to - replaced.from)
      text.insert(replaced.from, replaced.text)
      applied = { ...spanOf(text, replaced.from, replaced.text.length), text: replaced.text }
    }
  })
  return applied
}

/** Another anchor into the text (another proposal's, a comment thread's) that a bracketing may carry to new text. */
export interface Carried {
  key: string
  anchor: Anchor
}

/**
 * The anchors among `carried` with an end in one of the texts of `copies`, moved to the same place in its copy (the
 * copy holds the same text): a paragraph that gives way to a copy of itself keeps what was anchored in it.
 */
function carryInto(doc: Y.Doc, carried: readonly Carried[], copies: ReadonlyMap<Y.XmlText, Y.XmlText>): Carried[] {
  const moved: Carried[] = []
  for (const { key, anchor } of carried) {
    let changed = false
    const carry = (encoded: string): string => {
      let relative: Y.RelativePosition
      try {
        relative = Y.decodeRelativePosition(fromBase64(encoded))
      } catch {
        return encoded
      }
      const absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc)
      const copy = absolute && absolute.type instanceof Y.XmlText ? copies.get(absolute.type) : undefined
      if (!absolute || !copy) return encoded
      changed = true
      return encode(copy, absolute.index, relative.assoc)
    }
    const start = carry(anchor.start)
    const end = carry(anchor.end)
    if (changed) moved.push({ key, anchor: { ...anchor, start, end } })
  }
  return moved
}

/**
 * Brackets: puts the proposal into the text as contested (call inside one transaction). A replacement in a paragraph
 * becomes alternatives (Alt 1: the text as it stands; Alt 2: the proposal, attributed), or one more alternative when the
 * paragraph already is one; elsewhere the passage and the proposed text stand bracketed side by side. A deletion brackets
 * the passage; an insertion, a new paragraph or a new recommendation goes in bracketed. A change of links cannot be bracketed.
 */
export function bracketProposal(doc: Y.Doc, fragment: Y.XmlFragment, proposal: ProposalChange, carried: readonly Carried[] = [], moved: Carried[] = []): Applied {
  if (proposal.kind === 'relink') {
    throw new ProposalConflict('not_bracketable', 'a change of links cannot be bracketed: accept or reject it')
  }
  const text = proposal.text ?? ''
  let target: Target
  try {
    target = locateAsMade(doc, fragment, proposal)
  } catch (error) {
    if (!(error instanceof ProposalConflict) || error.code !== 'anchor_outdated') throw error
    return bracketOutdated(doc, fragment, proposal, text)
  }
  if (target.kind === 'recommendation') throw new ProposalConflict('not_bracketable', 'a change of links cannot be bracketed: accept or reject it')
  if (target.kind === 'after') {
    const kind = proposal.kind === 'recommendation' ? 'recommendation' : 'paragraph'
    const content = insertBlock(fragment, target.index, kind, text, { refs: proposal.refs ?? [], attributes: bracketAttributes(proposal) })
    return { ...spanOf(content, 0, text.length), text }
  }
  const { text: xmlText, from, to } = target
  if (proposal.kind === 'delete') {
    xmlText.format(from, to - from, bracketAttributes(proposal))
    return { ...spanOf(xmlText, from, to - from), text: plainOf(xmlText).slice(from, to) }
  }
  if (proposal.kind === 'insert') {
    xmlText.insert(from, text, bracketAttributes(proposal))
    return { ...spanOf(xmlText, from, text.length), text }
  }
  const paragraph = xmlText.parent
  const holder = paragraph instanceof Y.XmlElement ? paragraph.parent : null
  if (paragraph instanceof Y.XmlElement && paragraph.nodeName === 'paragraph') {
    const replaced = { paragraph, from, to, text }
    if (holder === fragment) {
      // Alt 1 is the paragraph as it stands, Alt 2 the proposal; the paragraph itself gives way to the block. What else
      // was anchored in it (other proposals, comment threads) moves to Alt 1, which holds the same text (`moved`).
      const index = fragment.toArray().indexOf(paragraph)
      const block = new Y.XmlElement(alternativesNodeName)
      fragment.insert(index, [block])
      const asItStands = new Map<Y.XmlText, Y.XmlText>()
      addAlternative(block, 0, [paragraph], null, [], null, asItStands)
      const applied = addAlternative(block, 1, [paragraph], replaced, [proposal.delegation], proposal.id)
      moved.push(...carryInto(doc, carried, asItStands))
      fragment.delete(index + 1, 1)
      if (applied) return applied
    } else if (holder instanceof Y.XmlElement && holder.nodeName === alternativeNodeName && holder.parent instanceof Y.XmlElement) {
      const block = holder.parent
      const paragraphs = holder.toArray().filter((child): child is Y.XmlElement => child instanceof Y.XmlElement)
      const applied = addAlternative(block, block.length, paragraphs, replaced, [proposal.delegation], proposal.id)
      if (applied) return applied
    }
  }
  // Side by side: "[the passage][the proposal]".
  xmlText.format(from, to - from, { [bracketMarkName]: { proposers: [], proposalId: null } })
  xmlText.insert(to, text, bracketAttributes(proposal))
  return { ...spanOf(xmlText, to, text.length), text }
}

/**
 * An outdated proposal bracketed: its text goes in bracketed where the passage was (its ends met when it was deleted),
 * or, when the block that held it is gone too, as a bracketed paragraph at the end of the text. Never lost.
 */
function bracketOutdated(doc: Y.Doc, fragment: Y.XmlFragment, proposal: ProposalChange, text: string): Applied {
  if (proposal.kind === 'delete') {
    throw new ProposalConflict(
      'anchor_outdated',
      'the passage proposed for deletion is gone from the text or has changed since: reject the proposal, or propose again on the text as it stands',
    )
  }
  const resolved = proposal.anchor ? resolveAnchor(doc, fragment, { ...proposal.anchor, quote: '' }) : null
  if (resolved?.kind === 'attached' && resolved.start.type instanceof Y.XmlText && proposal.kind !== 'paragraph' && proposal.kind !== 'recommendation') {
    const xmlText = resolved.start.type
    xmlText.insert(resolved.start.index, text, bracketAttributes(proposal))
    return { ...spanOf(xmlText, resolved.start.index, text.length), text }
  }
  const kind = proposal.kind === 'recommendation' ? 'recommendation' : 'paragraph'
  const content = insertBlock(fragment, fragment.length, kind, text, { refs: proposal.refs ?? [], attributes: bracketAttributes(proposal) })
  return { ...spanOf(content, 0, text.length), text }
}
