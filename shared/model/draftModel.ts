/** DraftModel: a draft as readers see it, with derived paragraph and recommendation numbers. */
import { z } from 'zod'
import { Pillar } from '../framework/pillars.ts'
import { RefStatus } from '../framework/lookup.ts'
import { NodePath } from '../schema/draftProblem.ts'

export const TextRun = z.object({ text: z.string(), bold: z.boolean(), italic: z.boolean() })
export type TextRun = z.infer<typeof TextRun>

/** One line of text with its formatting: a paragraph, a heading, a list item's own paragraph. */
export const TextLine = z.object({
  text: z.string(),
  runs: z.array(TextRun),
  /** A sub-paragraph's first line: its label ("(a)", "(ii)"), which also leads `text` and `runs`. */
  label: z.string().optional(),
  /** The level (1, 2...) of the sub-paragraph the line belongs to; none for the numbered paragraph's own lines. */
  level: z.number().int().optional(),
})
export type TextLine = z.infer<typeof TextLine>

export const HeadingBlock = z.object({
  kind: z.literal('heading'),
  level: z.number().int(),
  text: z.string(),
  runs: z.array(TextRun),
  path: NodePath,
})
export type HeadingBlock = z.infer<typeof HeadingBlock>

/** One version of a paragraph under negotiation: "Alt 2 (Kenya)" and its lines. */
export const AlternativeText = z.object({
  /** "Alt 1", "Alt 2 (Kenya, Brazil)". */
  label: z.string(),
  proposers: z.array(z.string()),
  lines: z.array(TextLine),
})
export type AlternativeText = z.infer<typeof AlternativeText>

export const ParagraphBlock = z.object({
  kind: z.literal('paragraph'),
  /** 1, 2, 3, ... in document order. */
  number: z.number().int(),
  /** Where the paragraph came from: a top-level paragraph or an item of a top-level list. */
  source: z.enum(['paragraph', 'bulletList', 'orderedList', 'alternatives']),
  /** For a block of alternatives: each version; its lines are also in `lines`, each version's first line led by its label. */
  alternatives: z.array(AlternativeText).optional(),
  text: z.string(),
  /** The paragraph's lines: one for a plain paragraph, several for a list item with nested content. */
  lines: z.array(TextLine),
  path: NodePath,
})
export type ParagraphBlock = z.infer<typeof ParagraphBlock>

export const ModelRef = z.object({
  id: z.string(),
  status: RefStatus,
  /** The citation label ("Norm g"); the raw id when the catalogue does not know it. */
  label: z.string(),
  title: z.string().optional(),
  pillar: Pillar.optional(),
})
export type ModelRef = z.infer<typeof ModelRef>

export const RecommendationBlock = z.object({
  kind: z.literal('recommendation'),
  /** R1, R2, ... in document order, separately from paragraphs. */
  number: z.number().int(),
  /** Null only in an invalid draft (see validateDraft). */
  id: z.string().nullable(),
  refs: z.array(ModelRef),
  text: z.string(),
  paragraphs: z.array(TextLine),
  path: NodePath,
})
export type RecommendationBlock = z.infer<typeof RecommendationBlock>

export const DraftBlock = z.discriminatedUnion('kind', [HeadingBlock, ParagraphBlock, RecommendationBlock])
export type DraftBlock = z.infer<typeof DraftBlock>

export interface DraftModel {
  blocks: DraftBlock[]
}

export function recommendationsOf(model: DraftModel): RecommendationBlock[] {
  return model.blocks.filter((block): block is RecommendationBlock => block.kind === 'recommendation')
}

export function paragraphsOf(model: DraftModel): ParagraphBlock[] {
  return model.blocks.filter((block): block is ParagraphBlock => block.kind === 'paragraph')
}
