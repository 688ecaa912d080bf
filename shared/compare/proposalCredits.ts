/** Who proposed what a comparison shows changed: accepted proposals matched to the redline's blocks ("inserted on the proposal of Kenya"). */
import type { Comparison, ProposalCredit, RedlineBlock } from './comparison.ts'

/** An accepted proposal as the comparison needs it. */
export interface AcceptedChange {
  kind: 'replace' | 'insert' | 'delete' | 'paragraph' | 'recommendation' | 'relink'
  delegation: string
  /** The text it was made on. */
  quote: string
  /** The text it put into the document. */
  text: string
  recommendationId: string | null
}

const normal = (text: string) => text.replace(/\s+/g, ' ').trim()

/** Whether two texts share a run of words: one holds the other. */
function overlaps(a: string, b: string): boolean {
  const x = normal(a)
  const y = normal(b)
  return x !== '' && y !== '' && (x.includes(y) || y.includes(x))
}

const verbs: Record<ProposalCredit['kind'], string> = {
  replace: 'replaced',
  insert: 'inserted',
  delete: 'deleted',
  paragraph: 'added',
  recommendation: 'added',
  relink: 'links changed',
}

function credit(change: ProposalCredit): string {
  return `${verbs[change.kind]} on the proposal of ${change.delegation}`
}

function segmentsText(block: RedlineBlock, op: 'insert' | 'delete'): string {
  return block.segments.filter((segment) => segment.op === op).map((segment) => segment.text).join(' ')
}

/**
 * Whether `text` accounts for every piece the block inserted (or deleted): a word-level redline splits a replacement
 * into several pieces ("keep" → "secure", "trustworthy" → "end to end"), each of which the proposal's text holds.
 */
function accountsFor(block: RedlineBlock, op: 'insert' | 'delete', text: string): boolean {
  const pieces = block.segments.filter((segment) => segment.op === op).map((segment) => normal(segment.text)).filter((piece) => piece !== '')
  const whole = normal(text)
  return pieces.length > 0 && whole !== '' && pieces.every((piece) => whole.includes(piece))
}

function matches(block: RedlineBlock, change: AcceptedChange): boolean {
  if (change.kind === 'relink') {
    return block.kind === 'recommendation' && block.after?.kind === 'recommendation' && block.after.id === change.recommendationId && (block.refs?.added.length ?? 0) + (block.refs?.removed.length ?? 0) > 0
  }
  if (change.kind === 'paragraph' || change.kind === 'recommendation') return block.change === 'added' && overlaps(block.after?.text ?? '', change.text)
  if (block.change !== 'changed') return false
  const inserted = overlaps(segmentsText(block, 'insert'), change.text) || accountsFor(block, 'insert', change.text)
  const deleted = overlaps(segmentsText(block, 'delete'), change.quote) || accountsFor(block, 'delete', change.quote)
  if (change.kind === 'delete') return deleted
  if (change.kind === 'insert') return inserted
  return inserted || deleted
}

/** Each kind and delegation once, in the order the proposals were accepted. */
function distinct(changes: readonly AcceptedChange[]): ProposalCredit[] {
  const seen = new Map<string, ProposalCredit>()
  for (const { kind, delegation } of changes) seen.set(JSON.stringify([kind, delegation]), { kind, delegation })
  return [...seen.values()]
}

/**
 * The comparison with, on each block and recommendation change an accepted proposal explains, `creditedTo` (what kind
 * of proposal, whose) and `credits` (the same in English words, as exports print them).
 */
export function creditProposals(comparison: Comparison, accepted: readonly AcceptedChange[]): Comparison {
  if (accepted.length === 0) return comparison
  const creditsById = new Map<string, Pick<RedlineBlock, 'credits' | 'creditedTo'>>()
  const blocks = comparison.blocks.map((block) => {
    const creditedTo = distinct(accepted.filter((change) => matches(block, change)))
    if (creditedTo.length === 0) return block
    const credited = { credits: [...new Set(creditedTo.map(credit))], creditedTo }
    const id = block.after?.kind === 'recommendation' ? block.after.id : null
    if (id) creditsById.set(id, credited)
    return { ...block, ...credited }
  })
  const recommendations = comparison.recommendations.map((change) => {
    const credited = creditsById.get(change.id)
    return credited && change.changes.length > 0 ? { ...change, ...credited } : change
  })
  return { ...comparison, blocks, recommendations }
}
