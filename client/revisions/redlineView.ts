/** What the redline and the recommendation changes table show for each entry of a Comparison (pure). */
import type { ComparisonSummary, ProposalCredit, RecommendationChange, RecommendationChangeKind, RedlineBlock, TextSegment } from '../../shared/compare/comparison.ts'
import { formatList, t } from '../i18n/i18n.ts'

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

/** The message naming each change of a block. */
export const blockChangeMessages: Record<RedlineBlock['change'], string> = {
  unchanged: 'revisions.changeUnchanged',
  changed: 'revisions.changeChanged',
  added: 'revisions.changeAdded',
  removed: 'revisions.changeRemoved',
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

/** The message naming each kind of change of a recommendation. */
export const changeKindMessages: Record<RecommendationChangeKind, string> = {
  added: 'revisions.changeAdded',
  removed: 'revisions.changeRemoved',
  text: 'revisions.changeText',
  links: 'revisions.changeLinks',
  renumbered: 'revisions.changeRenumbered',
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

/** The counts of a summary that are not zero, each in its message ("2 changed"), listed in the language's way. */
function counted(entries: [number, string][]): string | null {
  const parts = entries.filter(([count]) => count > 0).map(([count, id]) => t(id, { count }))
  return parts.length === 0 ? null : formatList(parts)
}

/** "Paragraphs: 2 changed and 1 added. Recommendations: 1 renumbered." or "No differences." */
export function comparisonSummaryLine(summary: ComparisonSummary): string {
  const paragraphs = counted([
    [summary.paragraphsChanged, 'revisions.paragraphsChanged'],
    [summary.paragraphsAdded, 'revisions.paragraphsAdded'],
    [summary.paragraphsRemoved, 'revisions.paragraphsRemoved'],
    [summary.paragraphsMoved, 'revisions.paragraphsMoved'],
  ])
  const recommendations = counted([
    [summary.recommendationsChanged, 'revisions.recommendationsChanged'],
    [summary.recommendationsAdded, 'revisions.recommendationsAdded'],
    [summary.recommendationsRemoved, 'revisions.recommendationsRemoved'],
    [summary.recommendationsRenumbered, 'revisions.recommendationsRenumbered'],
  ])
  if (paragraphs && recommendations) return t('revisions.summaryBoth', { paragraphs, recommendations })
  if (paragraphs) return t('revisions.summaryParagraphs', { paragraphs })
  if (recommendations) return t('revisions.summaryRecommendations', { recommendations })
  return t('revisions.noDifferences')
}

/** How many recommendations changed in any way. */
export function changedNumber(changes: readonly RecommendationChange[]): number {
  return changes.filter((change) => change.changes.length > 0).length
}

/** A recommendation as the interface numbers it, the same in every panel: "R4" in English, "Рек. 4" in Russian. */
export function recommendationName(number: number): string {
  return t('proposals.locationRecommendation', { number })
}

/** The number cell of the table: "R4", or "R4 → R5" for a renumbered one (the arrow pointing the reading way). */
export function recommendationNumberCell(change: RecommendationChange): string | null {
  const { before, after } = change
  if (!before || !after) return before || after ? recommendationName((after ?? before)!.number) : null
  if (before.number === after.number) return recommendationName(after.number)
  return t('revisions.numberChange', { from: recommendationName(before.number), to: recommendationName(after.number) })
}

/** "R4 in Rev.1 is R5 in Rev.2" for a renumbered recommendation; null otherwise. */
export function renumberedLine(change: RecommendationChange, fromLabel: string, toLabel: string): string | null {
  if (!change.before || !change.after || change.before.number === change.after.number) return null
  return t('revisions.renumberedLine', { before: recommendationName(change.before.number), from: fromLabel, after: recommendationName(change.after.number), to: toLabel })
}

/** The message crediting each kind of accepted proposal ("inserted on the proposal of Kenya"). */
export const creditMessages: Record<ProposalCredit['kind'], string> = {
  replace: 'revisions.creditReplaced',
  insert: 'revisions.creditInserted',
  delete: 'revisions.creditDeleted',
  paragraph: 'revisions.creditAdded',
  recommendation: 'revisions.creditAdded',
  relink: 'revisions.creditLinksChanged',
}

/** One credit to show: a catalogue message naming the delegation, or (from an answer without `creditedTo`) the server's words. */
export type CreditLine = { message: string; delegation: string } | { text: string }

/** The credits of a block or recommendation change, each said once. */
export function creditLines(entry: Pick<RedlineBlock, 'credits' | 'creditedTo'>): CreditLine[] {
  if (!entry.creditedTo) return (entry.credits ?? []).map((text) => ({ text }))
  const lines = new Map<string, CreditLine>()
  for (const { kind, delegation } of entry.creditedTo) {
    const message = creditMessages[kind]
    lines.set(JSON.stringify([message, delegation]), { message, delegation })
  }
  return [...lines.values()]
}
