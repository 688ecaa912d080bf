/**
 * A comparison laid out for the redline writers: each block's number, lines and links as runs of equal, inserted and
 * deleted text, so that DOCX and HTML mark exactly the same words.
 */
import type { Comparison, ComparisonSummary, RecommendationSide, RedlineBlock, TextSegment } from '../../shared/compare/comparison.ts'
import type { DraftBlock, ModelRef } from '../../shared/model/draftModel.ts'
import { formatExportDate } from './exportMeta.ts'
import { paragraphLabel, recommendationLabel } from './citation.ts'

export interface ComparisonMeta {
  title: string
  symbol: string | null
  /** The earlier version ("Rev. 1"). */
  fromLabel: string
  /** The later version ("Rev. 2", "Current text"). */
  toLabel: string
  date: Date
}

export type RedlinePiece = TextSegment

export interface RedlineEntry {
  kind: DraftBlock['kind']
  change: RedlineBlock['change']
  /** Headings only. */
  level: number
  /**
   * "12." or "R5.". A renumbered recommendation shows its old number deleted and its new one inserted; a paragraph shows
   * its later number only, since one paragraph inserted renumbers every paragraph after it.
   */
  number: RedlinePiece[]
  /** The block's lines; a recommendation's last line ends with its links "[Norm g; CBM 7]", each marked kept, added or removed. */
  lines: RedlinePiece[][]
}

export const redlineLegend = 'Insertions are underlined; deletions are struck through.'
export const noRecommendationChanges = 'No recommendation changed.'
export const changeTableTitle = 'Recommendation changes'
export const changeTableHeader = ['Earlier', 'Later', 'Change']

/** The op of a whole block: every word of an added block is inserted, of a removed one deleted. */
function blockOp(change: RedlineBlock['change']): RedlinePiece['op'] {
  return change === 'added' ? 'insert' : change === 'removed' ? 'delete' : 'equal'
}

/** Segments split at line breaks; a segment running over a break continues on the next line. */
function segmentLines(segments: readonly TextSegment[]): RedlinePiece[][] {
  const lines: RedlinePiece[][] = [[]]
  for (const segment of segments) {
    segment.text.split('\n').forEach((text, index) => {
      if (index > 0) lines.push([])
      if (text !== '') lines[lines.length - 1].push({ ...segment, text })
    })
  }
  return lines.filter((line, index) => line.length > 0 || index === 0)
}

function numberLabel(block: DraftBlock): string | null {
  if (block.kind === 'paragraph') return paragraphLabel(block.number)
  if (block.kind === 'recommendation') return `${recommendationLabel(block.number)}.`
  return null
}

function numberPieces(block: RedlineBlock): RedlinePiece[] {
  const before = block.before ? numberLabel(block.before) : null
  const after = block.after ? numberLabel(block.after) : null
  if (after === null) return before === null ? [] : [{ op: 'delete', text: before }]
  if (block.change === 'added' || before === null) return [{ op: 'insert', text: after }]
  if (block.kind === 'recommendation' && before !== after) return [{ op: 'delete', text: before }, { op: 'insert', text: after }]
  return [{ op: 'equal', text: after }]
}

function refsOf(block: DraftBlock | null): ModelRef[] {
  return block?.kind === 'recommendation' ? block.refs : []
}

function markedRefs(block: RedlineBlock): { op: RedlinePiece['op']; label: string }[] {
  if (!block.refs) {
    return (block.after ? refsOf(block.after) : refsOf(block.before)).map((ref) => ({ op: blockOp(block.change), label: ref.label }))
  }
  const added = new Set(block.refs.added.map((ref) => ref.id))
  const later = block.after ? refsOf(block.after) : [...block.refs.kept, ...block.refs.added]
  return [
    ...later.map((ref) => ({ op: added.has(ref.id) ? ('insert' as const) : ('equal' as const), label: ref.label })),
    ...block.refs.removed.map((ref) => ({ op: 'delete' as const, label: ref.label })),
  ]
}

