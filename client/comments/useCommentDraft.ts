/** The comment being started: the anchor taken from the editor's selection, or a hint saying why there is none yet. */
import type { Editor } from '@tiptap/core'
import { useCallback, useState } from 'react'
import type { Anchor } from '../api/comments.ts'
import { anchorFor, bindingOf } from './anchors.ts'

export interface CommentDraft {
  draft: Anchor | null
  hint: string | null
  /** Takes the editor's selection as the passage of a new comment. */
  start: () => void
  clear: () => void
}

export function useCommentDraft(editor: Editor): CommentDraft {
  const [draft, setDraft] = useState<Anchor | null>(null)
  const [hint, setHint] = useState<string | null>(null)

  const start = useCallback(() => {
    if (editor.isDestroyed) return
    const { from, to, empty } = editor.state.selection
    const binding = bindingOf(editor.state)
    if (empty) return setHint('Select the passage you want to comment on, then choose Comment.')
    if (!binding) return setHint('The text is still loading; try again in a moment.')
    const anchor = anchorFor(binding, editor.state.doc, from, to)
    if (!anchor.quote) return setHint('Select some text, not only an empty line, to comment on it.')
    setHint(null)
    setDraft(anchor)
  }, [editor])

  const clear = useCallback(() => setDraft(null), [])
  return { draft, hint, start, clear }
}
