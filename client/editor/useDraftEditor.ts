/** Creates the TipTap editor over a collaboration session, and keeps its editability in step with the member's rights. */
import type { Editor } from '@tiptap/core'
import { useEditor } from '@tiptap/react'
import { useEffect, useRef } from 'react'
import type { FrameworkCatalogue } from '../../shared/framework/element.ts'
import type { CollabSession } from '../collab/openCollabSession.ts'
import { t } from '../i18n/i18n.ts'
import { recountNumbering } from './draftNumbering.ts'
import { editorExtensions, type CaretUser } from './editorExtensions.ts'

function draftAttributes(canWrite: boolean): Record<string, string> {
  return {
    class: 'draft-text',
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': t('editor.draftText'),
    'aria-readonly': String(!canWrite),
    spellcheck: 'true',
  }
}

export function useDraftEditor({ session, user, catalogue, canWrite }: { session: CollabSession; user: CaretUser; catalogue: FrameworkCatalogue; canWrite: boolean }): Editor | null {
  // The catalogue may change while the document is open: the editor reads the newest, and is not created again.
  const current = useRef(catalogue)
  current.current = catalogue
  const editor = useEditor(
    {
      extensions: editorExtensions({ session, user, catalogue: () => current.current }),
      editable: canWrite,
      shouldRerenderOnTransaction: false,
      editorProps: { attributes: draftAttributes(canWrite) },
    },
    [session],
  )
  useEffect(() => {
    if (editor && !editor.isDestroyed) recountNumbering(editor.view, catalogue)
  }, [editor, catalogue])
  useEffect(() => {
    if (!editor || editor.isEditable === canWrite) return
    // The editor keeps the attributes it was created with: aria-readonly has to follow by hand.
    editor.setOptions({ editorProps: { ...editor.options.editorProps, attributes: draftAttributes(canWrite) } })
    editor.setEditable(canWrite)
  }, [editor, canWrite])
  return editor
}
