/** The open comment threads in the margin, each beside its passage, with the paragraph or recommendation it is on. */
import type { Editor } from '@tiptap/core'
import { useRef } from 'react'
import { t } from '../i18n/i18n.ts'
import type { ThreadActions } from './ThreadCard.tsx'
import { PlacedThreadCard } from './ThreadGroups.tsx'
import type { PlacedThread } from './threadLayout.ts'
import { useMarginPositions } from './useMarginPositions.ts'

export interface CommentMarginProps {
  editor: Editor
  /** The threads to show, attached to the text, in text order. */
  threads: PlacedThread[]
  activeId: string | null
  actions: ThreadActions
  onActivate: (threadId: string) => void
  /** Threads with comments by others the member has not seen yet. */
  newThreadIds: ReadonlySet<string>
  /** Changes whenever the places of the threads may have changed. */
  layoutKey: string
}

export function CommentMargin({ editor, threads, activeId, actions, onActivate, newThreadIds, layoutKey }: CommentMarginProps) {
  const margin = useRef<HTMLOListElement>(null)
  useMarginPositions(editor, margin, `${layoutKey}|${threads.map(({ thread }) => thread.id).join(',')}`, activeId)
  return (
    <ol className="comment-margin" ref={margin} aria-label={t('comments.marginLabel')}>
      {threads.map((placed) => {
        const { thread } = placed
        return (
          <li key={thread.id} className={thread.id === activeId ? 'margin-thread is-active' : 'margin-thread'} data-margin-thread={thread.id}>
            <p className="margin-thread-head">
              <span className="margin-location" data-margin-location="" />
              {newThreadIds.has(thread.id) && <span className="badge badge-new">{t('comments.new')}</span>}
            </p>
            <PlacedThreadCard editor={editor} placed={placed} activeId={activeId} actions={actions} onActivate={onActivate} />
          </li>
        )
      })}
    </ol>
  )
}
