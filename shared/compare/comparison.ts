/** The result of comparing two versions of a draft: a redline of its blocks and a table of recommendation changes. */
import type { DraftBlock, ModelRef } from '../model/draftModel.ts'

/** A run of words, equal in both versions, inserted in the later one, or deleted from the earlier one. */
export interface TextSegment {
  op: 'equal' | 'insert' | 'delete'
  text: string
  /** Set only when true: deleted text as the earlier version wrote it, other text as the later one does. */
  bold?: boolean
  italic?: boolean
}

/**
 * One block of the redline, in the order of the later version, with removed blocks where they stood.
 * - `unchanged`: same kind and text (a recommendation also with the same links).
 * - `changed`: the same block with edited text (paragraphs paired by position and similarity; recommendations by id).
 * - `added` / `removed`: only in the later / earlier version.
 */
export interface RedlineBlock {
  change: 'unchanged' | 'changed' | 'added' | 'removed'
  kind: DraftBlock['kind']
  before: DraftBlock | null
  after: DraftBlock | null
  /**
   * Word-level diff of the block's text, lines joined by "\n" (a recommendation's paragraphs likewise).
   * All `equal` for an unchanged block, all `insert` for an added one, all `delete` for a removed one.
   */
  segments: TextSegment[]
  /** Recommendations only: links in both versions, added, removed (by catalogue id, in the later order). */
  refs?: { kept: ModelRef[]; added: ModelRef[]; removed: ModelRef[] }
  /** Recommendations only: true when it stood elsewhere in the earlier version (shown here, and not there as removed). */
  moved?: boolean
  /** The accepted proposals behind the change: "inserted on the proposal of Kenya". */
  credits?: string[]
}

export type RecommendationChangeKind = 'added' | 'removed' | 'text' | 'links' | 'renumbered'

export interface RecommendationSide {
  number: number
  refs: ModelRef[]
  text: string
}

/** What happened to one recommendation, matched by its stable id across the two versions. */
export interface RecommendationChange {
  id: string
  /** Empty when nothing changed; a recommendation can be renumbered and edited at once. */
  changes: RecommendationChangeKind[]
  before: RecommendationSide | null
  after: RecommendationSide | null
  /** "R4 is now R5", "added as R3", "removed (was R2)", "text and links changed": one line for the table. */
  summary: string
  /** The accepted proposals behind the change: "links changed on the proposal of Brazil". */
  credits?: string[]
}

export interface ComparisonSummary {
  paragraphsAdded: number
  paragraphsRemoved: number
  paragraphsChanged: number
  /** Paragraphs found elsewhere in the later version (edited or not), shown once, where they now stand. */
  paragraphsMoved: number
  recommendationsAdded: number
  recommendationsRemoved: number
  recommendationsChanged: number
  recommendationsRenumbered: number
}

export interface Comparison {
  blocks: RedlineBlock[]
  /** Every recommendation of either version (those in the later version first, in its order, then removed ones). */
  recommendations: RecommendationChange[]
  summary: ComparisonSummary
}
