/**
 * Where a document's blocks (its top-level nodes) lie and which of them a selection or a transaction touches: the
 * editor's side of the lock on agreed text (pure, over ProseMirror documents and transactions).
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { Transaction } from '@tiptap/pm/state'
import type { Mapping, Step } from '@tiptap/pm/transform'

export interface BlockRange {
  index: number
  from: number
  to: number
}

/** Each top-level node's index and span. */
export function blockRanges(doc: ProseMirrorNode): BlockRange[] {
  const ranges: BlockRange[] = []
  doc.forEach((node, offset, index) => ranges.push({ index, from: offset, to: offset + node.nodeSize }))
  return ranges
}

/**
 * Whether `[from, to]` changes or lies in a block: it overlaps the block, or (empty) falls inside it. An empty range on
 * a block's edge is between blocks: inserting there makes a new block, it changes none.
 */
export function touches(block: { from: number; to: number }, from: number, to: number): boolean {
  return from === to ? from > block.from && from < block.to : from < block.to && to > block.from
}

/**
 * The indexes of the blocks a selection from `from` to `to` touches (a cursor: the block it is in), as `touches` says,
 * found from the resolved ends (a selection's are cached) rather than by measuring every block on each keystroke.
 */
export function blocksTouched(doc: ProseMirrorNode, from: number, to: number): number[] {
  const $from = doc.resolve(from)
  if (from === to) return $from.depth > 0 ? [$from.index(0)] : []
  const $to = doc.resolve(to)
  // An end between blocks touches the block after it (the start) or none (the end).
  const first = $from.index(0)
  const last = $to.depth > 0 ? $to.index(0) : $to.index(0) - 1
  const indexes: number[] = []
  for (let index = first; index <= last; index++) indexes.push(index)
  return indexes
}

/** The stretches of the document before it a step changes: replaced ranges, and what mark and attribute steps name. */
function stepRanges(step: Step): Array<[number, number]> {
  const ranges: Array<[number, number]> = []
  step.getMap().forEach((oldStart, oldEnd) => ranges.push([oldStart, oldEnd]))
  const named = step as unknown as { from?: number; to?: number; pos?: number }
  if (typeof named.from === 'number' && typeof named.to === 'number') ranges.push([named.from, named.to])
  // An attribute step names its node's position: the node's attributes are part of its block.
  if (typeof named.pos === 'number') ranges.push([named.pos, named.pos + 1])
  return ranges
}

/**
 * Whether each of a transaction's steps changes only the inside of one block (typing, formatting, a sub-paragraph split
 * inside a recommendation): no block is added, removed, split, joined or retyped, so each keeps its Yjs element and key.
 */
export function changesWithinBlocks(tr: Pick<Transaction, 'steps' | 'docs' | 'before' | 'doc'>): boolean {
  if (tr.doc.childCount !== tr.before.childCount) return false
  return tr.steps.every((step, i) => {
    const doc = tr.docs[i]!
    return stepRanges(step).every(([start, end]) => {
      const $start = doc.resolve(start)
      return $start.depth > 0 && end <= $start.end(1)
    })
  })
}

/** The locked blocks (indexes into `tr.before`) a transaction's steps would change. */
export function lockedBlocksChanged(tr: Pick<Transaction, 'steps' | 'mapping' | 'before'>, locked: ReadonlySet<number>): number[] {
  if (locked.size === 0) return []
  const ranges = blockRanges(tr.before).filter((block) => locked.has(block.index))
  const changed = new Set<number>()
  tr.steps.forEach((step, i) => {
    const upTo: Mapping = tr.mapping.slice(0, i)
    for (const block of ranges) {
      if (changed.has(block.index)) continue
      const from = upTo.map(block.from, 1)
      const to = upTo.map(block.to, -1)
      if (stepRanges(step).some(([start, end]) => touches({ from, to }, start, end))) changed.add(block.index)
    }
  })
  return [...changed]
}
