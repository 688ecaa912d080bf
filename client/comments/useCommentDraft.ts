/** The comment being started: the anchor taken from the editor's selection, or a hint saying why there is none yet. */
import type { Editor } from '@tiptap/core'
import { useCallback, useRef, useState } from 'react'
import { focusedNow, returnFocus } from '../app/returnFocus.ts'
import type { Anchor } from '../api/comments.ts'
import { t } from '../i18n/i18n.ts'
import { anchorFor, bindingOf } from './anchors.ts'

export interface CommentDraft {
  draft: Anchor | null
  hint: string | null
  /** Takes the editor's selection as the passage of a new comment. */
  start: () => void
  /** The comment was posted: the form goes. */
  clear: () => void
  /** The comment was given up (Escape, Cancel): the form goes, and focus back to what opened it. */
  cancel: () => void
}

export function useCommentDraft(editor: Editor): CommentDraft {
  const [draft, setDraft] = useState<Anchor | null>(null)
  const [hint, setHint] = useState<string | null>(null)
  /** What had focus when the comment was started. */
  const opener = useRef<HTMLElement | null>(null)

  const start = useCallback(() => {
    if (editor.isDestroyed) return
    const { from, to, empty } = editor.state.selection
    const binding = bindingOf(editor.state)
    if (empty) return setHint(t('comments.hintSelectPassage'))
    if (!binding) return setHint(t('comments.hintStillLoading'))
    const anchor = anchorFor(binding, editor.state.doc, from, to)
    if (!anchor.quote) return setHint(t('comments.hintEmptyLine'))
    setHint(null)
    opener.current = focusedNow()
    setDraft(anchor)
  }, [editor])

  const clear = useCallback(() => setDraft(null), [])
  const cancel = useCallback(() => {
    setDraft(null)
    returnFocus(opener.current)
    opener.current = null
  }, [])
  return { draft, hint, start, clear, cancel }
}
