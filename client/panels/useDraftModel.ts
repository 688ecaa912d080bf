/**
 * The DraftModel the editor's numbering has derived; a component re-renders only when a new one is derived, and at
 * transition priority, so that drawing the panels again yields to the next keystroke.
 */
import type { Editor } from '@tiptap/core'
import { startTransition, useEffect, useState } from 'react'
import type { DraftModel } from '../../shared/model/draftModel.ts'
import { draftNumberingKey } from '../editor/draftNumbering.ts'

const emptyModel: DraftModel = { blocks: [] }

export function useDraftModel(editor: Editor): DraftModel {
  const read = () => draftNumberingKey.getState(editor.state)?.model ?? emptyModel
  const [model, setModel] = useState(read)
  useEffect(() => {
    let last = read()
    setModel(last)
    const follow = () => {
      const next = read()
      if (next === last) return
      last = next
      startTransition(() => setModel(next))
    }
    editor.on('transaction', follow)
    return () => {
      editor.off('transaction', follow)
    }
  }, [editor])
  return model
}
