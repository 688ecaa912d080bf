/** validateDraft over the editor's JSON, re-run shortly after the text stops changing. */
import type { Editor } from '@tiptap/core'
import { useEffect, useState } from 'react'
import type { FrameworkCatalogue } from '../../shared/framework/element.ts'
import { validateDraft, type DraftValidation } from '../../shared/schema/validateDraft.ts'

export function useDraftValidation(editor: Editor, catalogue: FrameworkCatalogue, delayMs = 300): DraftValidation {
  const [validation, setValidation] = useState(() => validateDraft(editor.getJSON(), catalogue))
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined
    const validate = () => setValidation(validateDraft(editor.getJSON(), catalogue))
    const schedule = () => {
      clearTimeout(timer)
      timer = setTimeout(validate, delayMs)
    }
    validate()
    editor.on('update', schedule)
    return () => {
      clearTimeout(timer)
      editor.off('update', schedule)
    }
  }, [editor, catalogue, delayMs])
  return validation
}
