/**
 * Comment threads on passages of the draft, for every member who can read it: open ones in the margin beside their
 * passage (in the panel when there is no margin), detached and resolved ones in the panel; filters; what is new since
 * the member last looked, here and in the tab's title.
 */
import { LoadNotice } from '../app/LoadState.tsx'
import type { Editor } from '@tiptap/core'
import { useCallback, useMemo, useRef, useState } from 'react'
import { createPortal } from 'react-dom'
import { openThread } from '../api/comments.ts'
import type { DocumentDetail, SignedInMember } from '../api/types.ts'
import { t, tx } from '../i18n/i18n.ts'
import { CommentBubble } from './CommentBubble.tsx'
import { CommentFilters } from './CommentFilters.tsx'
import { CommentMargin } from './CommentMargin.tsx'
import { commentShortcut, commentShortcutAria, useCommentShortcut } from './commentShortcut.ts'
import { CompilationForm } from './CompilationForm.tsx'
import { NewThreadForm } from './NewThreadForm.tsx'
import type { ThreadActions } from './ThreadCard.tsx'
import { ThreadGroups } from './ThreadGroups.tsx'
import { commentingDelegations, defaultThreadFilters, isNarrowed, matchesFilters, newComments, unseenCount, type ThreadFilters } from './threadFilters.ts'
import type { PlacedThread } from './threadLayout.ts'
import { useCommentDraft } from './useCommentDraft.ts'
import { useCommentHighlights } from './useCommentHighlights.ts'
import { useCommentsSeen } from './useCommentsSeen.ts'
import { useTabTitle } from './useTabTitle.ts'
import { useThreads } from './useThreads.ts'
import { InputsClosedNote } from '../stage/InputsClosedNote.tsx'
import '../styles/comments.css'

export interface CommentsPanelProps {
  editor: Editor
  detail: Pick<DocumentDetail, 'document' | 'permissions'>
  member: SignedInMember
  /** Where the margin beside the text is; without one, open threads are listed in the panel. */
  marginHost?: HTMLElement | null
  /** When the comment period on the current revision closed (the live stage's), or null while comments are taken. */
  inputsClosedAt?: number | null
}

