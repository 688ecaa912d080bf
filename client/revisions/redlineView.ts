/** What the redline and the recommendation changes table show for each entry of a Comparison (pure). */
import type { ComparisonSummary, RecommendationChange, RecommendationChangeKind, RedlineBlock, TextSegment } from '../../shared/compare/comparison.ts'

/** The numbers a block had in the earlier version and has in the later one ("5" / "R4"); null where it is absent. */
export interface BlockNumbers {
  before: string | null
  after: string | null
  /** Present in both versions under different numbers. */
  renumbered: boolean
}

function numberOf(block: RedlineBlock['before']): string | null {
  if (!block || block.kind === 'heading') return null
  return block.kind === 'recommendation' ? `R${block.number}` : String(block.number)
}

export function blockNumbers(block: RedlineBlock): BlockNumbers | null {
  if (block.kind === 'heading') return null
  const before = numberOf(block.before)
  const after = numberOf(block.after)
  return { before, after, renumbered: before !== null && after !== null && before !== after }
}

export const blockChangeLabels: Record<RedlineBlock['change'], string> = {
  unchanged: 'Unchanged',
  changed: 'Changed',
  added: 'Added',
  removed: 'Removed',
}

/** The block's text diff as lines: a segment that spans a line break is split across the two lines. */
export function segmentLines(segments: readonly TextSegment[]): TextSegment[][] {
  const lines: TextSegment[][] = [[]]
  for (const segment of segments) {
    segment.text.split('\n').forEach((part, index) => {
      if (index > 0) lines.push([])
      if (part !== '') lines.at(-1)!.push({ ...segment, text: part })
    })
  }
  return lines
}

export const changeKindLabels: Record<RecommendationChangeKind, string> = {
  added: 'Added',
  removed: 'Removed',
  text: 'Text changed',
  links: 'Links changed',
  renumbered: 'Renumbered',
}

export function visibleRecommendationChanges(changes: readonly RecommendationChange[], changedOnly: boolean): RecommendationChange[] {
  return changedOnly ? changes.filter((change) => change.changes.length > 0) : [...changes]
}

/** Links added and removed between the two sides of one recommendation, by catalogue id. */
export function linkChanges(change: RecommendationChange): { added: string[]; removed: string[] } {
  const before = change.before?.refs.map((ref) => ref.label) ?? []
  const after = change.after?.refs.map((ref) => ref.label) ?? []
  const beforeIds = new Set(change.before?.refs.map((ref) => ref.id))
  const afterIds = new Set(change.after?.refs.map((ref) => ref.id))
  return {
    added: change.before ? (change.after?.refs.filter((ref) => !beforeIds.has(ref.id)).map((ref) => ref.label) ?? []) : after,
    removed: change.after ? (change.before?.refs.filter((ref) => !afterIds.has(ref.id)).map((ref) => ref.label) ?? []) : before,
  }
}

function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`
}

/** "Paragraphs: 2 changed, 1 added. Recommendations: 1 renumbered." or "No differences." */
export function comparisonSummaryLine(summary: ComparisonSummary): string {
  const paragraphs = [
    summary.paragraphsChanged && `${summary.paragraphsChanged} changed`,
    summary.paragraphsAdded && `${summary.paragraphsAdded} added`,
    summary.paragraphsRemoved && `${summary.paragraphsRemoved} removed`,
    summary.paragraphsMoved && `${summary.paragraphsMoved} moved`,
  ].filter(Boolean)
  const recommendations = [
    summary.recommendationsChanged && `${summary.recommendationsChanged} changed`,
    summary.recommendationsAdded && `${summary.recommendationsAdded} added`,
    summary.recommendationsRemoved && `${summary.recommendationsRemoved} removed`,
    summary.recommendationsRenumbered && `${summary.recommendationsRenumbered} renumbered`,
  ].filter(Boolean)
  const parts = [
    paragraphs.length > 0 && `Paragraphs: ${paragraphs.join(', ')}.`,
    recommendations.length > 0 && `Recommendations: ${recommendations.join(', ')}.`,
  ].filter(Boolean)
  return parts.length === 0 ? 'No differences.' : parts.join(' ')
}

export function changedCount(changes: readonly RecommendationChange[]): string {
  return count(changes.filter((change) => change.changes.length > 0).length, 'recommendation changed', 'recommendations changed')
}

/** "R4 in Rev.1 is R5 in Rev.2" for a renumbered recommendation; null otherwise. */
export function renumberedLine(change: RecommendationChange, fromLabel: string, toLabel: string): string | null {
  if (!change.before || !change.after || change.before.number === change.after.number) return null
  return `R${change.before.number} in ${fromLabel} is R${change.after.number} in ${toLabel}`
}
