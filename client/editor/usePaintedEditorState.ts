/**
 * A value derived from the editor for the interface around the text (the toolbar's pressed buttons). When the text
 * changes (typing) it is read again just after the change has been painted, at most once a frame, rather than inside
 * every keystroke as useEditorState does; when only the selection or the stored marks change (a click, an arrow key,
 * Ctrl+B) it is read at once.
 */
import type { Editor } from '@tiptap/core'
import type { Transaction } from '@tiptap/pm/state'
import { useEffect, useRef, useState } from 'react'
import { afterNextPaint } from '../collab/afterPaint.ts'

/** Longest wait when the tab paints no frame (hidden). */
const hiddenTabWaitMs = 50

function shallowEqual<T extends object>(a: T, b: T): boolean {
  const keys = Object.keys(a) as Array<keyof T>
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]))
}

export function usePaintedEditorState<T extends object>(editor: Editor, selector: (editor: Editor) => T): T {
  const [value, setValue] = useState(() => selector(editor))
  const select = useRef(selector)
  select.current = selector
  useEffect(() => {
    let cancel: (() => void) | null = null
    const read = () => {
      cancel = null
      if (editor.isDestroyed) return
      const next = select.current(editor)
      setValue((previous) => (shallowEqual(previous, next) ? previous : next))
    }
    const schedule = () => {
      cancel ??= afterNextPaint(read, hiddenTabWaitMs)
    }
    const onTransaction = ({ transaction }: { transaction: Transaction }) => {
      if (transaction.docChanged) return schedule()
      cancel?.()
      read()
    }
    read()
    editor.on('transaction', onTransaction)
    // Editability changing (setEditable) emits 'update' only.
    editor.on('update', schedule)
    return () => {
      cancel?.()
      editor.off('transaction', onTransaction)
      editor.off('update', schedule)
    }
  }, [editor])
  return value
}
