/**
 * A click below the last block puts the cursor there: in the last block when it is a plain paragraph, otherwise in a
 * new paragraph after it (a recommendation, list, heading or block of alternatives last would leave nowhere to type).
 * Only on a writer's click: the document gets no trailing paragraph by itself.
 */
import { Plugin, PluginKey, TextSelection } from '@tiptap/pm/state'
import type { EditorView } from '@tiptap/pm/view'

export const clickBelowKey = new PluginKey('clickBelow')

/** Puts the cursor after the last block, adding a paragraph there when the last block is not one. */
export function placeCursorAtEnd(view: EditorView): void {
  const { state } = view
  const last = state.doc.lastChild
  const tr = state.tr
  if (last && last.type.name === 'paragraph') {
    tr.setSelection(TextSelection.create(tr.doc, state.doc.content.size - 1))
  } else {
    const end = state.doc.content.size
    tr.insert(end, state.schema.nodes.paragraph.create())
    tr.setSelection(TextSelection.create(tr.doc, end + 1))
  }
  view.dispatch(tr.scrollIntoView())
  view.focus()
}

function belowLastBlock(view: EditorView, event: MouseEvent): boolean {
  const target = event.target as Node | null
  if (target !== view.dom && target !== view.dom.parentElement) return false
  const last = view.dom.lastElementChild
  return !last || event.clientY > last.getBoundingClientRect().bottom
}

export function clickBelowPlugin(): Plugin {
  return new Plugin({
    key: clickBelowKey,
    view: (view) => {
      const page = view.dom.parentElement
      const onMouseDown = (event: MouseEvent) => {
        if (event.button !== 0 || !view.editable || !belowLastBlock(view, event)) return
        event.preventDefault()
        placeCursorAtEnd(view)
      }
      page?.addEventListener('mousedown', onMouseDown)
      return { destroy: () => page?.removeEventListener('mousedown', onMouseDown) }
    },
  })
}
