/** The result of comparing two versions of a draft: a redline of its blocks and a table of recommendation changes. */
import { z } from 'zod'
import { DraftBlock, ModelRef } from '../model/draftModel.ts'
import { proposalKinds } from '../schema/proposals.ts'

/** An accepted proposal behind a change, as the interface words it in its own language: what kind, whose. */
export const ProposalCredit = z.object({ kind: z.enum(proposalKinds), delegation: z.string() })
export type ProposalCredit = z.infer<typeof ProposalCredit>

/** A run of words, equal in both versions, inserted in the later one, or deleted from the earlier one. */
export const TextSegment = z.object({
  op: z.enum(['equal', 'insert', 'delete']),
  text: z.string(),
  /** Set only when true: deleted text as the earlier version wrote it, other text as the later one does. */
  bold: z.boolean().optional(),
  italic: z.boolean().optional(),
})
export type TextSegment = z.infer<typeof TextSegment>

/**
 * One block of the redline, in the order of the later version, with removed blocks where they stood.
 * - `unchanged`: same kind and text (a recommendation also with the same links).
 * - `changed`: the same block with edited text (paragraphs paired by position and similarity; recommendations by id).
 * - `added` / `removed`: only in the later / earlier version.
 */
export const RedlineBlock = z.object({
  change: z.enum(['unchanged', 'changed', 'added', 'removed']),
  kind: z.enum(['heading', 'paragraph', 'recommendation']),
  before: DraftBlock.nullable(),
  after: DraftBlock.nullable(),
  /**
   * Word-level diff of the block's text, lines joined by "\n" (a recommendation's paragraphs likewise).
   * All `equal` for an unchanged block, all `insert` for an added one, all `delete` for a removed one.
   */
  segments: z.array(TextSegment),
  /** Recommendations only: links in both versions, added, removed (by catalogue id, in the later order). */
  refs: z.object({ kept: z.array(ModelRef), added: z.array(ModelRef), removed: z.array(ModelRef) }).optional(),
  /** Recommendations only: true when it stood elsewhere in the earlier version (shown here, and not there as removed). */
  moved: z.boolean().optional(),
  /** The accepted proposals behind the change, in English words for exports: "inserted on the proposal of Kenya". */
  credits: z.array(z.string()).optional(),
  /** The same proposals as data, what kind and whose (the interface words them in its language). */
  creditedTo: z.array(ProposalCredit).optional(),
})
export type RedlineBlock = z.infer<typeof RedlineBlock>

export const RecommendationChangeKind = z.enum(['added', 'removed', 'text', 'links', 'renumbered'])
export type RecommendationChangeKind = z.infer<typeof RecommendationChangeKind>

export const RecommendationSide = z.object({ number: z.number().int(), refs: z.array(ModelRef), text: z.string() })
export type RecommendationSide = z.infer<typeof RecommendationSide>

/** What happened to one recommendation, matched by its stable id across the two versions. */
export const RecommendationChange = z.object({
  id: z.string(),
  /** Empty when nothing changed; a recommendation can be renumbered and edited at once. */
  changes: z.array(RecommendationChangeKind),
  before: RecommendationSide.nullable(),
  after: RecommendationSide.nullable(),
  /** "R4 is now R5", "added as R3", "removed (was R2)", "text and links changed": one line for the table. */
  summary: z.string(),
  /** The accepted proposals behind the change, in English words for exports: "links changed on the proposal of Brazil". */
  credits: z.array(z.string()).optional(),
  /** The same proposals as data, what kind and whose (the interface words them in its language). */
  creditedTo: z.array(ProposalCredit).optional(),
})
export type RecommendationChange = z.infer<typeof RecommendationChange>

const count = z.number().int().nonnegative()

export const ComparisonSummary = z.object({
  paragraphsAdded: count,
  paragraphsRemoved: count,
  paragraphsChanged: count,
  /** Paragraphs found elsewhere in the later version (edited or not), shown once, where they now stand. */
  paragraphsMoved: count,
  recommendationsAdded: count,
  recommendationsRemoved: count,
  recommendationsChanged: count,
  recommendationsRenumbered: count,
})
export type ComparisonSummary = z.infer<typeof ComparisonSummary>

export const Comparison = z.object({
  blocks: z.array(RedlineBlock),
  /** Every recommendation of either version (those in the later version first, in its order, then removed ones). */
  recommendations: z.array(RecommendationChange),
  summary: ComparisonSummary,
})
export type Comparison = z.infer<typeof Comparison>
