import { Node } from '@tiptap/pm/model'
import { EditorState, TextSelection } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { doc, heading, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { blockRanges, blocksTouched, changesWithinBlocks, lockedBlocksChanged, touches } from './blockRanges.ts'

const draft = Node.fromJSON(
  draftSchema,
  doc(heading(1, 'Title'), paragraph('Agreed text.'), paragraph('Open text.'), recommendation('rec-1', ['norm-g'], 'States should act.')),
)
const state = EditorState.create({ doc: draft })
const ranges = blockRanges(draft)
const inside = (index: number, offset = 2) => ranges[index]!.from + offset

describe('blocks touched by a selection', () => {
  it('finds the block a cursor is in, and every block a selection spans', () => {
    expect(blocksTouched(draft, inside(1), inside(1))).toEqual([1])
    expect(blocksTouched(draft, inside(1), inside(2))).toEqual([1, 2])
    expect(blocksTouched(draft, 0, draft.content.size)).toEqual([0, 1, 2, 3])
    expect(blocksTouched(draft, inside(3, 3), inside(3, 3))).toEqual([3])
  })

  it('agrees with measuring every block, for every selection of the draft', () => {
    for (let from = 0; from <= draft.content.size; from++) {
      for (let to = from; to <= draft.content.size; to++) {
        const measured = ranges.filter((block) => touches(block, from, to)).map((block) => block.index)
        expect(blocksTouched(draft, from, to), `${from}-${to}`).toEqual(measured)
      }
    }
  })
})

describe('locked blocks a transaction changes', () => {
  const locked = new Set([1, 3])

  it('finds typing, deleting and formatting inside a locked block', () => {
    expect(lockedBlocksChanged(state.tr.insertText('not ', inside(1)), locked)).toEqual([1])
    expect(lockedBlocksChanged(state.tr.delete(inside(1), inside(1, 5)), locked)).toEqual([1])
    expect(lockedBlocksChanged(state.tr.addMark(inside(1), inside(1, 5), draftSchema.marks.bold!.create()), locked)).toEqual([1])
  })

  it('finds a changed attribute of a locked recommendation, and the locked block deleted whole', () => {
    expect(lockedBlocksChanged(state.tr.setNodeAttribute(ranges[3]!.from, 'refs', ['norm-a']), locked)).toEqual([3])
    expect(lockedBlocksChanged(state.tr.delete(ranges[1]!.from, ranges[1]!.to), locked)).toEqual([1])
  })

  it('lets changes to open blocks and new blocks between locked ones through, even after earlier steps moved things', () => {
    expect(lockedBlocksChanged(state.tr.insertText('More ', inside(2)), locked)).toEqual([])
    expect(lockedBlocksChanged(state.tr.insert(ranges[2]!.from, draftSchema.nodes.paragraph!.create(null, draftSchema.text('New.'))), locked)).toEqual([])
    const moved = state.tr.insertText('A much longer heading ', inside(0)).insertText('More ', inside(2) + 'A much longer heading '.length)
    expect(lockedBlocksChanged(moved, locked)).toEqual([])
    const thenLocked = state.tr.insertText('Longer ', inside(0)).insertText('x', inside(1) + 'Longer '.length)
    expect(lockedBlocksChanged(thenLocked, locked)).toEqual([1])
  })

  it('finds a paragraph split inside a locked block (Enter), and a selection replaced across blocks', () => {
    const split = state.apply(state.tr.setSelection(TextSelection.create(draft, inside(1)))).tr.split(inside(1))
    expect(lockedBlocksChanged(split, locked)).toEqual([1])
    expect(lockedBlocksChanged(state.tr.insertText('x', inside(2), inside(3, 3)), locked)).toEqual([3])
  })
})

describe('changes within blocks', () => {
  it('tells typing and formatting inside blocks from changes of the blocks themselves', () => {
    expect(changesWithinBlocks(state.tr.insertText('more ', inside(2)))).toBe(true)
    expect(changesWithinBlocks(state.tr.insertText('more ', inside(3, 3)))).toBe(true)
    expect(changesWithinBlocks(state.tr.addMark(inside(2), inside(2, 5), draftSchema.marks.bold.create()))).toBe(true)
    expect(changesWithinBlocks(state.tr.split(inside(2)))).toBe(false)
    expect(changesWithinBlocks(state.tr.setBlockType(inside(2), inside(2), draftSchema.nodes.heading, { level: 2 }))).toBe(false)
    expect(changesWithinBlocks(state.tr.delete(ranges[1]!.from, ranges[1]!.to))).toBe(false)
    expect(changesWithinBlocks(state.tr.insert(ranges[2]!.from, draftSchema.nodes.paragraph.create()))).toBe(false)
  })
})
