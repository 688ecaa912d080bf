/** The comment threads as the panel lists them: open ones in text order, then detached, then resolved (folded). */
import type { Editor } from '@tiptap/core'
import type { ReactNode } from 'react'
import { t } from '../i18n/i18n.ts'
import type { Placement } from './anchors.ts'
import { ThreadCard, type ThreadActions } from './ThreadCard.tsx'
import type { PlacedThread } from './threadLayout.ts'

/** Scrolls the editor's text to a thread's passage. */
export function revealPassage(editor: Editor, placement: Placement): void {
  if (placement.kind !== 'attached' || editor.isDestroyed) return
  const highlight = editor.view.dom.querySelector(`.comment-highlight.is-active`)
  const { node } = editor.view.domAtPos(placement.from)
  const target = highlight ?? (node instanceof Element ? node : node.parentElement)
  target?.scrollIntoView({ block: 'center', behavior: 'smooth' })
}

export interface ThreadGroupsProps {
  editor: Editor
  groups: { open: PlacedThread[]; detached: PlacedThread[]; resolved: PlacedThread[] }
  activeId: string | null
  actions: ThreadActions
  onActivate: (threadId: string) => void
  /** Shown when there is no open thread. */
  empty: ReactNode
}

/** A thread's card where it is listed (the panel, the margin): choosing it makes it the active one and shows its passage. */
export function PlacedThreadCard({ editor, placed, activeId, actions, onActivate }: { editor: Editor; placed: PlacedThread; activeId: string | null; actions: ThreadActions; onActivate: (threadId: string) => void }) {
  const { thread, placement } = placed
  return (
    <ThreadCard
      thread={thread}
      placement={placement}
      active={thread.id === activeId}
      actions={actions}
      onSelect={() => {
        onActivate(thread.id)
        requestAnimationFrame(() => revealPassage(editor, placement))
      }}
    />
  )
}

export function ThreadGroups({ editor, groups, activeId, actions, onActivate, empty }: ThreadGroupsProps) {
  const card = (placed: PlacedThread) => (
    <li key={placed.thread.id}>
      <PlacedThreadCard editor={editor} placed={placed} activeId={activeId} actions={actions} onActivate={onActivate} />
    </li>
  )
  const { open, detached, resolved } = groups
  return (
    <>
      {open.length + detached.length === 0 && empty}
      {open.length > 0 && (
        <ol className="thread-list" aria-label={t('comments.openComments')}>
          {open.map(card)}
        </ol>
      )}
      {detached.length > 0 && (
        <section className="thread-group" aria-labelledby="detached-heading">
          <h3 id="detached-heading">{t('comments.detachedHeading', { count: detached.length })}</h3>
          <p className="hint">{t('comments.detachedHint')}</p>
          <ol className="thread-list">{detached.map(card)}</ol>
        </section>
      )}
      {resolved.length > 0 && (
        <details className="thread-group resolved-threads">
          <summary>
            <h3>{t('comments.resolvedHeading', { count: resolved.length })}</h3>
          </summary>
          <ol className="thread-list">{resolved.map(card)}</ol>
        </details>
      )}
    </>
  )
}
