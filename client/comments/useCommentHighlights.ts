/** Puts the comment highlights into an editor, keeps them fed with threads, and lists the threads as the text orders them. */
import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useLayoutEffect, useMemo, useRef } from 'react'
import type { Anchor, Thread } from '../api/comments.ts'
import type { Placement } from './anchors.ts'
import { commentAnchorsKey, commentHighlights, setCommentAnchors, type CommentAnchorsMeta } from './commentHighlights.ts'
import { groupThreads, type ThreadGroups } from './threadLayout.ts'

export interface HighlightInputs {
  threads: Thread[]
  activeId: string | null
  draft: Anchor | null
  onActivate: (threadId: string) => void
}

const noPlacements: ReadonlyMap<string, Placement> = new Map()

export function placementsOf(editor: Editor): ReadonlyMap<string, Placement> {
  return editor.isDestroyed ? noPlacements : (commentAnchorsKey.getState(editor.state)?.placements ?? noPlacements)
}

/** The threads grouped as the text orders them, and the highlights' layout version (it moves when places may have changed). */
export function useCommentHighlights(editor: Editor, { threads, activeId, draft, onActivate }: HighlightInputs): ThreadGroups & { layoutVersion: number } {
  const activate = useRef(onActivate)
  activate.current = onActivate

  // Layout effects: the plugin is there, and knows the threads, before the panel paints.
  useLayoutEffect(() => {
    if (editor.isDestroyed) return
    editor.registerPlugin(commentHighlights({ onActivate: (threadId) => activate.current(threadId) }))
    return () => {
      if (!editor.isDestroyed) editor.unregisterPlugin(commentAnchorsKey)
    }
  }, [editor])

  const send = (meta: CommentAnchorsMeta) => {
    if (!editor.isDestroyed && commentAnchorsKey.getState(editor.state)) editor.view.dispatch(setCommentAnchors(editor.state.tr, meta))
  }
  useLayoutEffect(() => send({ threads }), [editor, threads])
  useLayoutEffect(() => send({ activeId }), [editor, activeId])
  useLayoutEffect(() => send({ draft }), [editor, draft])

  const layoutVersion = useEditorState({ editor, selector: ({ editor: current }) => (current.isDestroyed ? -1 : (commentAnchorsKey.getState(current.state)?.layoutVersion ?? -1)) })
  // The placements are read from the editor afresh whenever the layout version moves.
  return useMemo(() => ({ ...groupThreads(threads, placementsOf(editor)), layoutVersion }), [editor, threads, layoutVersion])
}
