/** Comment threads on passages of the draft, for every member who can read it: open ones in text order, detached, resolved. */
import type { Editor } from '@tiptap/core'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { openThread, type Anchor } from '../api/comments.ts'
import type { DocumentDetail, SignedInMember } from '../api/types.ts'
import { anchorFor, bindingOf, type Placement } from './anchors.ts'
import { CommentBubble } from './CommentBubble.tsx'
import { CommentForm } from './CommentForm.tsx'
import { CompilationForm } from './CompilationForm.tsx'
import { ThreadCard, type ThreadActions } from './ThreadCard.tsx'
import type { PlacedThread } from './threadLayout.ts'
import { useCommentHighlights } from './useCommentHighlights.ts'
import { useThreads } from './useThreads.ts'
import '../styles/comments.css'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
const shortcut = isMac ? '⌘⌥M' : 'Ctrl+Alt+M'

/** Scrolls the editor's text to a thread's passage. */
function revealPassage(editor: Editor, placement: Placement): void {
  if (placement.kind !== 'attached' || editor.isDestroyed) return
  const highlight = editor.view.dom.querySelector(`.comment-highlight.is-active`)
  const { node } = editor.view.domAtPos(placement.from)
  const target = highlight ?? (node instanceof Element ? node : node.parentElement)
  target?.scrollIntoView({ block: 'center', behavior: 'smooth' })
}

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
  const [draft, setDraft] = useState<Anchor | null>(null)
  const [hint, setHint] = useState<string | null>(null)
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

  const startComment = useCallback(() => {
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

  useEffect(() => {
    if (!canComment) return
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM') {
        event.preventDefault()
        startComment()
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [canComment, startComment])

  const post = async (body: string) => {
    if (!draft) return
    const thread = await change(() => openThread(documentId, { anchor: draft, body }))
    setDraft(null)
    setActiveId(thread.id)
  }

  const card = ({ thread, placement }: PlacedThread) => (
    <li key={thread.id}>
      <ThreadCard
        thread={thread}
        placement={placement}
        active={thread.id === activeId}
        actions={actions}
        onSelect={() => {
          setActiveId(thread.id)
          requestAnimationFrame(() => revealPassage(editor, placement))
        }}
      />
    </li>
  )

  const { open, detached, resolved } = groups
  const openCount = open.length + detached.length
  return (
    <section className="side-panel comments-panel" aria-labelledby="comments-heading">
      <div className="comments-heading-row">
        <h2 id="comments-heading">Comments</h2>
        {canComment && (
          <button
            type="button"
            className="button-quiet"
            onMouseDown={(event) => event.preventDefault()}
            onClick={startComment}
            title={`Comment on the selected text (${shortcut})`}
            aria-keyshortcuts={isMac ? 'Meta+Alt+M' : 'Control+Alt+M'}
          >
            Comment on selection
          </button>
        )}
      </div>
      <p className="panel-summary" role="status">
        {load.status === 'ready' ? `${openCount} open, ${resolved.length} resolved` : ''}
      </p>
      <CompilationForm documentId={documentId} />
      {hint && (
        <p className="hint comment-hint" role="status">
          {hint}
        </p>
      )}
      {draft && (
        <div className="new-thread">
          <p className="new-thread-quote">
            <span className="visually-hidden">Passage: </span>
            <q>{draft.quote}</q>
          </p>
          <CommentForm label="Your comment" submitLabel="Post comment" busyLabel="Posting…" onSubmit={post} onCancel={() => setDraft(null)} />
        </div>
      )}
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
        {load.status === 'ready' && openCount === 0 && !draft && (
          <p className="comments-empty">
            No open comments.{canComment ? ` Select a passage of the text and choose Comment (${shortcut}).` : ''}
          </p>
        )}
        {open.length > 0 && (
          <ol className="thread-list" aria-label="Open comments">
            {open.map(card)}
          </ol>
        )}
        {detached.length > 0 && (
          <section className="thread-group" aria-labelledby="detached-heading">
            <h3 id="detached-heading">Detached ({detached.length})</h3>
            <p className="hint">The text these comments were made on has been deleted; they stay here with the text they quoted.</p>
            <ol className="thread-list">{detached.map(card)}</ol>
          </section>
        )}
        {resolved.length > 0 && (
          <details className="thread-group resolved-threads">
            <summary>
              <h3>Resolved ({resolved.length})</h3>
            </summary>
            <ol className="thread-list">{resolved.map(card)}</ol>
          </details>
        )}
      </div>
      {canComment && <CommentBubble editor={editor} shortcut={shortcut} onComment={startComment} />}
    </section>
  )
}
