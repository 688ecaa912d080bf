/** The comment being started: the anchor taken from the editor's selection, or a hint saying why there is none yet. */
import type { Editor } from '@tiptap/core'
import { useCallback, useState } from 'react'
import type { Anchor } from '../api/comments.ts'
import { t } from '../i18n/i18n.ts'
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
    if (empty) return setHint(t('comments.hintSelectPassage'))
    if (!binding) return setHint(t('comments.hintStillLoading'))
    const anchor = anchorFor(binding, editor.state.doc, from, to)
    if (!anchor.quote) return setHint(t('comments.hintEmptyLine'))
    setHint(null)
    setDraft(anchor)
  }, [editor])

  const clear = useCallback(() => setDraft(null), [])
  return { draft, hint, start, clear }
}
