/**
 * Making the paragraph at the cursor a sub-paragraph of the numbered paragraph before it: UN texts' "12. ... (a) ...;
 * (b) ...". A sub-paragraph is an item of an ordered list inside the numbered paragraph's list item (a numbered
 * paragraph that is a list item looks and exports exactly as a plain one). Tab and Shift+Tab in a sub-paragraph take
 * it a level down, (i), (ii), or back up.
 */
import type { Node as ProseMirrorNode, ResolvedPos } from '@tiptap/pm/model'
import type { Command, EditorState } from '@tiptap/pm/state'
import { TextSelection } from '@tiptap/pm/state'
import { t } from '../i18n/i18n.ts'

const lists = new Set(['bulletList', 'orderedList'])

/** Why the paragraph at the cursor cannot become a sub-paragraph, or null when it can. */
export function subParagraphRefusal(state: EditorState): string | null {
  const { reason } = plan(state, false)
  return reason === null ? null : t(reason)
}

/** Whether the cursor is in a sub-paragraph (an ordered list's item inside a list item). */
export function inSubParagraph($from: ResolvedPos): boolean {
  for (let depth = $from.depth; depth > 1; depth -= 1) {
    if ($from.node(depth).type.name === 'listItem' && $from.node(depth - 1).type.name === 'orderedList' && $from.node(depth - 2)?.type.name === 'listItem') return true
  }
  return false
}

/** The previous list item with `moved` appended to its sub-paragraph list (which is made when it has none). */
function withSubParagraph(state: EditorState, item: ProseMirrorNode, moved: ProseMirrorNode): ProseMirrorNode {
  const { orderedList } = state.schema.nodes
  const last = item.lastChild
  if (last?.type === orderedList) return item.copy(item.content.replaceChild(item.childCount - 1, last.copy(last.content.addToEnd(moved))))
  return item.copy(item.content.addToEnd(orderedList.create(null, moved)))
}

interface Plan {
  /** The message saying why it cannot be done, or null when it can. */
  reason: string | null
  /** The range replaced, the node put there, and how far the moved paragraph's start is from the new node's end. */
  change?: { from: number; to: number; node: ProseMirrorNode; paragraphFromEnd: number; offsetInParagraph: number }
}

/** What the command would do; with `build` false (the toolbar's check on every transaction) only whether it can. */
function plan(state: EditorState, build = true): Plan {
  const { $from } = state.selection
  const { bulletList, listItem } = state.schema.nodes
  if (inSubParagraph($from)) return { reason: 'editor.subParagraphAlready' }
  if ($from.parent.type.name !== 'paragraph') return { reason: 'editor.subParagraphOnlyParagraph' }
  const offsetInParagraph = $from.pos - $from.before()
  if ($from.depth === 1) {
    // A top-level paragraph: under the paragraph or list before it.
    const index = $from.index(0)
    const previous = index > 0 ? state.doc.child(index - 1) : null
    const paragraph = $from.parent
    const from = $from.before() - (previous?.nodeSize ?? 0)
    const to = $from.after()
    const moved = listItem.create(null, paragraph)
    if (previous?.type.name === 'paragraph' && previous.textContent.trim() !== '') {
      if (!build) return { reason: null }
      const node = bulletList.create(null, withSubParagraph(state, listItem.create(null, previous), moved))
      return { reason: null, change: { from, to, node, paragraphFromEnd: 4 + paragraph.nodeSize, offsetInParagraph } }
    }
    if (previous && lists.has(previous.type.name) && previous.lastChild) {
      if (!build) return { reason: null }
      const node = previous.copy(previous.content.replaceChild(previous.childCount - 1, withSubParagraph(state, previous.lastChild, moved)))
      return { reason: null, change: { from, to, node, paragraphFromEnd: 4 + paragraph.nodeSize, offsetInParagraph } }
    }
    return { reason: 'editor.subParagraphNoneBefore' }
  }
  if ($from.depth === 3 && $from.node(2).type.name === 'listItem' && lists.has($from.node(1).type.name) && $from.index(2) === 0) {
    // The first paragraph of a top-level list item: the whole item goes under the item before it.
    const list = $from.node(1)
    const index = $from.index(1)
    if (index === 0) return { reason: 'editor.subParagraphFirstItem' }
    if (!build) return { reason: null }
    const item = list.child(index)
    const previous = list.child(index - 1)
    const listStart = $from.before(1)
    const items: ProseMirrorNode[] = []
    list.forEach((child, _offset, childIndex) => {
      if (childIndex === index - 1) items.push(withSubParagraph(state, previous, item))
      else if (childIndex !== index) items.push(child)
    })
    const rebuilt = list.type.create(list.attrs, items)
    return {
      reason: null,
      change: { from: listStart, to: listStart + list.nodeSize, node: rebuilt, paragraphFromEnd: 3 + sizeOfItemsFrom(list, index + 1) + item.nodeSize - 1, offsetInParagraph },
    }
  }
  return { reason: 'editor.subParagraphOnlyNumbered' }
}

function sizeOfItemsFrom(list: ProseMirrorNode, index: number): number {
  let size = 0
  for (let i = index; i < list.childCount; i += 1) size += list.child(i).nodeSize
  return size
}

export const makeSubParagraph: Command = (state, dispatch) => {
  const { change } = plan(state)
  if (!change) return false
  if (dispatch) {
    const tr = state.tr.replaceWith(change.from, change.to, change.node)
    const end = change.from + change.node.nodeSize
    const paragraphStart = end - change.paragraphFromEnd
    tr.setSelection(TextSelection.create(tr.doc, paragraphStart + change.offsetInParagraph)).scrollIntoView()
    dispatch(tr)
  }
  return true
}
