/** Comment threads on passages of the draft, for every member who can read it: open ones in text order, detached, resolved. */
import type { Editor } from '@tiptap/core'
import { useCallback, useMemo, useRef, useState } from 'react'
import { openThread } from '../api/comments.ts'
import type { DocumentDetail, SignedInMember } from '../api/types.ts'
import { CommentBubble } from './CommentBubble.tsx'
import { commentShortcut, commentShortcutAria, useCommentShortcut } from './commentShortcut.ts'
import { CompilationForm } from './CompilationForm.tsx'
import { NewThreadForm } from './NewThreadForm.tsx'
import type { ThreadActions } from './ThreadCard.tsx'
import { ThreadGroups } from './ThreadGroups.tsx'
import { useCommentDraft } from './useCommentDraft.ts'
import { useCommentHighlights } from './useCommentHighlights.ts'
import { useThreads } from './useThreads.ts'
import '../styles/comments.css'

export interface CommentsPanelProps {
  editor: Editor
  detail: Pick<DocumentDetail, 'document' | 'permissions'>
  member: SignedInMember
}

export function CommentsPanel({ editor, detail, member }: CommentsPanelProps) {
  const documentId = detail.document.id
  const { permissions } = detail
  const { threads, load, reload, change } = useThreads(documentId)
  const [activeId, setActiveId] = useState<string | null>(null)
  const { draft, hint, start, clear } = useCommentDraft(editor)
  const list = useRef<HTMLDivElement>(null)

  const showThread = useCallback((threadId: string) => {
    setActiveId(threadId)
    requestAnimationFrame(() => list.current?.querySelector(`[data-thread-id="${CSS.escape(threadId)}"]`)?.scrollIntoView({ block: 'nearest' }))
  }, [])

  const groups = useCommentHighlights(editor, { threads, activeId, draft, onActivate: showThread })
  const canComment = permissions.comment
  const actions: ThreadActions = useMemo(
    () => ({ documentId, member, canComment, canResolve: permissions.resolveThreads, change }),
    [documentId, member, canComment, permissions.resolveThreads, change],
  )
  useCommentShortcut(canComment, start)

  const post = async (body: string) => {
    if (!draft) return
    const thread = await change(() => openThread(documentId, { anchor: draft, body }))
    clear()
    setActiveId(thread.id)
  }

  const openCount = groups.open.length + groups.detached.length
  return (
    <section className="side-panel comments-panel" aria-labelledby="comments-heading">
      <div className="comments-heading-row">
        <h2 id="comments-heading">Comments</h2>
        {canComment && (
          <button
            type="button"
            className="button-quiet"
            onMouseDown={(event) => event.preventDefault()}
            onClick={start}
            title={`Comment on the selected text (${commentShortcut})`}
            aria-keyshortcuts={commentShortcutAria}
          >
            Comment on selection
          </button>
        )}
      </div>
      <p className="panel-summary" role="status">
        {load.status === 'ready' ? `${openCount} open, ${groups.resolved.length} resolved` : ''}
      </p>
      <CompilationForm documentId={documentId} />
      {hint && (
        <p className="hint comment-hint" role="status">
          {hint}
        </p>
      )}
      {draft && <NewThreadForm anchor={draft} onPost={post} onCancel={clear} />}
      {load.status === 'loading' && (
        <p className="loading" role="status">
          Loading comments…
        </p>
      )}
      {load.status === 'failed' && (
        <div className="notice notice-error" role="alert">
          <p>Could not load the comments: {load.error.message}</p>
          <button type="button" onClick={reload}>
            Try again
          </button>
        </div>
      )}
      <div ref={list}>
        <ThreadGroups
          editor={editor}
          groups={groups}
          activeId={activeId}
          actions={actions}
          onActivate={setActiveId}
          empty={
            load.status === 'ready' &&
            !draft && (
              <p className="comments-empty">
                No open comments.{canComment ? ` Select a passage of the text and choose Comment (${commentShortcut}).` : ''}
              </p>
            )
          }
        />
      </div>
      {canComment && <CommentBubble editor={editor} shortcut={commentShortcut} onComment={start} />}
    </section>
  )
}
