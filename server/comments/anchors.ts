/**
 * Where a comment's anchor is in a document now: the block (numbered paragraph, recommendation, heading) its start
 * falls in, or detached when the text it was made on is gone. Reads the Y.Doc, never changes it.
 */
import * as Y from 'yjs'
import type { DraftBlock, DraftModel } from '../../shared/model/draftModel.ts'
import { maxDraftDepth, type NodePath } from '../../shared/schema/draftJson.ts'
import { decodeAnchorPosition, type Anchor } from '../../shared/schema/comments.ts'

export type AnchorPlacement =
  /** `path`: indices from the document down to the node the start falls in (the model's blocks are prefixes of it). */
  | { detached: false; path: NodePath }
  | { detached: true }

interface ResolvedEnd {
  type: Y.AbstractType<unknown>
  index: number
  /** The path from the fragment down to `type`, then the index within it for a container. */
  path: NodePath
}

/** Whether the doc holds the struct with this id (an anchor may name text this server never received). */
function knows(doc: Y.Doc, id: Y.ID): boolean {
  return Y.getState(doc.store, id.client) > id.clock
}

/** Position of an item among its parent's children that are still there. */
function indexAmongSiblings(item: Y.Item): number {
  let index = 0
  for (let left = item.left; left !== null; left = left.left) {
    if (!left.deleted && left.countable) index += left.length
  }
  return index
}

/** The path from `fragment` down to `type`, or null when the type, or a node it sits in, was deleted or lies elsewhere. */
function pathOf(type: Y.AbstractType<unknown>, fragment: Y.XmlFragment): NodePath | null {
  const path: NodePath = []
  let current: Y.AbstractType<unknown> = type
  while (current !== (fragment as Y.AbstractType<unknown>)) {
    const item = current._item
    // Deeper than any draft may nest: the anchor is treated as detached rather than walked without end.
    if (path.length > maxDraftDepth) return null
    if (item === null || item.deleted || !(item.parent instanceof Y.AbstractType)) return null
    path.unshift(indexAmongSiblings(item))
    current = item.parent
  }
  return path
}

function resolveEnd(doc: Y.Doc, fragment: Y.XmlFragment, encoded: string): ResolvedEnd | null {
  const relative = decodeAnchorPosition(encoded)
  if (relative === null) return null
  if (relative.item && !knows(doc, relative.item)) return null
  if (relative.type && !knows(doc, relative.type)) return null
  let absolute: Y.AbsolutePosition | null
  try {
    // Not following undone deletions: every reader of the anchor resolves it alike.
    absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc, false)
  } catch {
    return null
  }
  if (absolute === null) return null
  const path = pathOf(absolute.type, fragment)
  if (path === null) return null
  if (!(absolute.type instanceof Y.XmlText)) {
    // Between the children of a container: the child at that place, or the last one at its end.
    const length = absolute.type._length
    if (length > 0) path.push(Math.min(absolute.index, length - 1))
  }
  return { type: absolute.type, index: absolute.index, path }
}

/**
 * Places an anchor in the document's `content` fragment. Detached when an end no longer resolves (its text, or the
 * block holding it, was deleted; or it cannot be read), or when both ends meet while the thread was opened on some
 * text: that text was deleted. The same rule as the editor's (client/comments/anchors.ts).
 */
export function placeAnchor(doc: Y.Doc, fragment: Y.XmlFragment, anchor: Anchor): AnchorPlacement {
  const start = resolveEnd(doc, fragment, anchor.start)
  const end = resolveEnd(doc, fragment, anchor.end)
  if (start === null || end === null) return { detached: true }
  if (start.type === end.type && start.index >= end.index && anchor.quote.trim() !== '') return { detached: true }
  return { detached: false, path: start.path }
}

function isPrefix(prefix: NodePath, path: NodePath): boolean {
  return prefix.length <= path.length && prefix.every((index, at) => path[at] === index)
}

/** The model's block holding the node at `path`: the one whose path is its longest prefix, or null (an empty paragraph). */
export function blockAt(model: DraftModel, path: NodePath): DraftBlock | null {
  let found: DraftBlock | null = null
  for (const block of model.blocks) {
    if (isPrefix(block.path, path) && (found === null || block.path.length > found.path.length)) found = block
  }
  return found
}
