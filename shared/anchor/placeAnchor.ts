/**
 * Where an anchor (of a comment thread or a proposal) is in a document now: resolved in the Y.Doc to its two ends and
 * the block its start falls in; detached when the text it was made on is gone; pending when it names text this copy
 * has not received. The one rule, used by the server and the editor alike. Reads the Y.Doc, never changes it.
 */
import * as Y from 'yjs'
import type { DraftBlock, DraftModel } from '../model/draftModel.ts'
import type { NodePath } from '../schema/draftJson.ts'
import { decodeAnchorPosition, type Anchor } from '../schema/comments.ts'

/** An anchor end in the Y.Doc: the type it falls in, the index there, and the path from the fragment down to it. */
export interface ResolvedEnd {
  type: Y.AbstractType<unknown>
  index: number
  /** The path from the fragment down to `type`, then the index within it for a container. */
  path: NodePath
}

export type AnchorResolution =
  | { kind: 'attached'; start: ResolvedEnd; end: ResolvedEnd }
  /** The text was deleted, or the block holding it, or the anchor cannot be read. */
  | { kind: 'detached' }
  /** The anchor names text this copy of the document has not received (yet). */
  | { kind: 'pending' }

export type AnchorPlacement =
  /** `path`: indices from the document down to the node the start falls in (the model's blocks are prefixes of it). */
  | { detached: false; path: NodePath }
  | { detached: true }

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
    if (item === null || item.deleted || !(item.parent instanceof Y.AbstractType)) return null
    path.unshift(indexAmongSiblings(item))
    current = item.parent
  }
  return path
}

function resolveEnd(doc: Y.Doc, fragment: Y.XmlFragment, encoded: string): ResolvedEnd | 'gone' | 'unknown' {
  const relative = decodeAnchorPosition(encoded)
  if (relative === null) return 'gone'
  if (relative.item && !knows(doc, relative.item)) return 'unknown'
  if (relative.type && !knows(doc, relative.type)) return 'unknown'
  let absolute: Y.AbsolutePosition | null
  try {
    // Not following undone deletions: every reader of the anchor resolves it alike.
    absolute = Y.createAbsolutePositionFromRelativePosition(relative, doc, false)
  } catch {
    return 'gone'
  }
  if (absolute === null) return 'gone'
  const path = pathOf(absolute.type, fragment)
  if (path === null) return 'gone'
  if (!(absolute.type instanceof Y.XmlText)) {
    // Between the children of a container: the child at that place, or the last one at its end.
    const length = absolute.type._length
    if (length > 0) path.push(Math.min(absolute.index, length - 1))
  }
  return { type: absolute.type, index: absolute.index, path }
}

/** Whether `a` comes before `b` in document order (both resolved in the same fragment). */
function before(a: ResolvedEnd, b: ResolvedEnd): boolean {
  const length = Math.min(a.path.length, b.path.length)
  for (let at = 0; at < length; at++) if (a.path[at] !== b.path[at]) return a.path[at] < b.path[at]
  if (a.type === b.type) return a.index < b.index
  return a.path.length < b.path.length
}

/**
 * Resolves an anchor in the document's `content` fragment. Detached when an end no longer resolves (its text, or the
 * block holding it, was deleted; or it cannot be read), or when the ends meet (or cross) while the anchor was made on
 * some text: that text was deleted. An anchor without a quote is a point and stays where its ends meet.
 */
export function resolveAnchor(doc: Y.Doc, fragment: Y.XmlFragment, anchor: Anchor): AnchorResolution {
  const start = resolveEnd(doc, fragment, anchor.start)
  const end = resolveEnd(doc, fragment, anchor.end)
  if (start === 'gone' || end === 'gone') return { kind: 'detached' }
  if (start === 'unknown' || end === 'unknown') return { kind: 'pending' }
  if (anchor.quote.trim() !== '' && !before(start, end)) return { kind: 'detached' }
  return { kind: 'attached', start, end }
}

/** resolveAnchor for those who only need the block: text not received reads as detached (the server has all there is). */
export function placeAnchor(doc: Y.Doc, fragment: Y.XmlFragment, anchor: Anchor): AnchorPlacement {
  const resolved = resolveAnchor(doc, fragment, anchor)
  return resolved.kind === 'attached' ? { detached: false, path: resolved.start.path } : { detached: true }
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
