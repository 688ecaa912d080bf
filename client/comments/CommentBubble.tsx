/**
 * A small "Comment" button beside selected text, in editable and read-only editors alike: past the text on the margin's side
 * (its right; its left in a right-to-left page), level with the line where the selection ends, so it hides no line of the text.
 */
import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useEffect, useLayoutEffect, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { t } from '../i18n/i18n.ts'

/** Where the bubble goes: level with the selection's end, past the text's end side (its right, or its left in Arabic). */
interface Spot {
  top: number
  left?: number
  right?: number
}

/** Whether the browser's selection is a stretch of text inside the editor (not a caret, not elsewhere on the page). */
function selectsTextIn(editor: Editor): boolean {
  if (editor.isDestroyed) return false
  const selection = editor.view.dom.ownerDocument.getSelection()
  return !!selection && !selection.isCollapsed && editor.view.dom.contains(selection.anchorNode) && editor.view.dom.contains(selection.focusNode)
}

export interface BubbleLabels {
  label: string
  title: string
  testId: string
  className: string
}

const commentLabels = (shortcut: string): BubbleLabels => ({
  label: t('comments.comment'),
  title: t('comments.commentOnSelectionTitle', { shortcut }),
  testId: 'comment-bubble',
  className: 'comment-bubble',
})

/** Also offers other actions on a selection (Propose), with their own labels. */
export function CommentBubble({ editor, shortcut, onComment, labels = commentLabels(shortcut) }: { editor: Editor; shortcut: string; onComment: () => void; labels?: BubbleLabels }) {
  // Only a selection's end matters; a caret moving while someone types renders nothing.
  const end = useEditorState({ editor, selector: ({ editor: current }) => (current.isDestroyed || current.state.selection.empty ? null : current.state.selection.to) })
  const [inEditor, setInEditor] = useState(() => selectsTextIn(editor))
  const [spot, setSpot] = useState<Spot | null>(null)
  const known = useRef(inEditor)
  known.current = inEditor

  useEffect(() => {
    // The selection changes with every keystroke: the bubble renders only when it starts or stops selecting text here.
    const follow = () => {
      const now = selectsTextIn(editor)
      if (now === known.current) return
      known.current = now
      setInEditor(now)
    }
    document.addEventListener('selectionchange', follow)
    return () => document.removeEventListener('selectionchange', follow)
  }, [editor])

  useLayoutEffect(() => {
    if (end === null || !inEditor || editor.isDestroyed) return setSpot(null)
    try {
      const coords = editor.view.coordsAtPos(end)
      const text = editor.view.dom.getBoundingClientRect()
      const top = coords.top + window.scrollY - 2
      // In a right-to-left page the margin is on the text's left: the bubble goes there, measured from the page's right edge.
      if (document.documentElement.dir === 'rtl') setSpot({ top, right: document.documentElement.clientWidth - (text.left + window.scrollX) + 8 })
      else setSpot({ top, left: text.right + window.scrollX + 8 })
    } catch {
      setSpot(null)
    }
  }, [editor, end, inEditor])

  if (!spot) return null
  return createPortal(
    <div className={labels.className} style={spot}>
      <button
        type="button"
        // Keeps the selection (and the editor's focus) while the button is pressed.
        onMouseDown={(event) => event.preventDefault()}
        onClick={onComment}
        title={labels.title}
        data-testid={labels.testId}
      >
        {labels.label}
      </button>
    </div>,
    document.body,
  )
}
