/** The DraftModel the editor's numbering has derived; a component re-renders only when a new one is derived. */
import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'
import type { DraftModel } from '../../shared/model/draftModel.ts'
import { draftNumberingKey } from '../editor/draftNumbering.ts'

const emptyModel: DraftModel = { blocks: [] }

export function useDraftModel(editor: Editor): DraftModel {
  const read = () => draftNumberingKey.getState(editor.state)?.model ?? emptyModel
  const [model, setModel] = useState(read)
  useEffect(() => {
    const follow = () => setModel(read())
    follow()
    editor.on('transaction', follow)
    return () => {
      editor.off('transaction', follow)
    }
  }, [editor])
  return model
}
