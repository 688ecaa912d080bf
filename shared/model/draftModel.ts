/** DraftModel: a draft as readers see it, with derived paragraph and recommendation numbers. */
import type { Pillar } from '../framework/pillars.ts'
import type { RefStatus } from '../framework/lookup.ts'
import type { NodePath } from '../schema/draftJson.ts'

export interface TextRun {
  text: string
  bold: boolean
  italic: boolean
}

/** One line of text with its formatting: a paragraph, a heading, a list item's own paragraph. */
export interface TextLine {
  text: string
  runs: TextRun[]
}

export interface HeadingBlock {
  kind: 'heading'
  level: number
  text: string
  runs: TextRun[]
  path: NodePath
}

/** One version of a paragraph under negotiation: "Alt 2 (Kenya)" and its lines. */
export interface AlternativeText {
  /** "Alt 1", "Alt 2 (Kenya, Brazil)". */
  label: string
  proposers: string[]
  lines: TextLine[]
}

export interface ParagraphBlock {
  kind: 'paragraph'
  /** 1, 2, 3, ... in document order. */
  number: number
  /** Where the paragraph came from: a top-level paragraph or an item of a top-level list. */
  source: 'paragraph' | 'bulletList' | 'orderedList' | 'alternatives'
  /** For a block of alternatives: each version; its lines are also in `lines`, each version's first line led by its label. */
  alternatives?: AlternativeText[]
  text: string
  /** The paragraph's lines: one for a plain paragraph, several for a list item with nested content. */
  lines: TextLine[]
  path: NodePath
}

export interface ModelRef {
  id: string
  status: RefStatus
  /** The citation label ("Norm g"); the raw id when the catalogue does not know it. */
  label: string
  title?: string
  pillar?: Pillar
}

export interface RecommendationBlock {
  kind: 'recommendation'
  /** R1, R2, ... in document order, separately from paragraphs. */
  number: number
  /** Null only in an invalid draft (see validateDraft). */
  id: string | null
  refs: ModelRef[]
  text: string
  paragraphs: TextLine[]
  path: NodePath
}

export type DraftBlock = HeadingBlock | ParagraphBlock | RecommendationBlock

export interface DraftModel {
  blocks: DraftBlock[]
}

export function recommendationsOf(model: DraftModel): RecommendationBlock[] {
  return model.blocks.filter((block): block is RecommendationBlock => block.kind === 'recommendation')
}

export function paragraphsOf(model: DraftModel): ParagraphBlock[] {
  return model.blocks.filter((block): block is ParagraphBlock => block.kind === 'paragraph')
}
