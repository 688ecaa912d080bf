/** The blocks of a revision a delegation may break silence on (pure): each numbered paragraph and recommendation. */
import type { DraftModel } from '../model/draftModel.ts'
import type { BlockRef } from '../schema/procedures.ts'

export interface NumberedBlock extends BlockRef {
  kind: 'paragraph' | 'recommendation'
  text: string
}

/** Position: the block's index among the revision's top-level blocks (a list item: its list's); number: "12" or "R4". */
export function numberedBlocks(model: DraftModel): NumberedBlock[] {
  return model.blocks.flatMap((block): NumberedBlock[] =>
    block.kind === 'heading'
      ? []
      : [{ kind: block.kind, position: block.path[0] ?? 0, number: block.kind === 'recommendation' ? `R${block.number}` : String(block.number), text: block.text }],
  )
}

export function sameBlock(a: BlockRef, b: BlockRef): boolean {
  return a.position === b.position && a.number === b.number
}
