/** The DraftModel the editor's numbering has derived, following every change of the text. */
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
    editor.on('update', follow)
    return () => {
      editor.off('update', follow)
    }
  }, [editor])
  return model
}