export function CommentsPanel({ editor, detail, member, marginHost = null, inputsClosedAt = null }: CommentsPanelProps) {
  const documentId = detail.document.id
  const { permissions } = detail
  const { threads, load, reload, change } = useThreads(documentId)
  const [activeId, setActiveId] = useState<string | null>(null)
  const { draft, hint, start, clear, cancel } = useCommentDraft(editor)
  const list = useRef<HTMLDivElement>(null)

  const showThread = useCallback((threadId: string) => {
    setActiveId(threadId)
    requestAnimationFrame(() => list.current?.querySelector(`[data-thread-id="${CSS.escape(threadId)}"]`)?.scrollIntoView({ block: 'nearest' }))
  }, [])

  const [filters, setFilters] = useState<ThreadFilters>(defaultThreadFilters)
  const { seenAt, markSeen } = useCommentsSeen(documentId)
  const showThreadOrMargin = useCallback(
    (threadId: string) => {
      setActiveId(threadId)
      if (!marginHost) showThread(threadId)
    },
    [marginHost, showThread],
  )
  const { layoutVersion, ...groups } = useCommentHighlights(editor, { threads, activeId, draft, onActivate: showThreadOrMargin })
  const shown = useMemo(() => {
    const keep = (list: PlacedThread[], narrowed: ThreadFilters) => list.filter(({ thread }) => matchesFilters(thread, narrowed, member.id))
    // Resolved threads stay listed (folded) in the panel whatever "Open only" says; the other filters apply.
    return { open: keep(groups.open, filters), detached: keep(groups.detached, filters), resolved: keep(groups.resolved, { ...filters, openOnly: false }) }
  }, [groups, filters, member.id])
  const delegations = useMemo(() => commentingDelegations(threads), [threads])
  const unseen = unseenCount(shown.open.concat(shown.detached, shown.resolved).map(({ thread }) => thread), seenAt, member.id)
  const newThreadIds = useMemo(
    () => new Set(seenAt === null ? [] : threads.filter((thread) => newComments(thread, seenAt, member.id) > 0).map((thread) => thread.id)),
    [threads, seenAt, member.id],
  )
  useTabTitle(detail.document.title, unseenCount(threads, seenAt, member.id))
  // With "Open only" off, resolved threads on text the document holds sit in the margin too.
  const inMargin = useMemo(
    () => (marginHost ? [...shown.open, ...(filters.openOnly ? [] : shown.resolved.filter(({ placement }) => placement.kind === 'attached'))] : []),
    [marginHost, shown, filters.openOnly],
  )
  // The panel lists what the margin does not show: threads not placed yet, detached ones, resolved ones (folded).
  const listed = marginHost
    ? {
        open: shown.open.filter(({ placement }) => placement.kind !== 'attached'),
        detached: shown.detached,
        resolved: filters.openOnly ? shown.resolved : shown.resolved.filter(({ placement }) => placement.kind !== 'attached'),
      }
    : shown
  // Once the period closed, nothing new is taken (the server refuses it): no new comment, reply or edit is offered.
  const inputsOpen = inputsClosedAt === null
  const canComment = permissions.comment && inputsOpen
  const actions: ThreadActions = useMemo(
    () => ({ documentId, member, canComment, canEdit: inputsOpen, canResolve: permissions.resolveThreads, change }),
    [documentId, member, canComment, inputsOpen, permissions.resolveThreads, change],
  )
  useCommentShortcut(canComment, start)

  const post = async (body: string) => {
    if (!draft) return
    const thread = await change(() => openThread(documentId, { anchor: draft, body }))
    clear()
    setActiveId(thread.id)
  }

  const openCount = groups.open.length + groups.detached.length
  const newCount = unseenCount(threads, seenAt, member.id)
  return (
    <section className="side-panel comments-panel" aria-labelledby="comments-heading">
      <div className="comments-heading-row">
        <h2 id="comments-heading">{t('comments.heading')}</h2>
        {canComment && (
          <button
            type="button"
            className="button-quiet"
            onMouseDown={(event) => event.preventDefault()}
            onClick={start}
            title={t('comments.commentOnSelectionTitle', { shortcut: commentShortcut })}
            aria-keyshortcuts={commentShortcutAria}
          >
            {t('comments.commentOnSelection')}
          </button>
        )}
      </div>
      {permissions.comment && inputsClosedAt !== null && <InputsClosedNote closedAt={inputsClosedAt} />}
      <p className="panel-summary" role="status">
        {load.status === 'ready' ? t('comments.summary', { open: openCount, resolved: groups.resolved.length }) : ''}
      </p>
      {load.status === 'ready' && seenAt !== null && (
        <p className="comments-new" data-testid="comments-new">
          {newCount === 0 ? (
            t('comments.nothingNew')
          ) : (
            <>
              {isNarrowed(filters)
                ? tx('comments.newSinceLookedShown', { count: newCount, shown: unseen, b: (chunks) => <strong key="b">{chunks}</strong> })
                : tx('comments.newSinceLooked', { count: newCount, b: (chunks) => <strong key="b">{chunks}</strong> })}{' '}
              <button type="button" className="button-link" onClick={() => void markSeen()}>
                {t('comments.markSeen')}
              </button>
            </>
          )}
        </p>
      )}
      <CommentFilters filters={filters} delegations={delegations} onChange={setFilters} />
      <CompilationForm documentId={documentId} />
      {hint && (
        <p className="hint comment-hint" role="status">
          {hint}
        </p>
      )}
      {draft && <NewThreadForm anchor={draft} onPost={post} onCancel={cancel} />}
      <LoadNotice loading={load.status === 'loading'} error={load.status === 'failed' ? load.error : null} what={t('comments.loadWhat')} retry={reload} />
      <div ref={list}>
        <ThreadGroups
          editor={editor}
          groups={listed}
          activeId={activeId}
          actions={actions}
          onActivate={setActiveId}
          empty={
            load.status === 'ready' &&
            !draft &&
            inMargin.length === 0 && (
              <p className="comments-empty">
                {isNarrowed(filters) ? t('comments.emptyFiltered') : t('comments.emptyOpen')}
                {canComment ? ` ${t('comments.emptyHowTo', { shortcut: commentShortcut })}` : ''}
              </p>
            )
          }
        />
      </div>
      {marginHost &&
        createPortal(
          <CommentMargin
            editor={editor}
            threads={inMargin}
            activeId={activeId}
            actions={actions}
            onActivate={setActiveId}
            newThreadIds={newThreadIds}
            layoutKey={String(layoutVersion)}
          />,
          marginHost,
        )}
      {canComment && <CommentBubble editor={editor} shortcut={commentShortcut} onComment={start} />}
    </section>
  )
}
