/**
 * Comment anchors: a passage of the editor's text as two Yjs relative positions into the `content` XmlFragment (made
 * the way y-tiptap makes its cursors), and back to where that passage is now, or the news that its text is gone.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { EditorState } from '@tiptap/pm/state'
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap'
import { fromBase64, toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { maxQuoteLength, type Anchor } from '../api/comments.ts'

/** What resolving a position needs: the Y.Doc, the fragment the editor shows, and y-tiptap's Yjs-to-ProseMirror mapping. */
export interface YBinding {
  doc: Y.Doc
  type: Y.XmlFragment
  mapping: Map<Y.AbstractType<unknown>, ProseMirrorNode | ProseMirrorNode[]>
}

/** Where a thread's passage is in the text the editor holds now. */
export type Placement =
  | { kind: 'attached'; from: number; to: number }
  /** The passage's text was deleted (or its anchor cannot be read): shown apart, with its quote. */
  | { kind: 'detached' }
  /** The anchor names text this client has not received yet (the document is still loading). */
  | { kind: 'pending' }

export const detached: Placement = { kind: 'detached' }
export const pending: Placement = { kind: 'pending' }

/** The collaboration binding of an editor state, once y-tiptap's view has set it up. */
export function bindingOf(state: EditorState): YBinding | null {
  const binding = ySyncPluginKey.getState(state)?.binding as Partial<YBinding> | undefined
  if (!binding?.doc || !binding.type || !binding.mapping) return null
  return { doc: binding.doc, type: binding.type, mapping: binding.mapping }
}

/** The text a thread is opened on, as the server keeps it (at most `maxQuoteLength` characters). */
export function quoteOf(doc: ProseMirrorNode, from: number, to: number): string {
  const quote = doc.textBetween(from, to, '\n', ' ').replace(/\s+\n/g, '\n').trim()
  return quote.length <= maxQuoteLength ? quote : `${quote.slice(0, maxQuoteLength - 1)}…`
}

function encodePosition(binding: YBinding, pos: number): string {
  return toBase64(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, binding.type, binding.mapping)))
}

/** The anchor of the passage between two positions of `doc`, the ProseMirror document `binding` maps. */
export function anchorFor(binding: YBinding, doc: ProseMirrorNode, from: number, to: number): Anchor {
  return { start: encodePosition(binding, from), end: encodePosition(binding, to), quote: quoteOf(doc, from, to) }
}

type Resolved = number | 'gone' | 'unknown'

/** Whether this client's Y.Doc holds the struct with this id. */
function knows(doc: Y.Doc, id: Y.ID): boolean {
  return Y.getState(doc.store, id.client) > id.clock
}

/** Whether the item, or any node it sits in, has been deleted. */
function deletedWithin(item: Y.Item | null, root: Y.XmlFragment): boolean {
  while (item) {
    if (item.deleted) return true
    const parent = item.parent as Y.AbstractType<unknown>
    if (parent === root) return false
    item = parent._item
  }
  return false
}

function resolvePosition(binding: YBinding, encoded: string): Resolved {
  let relative: Y.RelativePosition
  try {
    relative = Y.decodeRelativePosition(fromBase64(encoded))
  } catch {
    return 'gone'
  }
  const { doc, type } = binding
  if (relative.item && !knows(doc, relative.item)) return 'unknown'
  if (relative.type && !knows(doc, relative.type)) return 'unknown'
  // A position in a deleted paragraph still resolves, to somewhere near where the paragraph was: its text is gone.
  if (relative.type) {
    const container = Y.getItem(doc.store, relative.type)
    if (!(container instanceof Y.Item) || deletedWithin(container, type)) return 'gone'
  }
  if (relative.item) {
    const item = Y.getItem(doc.store, relative.item)
    if (item instanceof Y.Item && deletedWithin(item.parent === type ? null : ((item.parent as Y.AbstractType<unknown>)._item ?? null), type)) return 'gone'
  }
  const absolute = relativePositionToAbsolutePosition(doc, type, relative, binding.mapping)
  return absolute === null ? 'gone' : absolute
}

/**
 * Where an anchor's passage is now in `doc` (the ProseMirror document `binding` maps). Detached when an end no
 * longer resolves, or both ends meet while the thread was opened on some text: that text was deleted.
 */
export function placeAnchor(binding: YBinding, doc: ProseMirrorNode, anchor: Anchor): Placement {
  const from = resolvePosition(binding, anchor.start)
  const to = resolvePosition(binding, anchor.end)
  if (from === 'gone' || to === 'gone') return detached
  if (from === 'unknown' || to === 'unknown') return pending
  const size = doc.content.size
  if (from < 0 || to > size || from > to) return detached
  if (from === to && anchor.quote.trim() !== '') return detached
  return { kind: 'attached', from, to }
}
