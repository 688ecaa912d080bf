/** ProseMirror commands over recommendations that keep the invariant: created with at least one framework link, never left without one. */
import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import type { Command, EditorState, Transaction } from '@tiptap/pm/state'
import { TextSelection } from '@tiptap/pm/state'
import { recommendationNodeName } from '../../shared/schema/recommendationNode.ts'

export interface FoundRecommendation {
  node: ProseMirrorNode
  pos: number
}

export function refsOf(node: ProseMirrorNode): string[] {
  const refs = node.attrs.refs
  return Array.isArray(refs) ? refs.filter((ref): ref is string => typeof ref === 'string') : []
}

export function findRecommendation(doc: ProseMirrorNode, id: string): FoundRecommendation | null {
  let found: FoundRecommendation | null = null
  doc.descendants((node, pos) => {
    if (found) return false
    if (node.type.name === recommendationNodeName && node.attrs.id === id) {
      found = { node, pos }
      return false
    }
    return node.isBlock && !node.isTextblock
  })
  return found
}

function uniqueRefs(refs: readonly string[]): string[] {
  return [...new Set(refs.map((ref) => ref.trim()).filter(Boolean))]
}

/** Where a new top-level block goes: replacing an empty top-level paragraph the cursor is in, or after the cursor's top-level block. */
function insertionRange(state: EditorState): { from: number; to: number } {
  const { $from, to: selectionEnd } = state.selection
  if ($from.depth === 0) return { from: selectionEnd, to: selectionEnd }
  const topLevel = $from.node(1)
  const start = $from.before(1)
  if (topLevel.type.name === 'paragraph' && topLevel.content.size === 0) return { from: start, to: start + topLevel.nodeSize }
  const after = $from.after(1)
  return { from: after, to: after }
}

/** Inserts a recommendation with the given id and links, and puts the cursor in it; refuses without a link. */
export function insertRecommendation(id: string, refs: readonly string[]): Command {
  return (state, dispatch) => {
    const links = uniqueRefs(refs)
    const { recommendation, paragraph } = state.schema.nodes
    if (links.length === 0 || id.trim() === '' || !recommendation || !paragraph) return false
    const node = recommendation.create({ id, refs: links }, paragraph.create())
    const { from, to } = insertionRange(state)
    if (dispatch) {
      const tr = state.tr.replaceWith(from, to, node)
      const inside = tr.mapping.map(from, -1) + 2
      tr.setSelection(TextSelection.create(tr.doc, inside)).scrollIntoView()
      dispatch(tr)
    }
    return true
  }
}

function setRefs(tr: Transaction, pos: number, refs: string[]): Transaction {
  return tr.setNodeAttribute(pos, 'refs', refs)
}

export function addRecommendationRefs(id: string, refs: readonly string[]): Command {
  return (state, dispatch) => {
    const found = findRecommendation(state.doc, id)
    if (!found) return false
    const current = refsOf(found.node)
    const next = uniqueRefs([...current, ...refs])
    if (next.length === current.length) return false
    if (dispatch) dispatch(setRefs(state.tr, found.pos, next))
    return true
  }
}

/** Removes one link; refuses when it is the recommendation's last one. */
export function removeRecommendationRef(id: string, ref: string): Command {
  return (state, dispatch) => {
    const found = findRecommendation(state.doc, id)
    if (!found) return false
    const current = refsOf(found.node)
    if (!current.includes(ref)) return false
    const next = current.filter((candidate) => candidate !== ref)
    if (next.length === 0) return false
    if (dispatch) dispatch(setRefs(state.tr, found.pos, next))
    return true
  }
}
