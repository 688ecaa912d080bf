/** The paragraph or recommendation a position of the text is in ("para. 12", "R4"), read off the margin numbers; a block the server placed, named the same way. */
import type { EditorState } from '@tiptap/pm/state'
import type { DecorationSet } from '@tiptap/pm/view'
import { draftNumberingKey, type NumberSpec } from '../editor/draftNumbering.ts'
import { t } from '../i18n/i18n.ts'

/** From the numbering's decorations, which follow every keystroke (the model behind them is derived after a pause). */
export function locationIn(numbers: DecorationSet, pos: number): string | null {
  for (const decoration of numbers.find(pos, pos)) {
    if (decoration.from >= pos || decoration.to <= pos) continue
    const spec = decoration.spec as NumberSpec
    if (typeof spec.recommendationNumber === 'number') return t('proposals.locationRecommendation', { number: spec.recommendationNumber })
    if (typeof spec.paragraphNumber === 'number') return t('proposals.locationParagraph', { number: spec.paragraphNumber })
  }
  return null
}

export function locationAt(state: EditorState, pos: number): string | null {
  const numbers = draftNumberingKey.getState(state)?.decorations
  return numbers ? locationIn(numbers, pos) : null
}

/** A block as the server places a proposal or compiles it (kind and number), named as the text's margin names it. */
export function blockLabel(block: { kind: 'heading' | 'paragraph' | 'recommendation' | null; number: number | null; label: string }): string {
  if (block.kind === 'paragraph' && block.number !== null) return t('proposals.locationParagraph', { number: block.number })
  if (block.kind === 'recommendation' && block.number !== null) return t('proposals.locationRecommendation', { number: block.number })
  if (block.kind === 'heading') return t('proposals.locationHeading')
  return block.label
}