/** Brackets take the op of the links when they all share one; a separator goes with the link after it. */
function citationPieces(block: RedlineBlock): RedlinePiece[] {
  const refs = markedRefs(block)
  if (refs.length === 0) return []
  const bracketOp = refs.every((ref) => ref.op === refs[0].op) ? refs[0].op : 'equal'
  return [
    { op: bracketOp, text: '[' },
    ...refs.flatMap((ref, index) => [...(index > 0 ? [{ op: ref.op, text: '; ' }] : []), { op: ref.op, text: ref.label }]),
    { op: bracketOp, text: ']' },
  ]
}

function headingLevel(block: RedlineBlock): number {
  const heading = [block.after, block.before].find((side) => side?.kind === 'heading')
  return heading?.kind === 'heading' ? heading.level : 1
}

/** Neighbouring pieces with the same op, bold and italic become one. */
function merged(pieces: readonly RedlinePiece[]): RedlinePiece[] {
  const result: RedlinePiece[] = []
  for (const piece of pieces) {
    const last = result.at(-1)
    if (last && last.op === piece.op && Boolean(last.bold) === Boolean(piece.bold) && Boolean(last.italic) === Boolean(piece.italic)) {
      result[result.length - 1] = { ...last, text: last.text + piece.text }
    } else result.push(piece)
  }
  return result
}

function linesOf(block: RedlineBlock): RedlinePiece[][] {
  const lines = segmentLines(block.segments)
  const citation = block.kind === 'recommendation' ? citationPieces(block) : []
  if (citation.length > 0) {
    const last = lines.length - 1
    lines[last] = [...lines[last], ...(lines[last].length > 0 ? [{ op: 'equal' as const, text: ' ' }] : []), ...citation]
  }
  return lines.map(merged)
}

export function redlineEntries(comparison: Comparison): RedlineEntry[] {
  return comparison.blocks.map((block) => ({
    kind: block.kind,
    change: block.change,
    level: headingLevel(block),
    // A moved block is shown once, where it now stands, and says so after its number.
    number: merged([...numberPieces(block), ...(block.moved ? [{ op: 'equal' as const, text: ' (moved)' }] : [])]),
    // Who proposed the change, when a proposal was accepted: a line of its own under the block.
    lines: [...linesOf(block), ...(block.credits ? [[{ op: 'equal' as const, text: `(${block.credits.join('; ')})`, italic: true }]] : [])],
  }))
}

function sideLabel(side: RecommendationSide | null): string {
  return side ? recommendationLabel(side.number) : '—'
}

/** Rows of the recommendation change table: earlier number, later number, what changed; unchanged ones left out. */
export function changeTableRows(comparison: Comparison): string[][] {
  return comparison.recommendations
    .filter((change) => change.changes.length > 0)
    .map((change) => [sideLabel(change.before), sideLabel(change.after), change.credits ? `${change.summary} (${change.credits.join('; ')})` : change.summary])
}

export function summaryLines(summary: ComparisonSummary): string[] {
  const { paragraphsAdded, paragraphsRemoved, paragraphsChanged, paragraphsMoved } = summary
  const { recommendationsAdded, recommendationsRemoved, recommendationsChanged, recommendationsRenumbered } = summary
  return [
    `Paragraphs: ${paragraphsAdded} added, ${paragraphsRemoved} removed, ${paragraphsChanged} changed, ${paragraphsMoved} moved.`,
    `Recommendations: ${recommendationsAdded} added, ${recommendationsRemoved} removed, ` +
      `${recommendationsChanged} changed, ${recommendationsRenumbered} renumbered.`,
  ]
}

export function comparisonLines(meta: ComparisonMeta): string[] {
  return [`Comparison of ${meta.fromLabel} with ${meta.toLabel}`, formatExportDate(meta.date), redlineLegend]
}

export function comparisonRunningHead(meta: ComparisonMeta): string {
  const parts = [meta.symbol, meta.title, `${meta.fromLabel} compared with ${meta.toLabel}`, formatExportDate(meta.date)]
  return parts.filter((part): part is string => Boolean(part)).join(' | ')
}
