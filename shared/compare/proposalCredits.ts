/** Who proposed what a comparison shows changed: accepted proposals matched to the redline's blocks ("inserted on the proposal of Kenya"). */
import type { Comparison, RedlineBlock } from './comparison.ts'

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

const verbs: Record<AcceptedChange['kind'], string> = {
  replace: 'replaced',
  insert: 'inserted',
  delete: 'deleted',
  paragraph: 'added',
  recommendation: 'added',
  relink: 'links changed',
}

function credit(change: AcceptedChange): string {
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

/** The comparison with `credits` on each block and recommendation change an accepted proposal explains. */
export function creditProposals(comparison: Comparison, accepted: readonly AcceptedChange[]): Comparison {
  if (accepted.length === 0) return comparison
  const creditsById = new Map<string, string[]>()
  const blocks = comparison.blocks.map((block) => {
    const credits = [...new Set(accepted.filter((change) => matches(block, change)).map(credit))]
    if (credits.length === 0) return block
    const id = block.after?.kind === 'recommendation' ? block.after.id : null
    if (id) creditsById.set(id, credits)
    return { ...block, credits }
  })
  const recommendations = comparison.recommendations.map((change) => {
    const credits = creditsById.get(change.id)
    return credits && change.changes.length > 0 ? { ...change, credits } : change
  })
  return { ...comparison, blocks, recommendations }
}
