/**
 * Whether the editor is editable, for each recommendation's node view: one listener per editor follows it and tells
 * the views only when it changes, instead of every view checking on every keystroke.
 */
import type { Editor } from '@tiptap/core'
import { useSyncExternalStore } from 'react'

interface EditableStore {
  subscribe(listener: () => void): () => void
}

const stores = new WeakMap<Editor, EditableStore>()

const editableNow = (editor: Editor) => !editor.isDestroyed && editor.isEditable

function storeOf(editor: Editor): EditableStore {
  let store = stores.get(editor)
  if (store) return store
  const listeners = new Set<() => void>()
  let last = editableNow(editor)
  // setEditable emits 'update'; so does every change of the text.
  const check = () => {
    const now = editableNow(editor)
    if (now === last) return
    last = now
    for (const listener of [...listeners]) listener()
  }
  store = {
    subscribe(listener) {
      if (listeners.size === 0) {
        last = editableNow(editor)
        editor.on('update', check)
        editor.on('transaction', check)
      }
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
        if (listeners.size === 0) {
          editor.off('update', check)
          editor.off('transaction', check)
        }
      }
    },
  }
  stores.set(editor, store)
  return store
}

export function useEditable(editor: Editor): boolean {
  return useSyncExternalStore(storeOf(editor).subscribe, () => editableNow(editor))
}
