/**
 * Comment anchors: a passage of the editor's text as two Yjs relative positions into the `content` XmlFragment (made
 * the way y-tiptap makes its cursors), and back to where that passage is now, or the news that its text is gone.
 */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { EditorState } from '@tiptap/pm/state'
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap'
import { fromBase64, toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { resolveAnchor } from '../../shared/anchor/placeAnchor.ts'
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

/**
 * Where an anchor's passage is now in `doc` (the ProseMirror document `binding` maps). Whether it is attached,
 * detached or pending is decided by the one rule the server uses too (shared/anchor/placeAnchor.ts); the ProseMirror
 * positions of its ends are then y-tiptap's.
 */
/**
 * Where an anchor's start is in the text the editor holds now, even when the passage's text was deleted (then where
 * it was: a passage replaced, the new text is there); null when it cannot be read or names text not received yet.
 */
export function anchorStartIn(binding: YBinding, doc: ProseMirrorNode, anchor: Anchor): number | null {
  try {
    const at = relativePositionToAbsolutePosition(binding.doc, binding.type, Y.decodeRelativePosition(fromBase64(anchor.start)), binding.mapping)
    return at === null || at < 0 || at > doc.content.size ? null : at
  } catch {
    return null
  }
}

export function placeAnchor(binding: YBinding, doc: ProseMirrorNode, anchor: Anchor): Placement {
  const resolved = resolveAnchor(binding.doc, binding.type, anchor)
  if (resolved.kind === 'detached') return detached
  if (resolved.kind === 'pending') return pending
  const position = (encoded: string) => relativePositionToAbsolutePosition(binding.doc, binding.type, Y.decodeRelativePosition(fromBase64(encoded)), binding.mapping)
  const from = position(anchor.start)
  const to = position(anchor.end)
  if (from === null || to === null) return detached
  if (from < 0 || to > doc.content.size || from > to) return detached
  if (from === to && anchor.quote.trim() !== '') return detached
  return { kind: 'attached', from, to }
}
