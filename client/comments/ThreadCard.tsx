/** One comment thread: the passage it is on, its comments and replies, and what the member may do with them. */
import { dateAndTime } from '../app/dates.ts'
import { nameWithDelegation } from '../app/memberLine.ts'
import { NameAndDelegation } from '../app/NameAndDelegation.tsx'
import { roleLabel } from '../app/roleLabels.ts'
import { useEffect, useRef, useState } from 'react'
import { deleteComment, editComment, reopenThread, replyToThread, resolveThread, type Author, type Comment, type Thread } from '../api/comments.ts'
import type { SignedInMember } from '../api/types.ts'
import { t, tx } from '../i18n/i18n.ts'
import { FormError } from '../pages/FormError.tsx'
import type { Placement } from './anchors.ts'
import { CommentForm } from './CommentForm.tsx'
import { TextQuote } from '../editor/TextQuote.tsx'

function When({ at }: { at: number }) {
  const date = new Date(at)
  return <time dateTime={date.toISOString()}>{dateAndTime(date.getTime())}</time>
}

/** The roles a comment names beside its author; delegations and stakeholders are named by their badge or delegation. */
const rolesNamed: ReadonlySet<Author['role']> = new Set(['cofacilitator', 'secretariat'])

export interface ThreadActions {
  documentId: string
  member: SignedInMember
  canComment: boolean
  /** Whether the member's own comments may be edited now (not once the comment period closed); deleting stays. */
  canEdit: boolean
  canResolve: boolean
  /** Runs a change to a thread and shows the thread the server answers with. */
  change: (action: () => Promise<Thread>) => Promise<Thread>
}

function AuthorLine({ author, at, editedAt }: { author: Author; at: number; editedAt: number | null }) {
  return (
    <p className="comment-meta">
      <NameAndDelegation person={author} nameClass="comment-author" delegationClass="comment-delegation" />
      {author.role === 'stakeholder' ? (
        <span className="badge badge-stakeholder">{t('comments.stakeholderInput')}</span>
      ) : (
        rolesNamed.has(author.role) && <span className="comment-role">{roleLabel(author.role)}</span>
      )}
      <span className="comment-time">
        <When at={at} />
        {editedAt !== null && (
          <>
            {' · '}
            {tx('comments.edited', { when: <When key="when" at={editedAt} /> })}
          </>
        )}
      </span>
    </p>
  )
}

function CommentItem({ comment, actions }: { comment: Comment; actions: ThreadActions }) {
  const [mode, setMode] = useState<'reading' | 'editing' | 'confirming-delete'>('reading')
  const [error, setError] = useState<unknown>(null)
  const own = comment.author.id === actions.member.id && !comment.deleted
  const { documentId, change } = actions

  const remove = async () => {
    setError(null)
    try {
      await change(() => deleteComment(documentId, comment.id))
      setMode('reading')
    } catch (failure) {
      setError(failure)
    }
  }

  return (
    <li className={comment.deleted ? 'comment is-deleted' : 'comment'} data-testid="comment" data-comment-id={comment.id}>
      <AuthorLine author={comment.author} at={comment.createdAt} editedAt={comment.deleted ? null : comment.editedAt} />
      {comment.deleted ? (
        <p className="comment-body comment-deleted">{t('comments.deletedByAuthor')}</p>
      ) : mode === 'editing' ? (
        <CommentForm
          label={t('comments.editYourComment')}
          submitLabel={t('comments.save')}
          busyLabel={t('comments.saving')}
          initialBody={comment.body}
          onSubmit={async (body) => {
            await change(() => editComment(documentId, comment.id, body))
            setMode('reading')
          }}
          onCancel={() => setMode('reading')}
        />
      ) : (
        <p className="comment-body" translate="no" dir="auto">
          {comment.body}
        </p>
      )}
      {own && mode === 'reading' && (
        <div className="comment-actions">
          {actions.canEdit && (
            <button type="button" className="button-link" onClick={() => setMode('editing')}>
              {t('comments.edit')}
            </button>
          )}
          <button type="button" className="button-link" onClick={() => setMode('confirming-delete')}>
            {t('comments.delete')}
          </button>
        </div>
      )}
      {own && mode === 'confirming-delete' && (
        <div className="comment-confirm" role="group" aria-label={t('comments.confirmDeletion')}>
          <span>{t('comments.deleteQuestion')}</span>
          <button type="button" className="button-danger" onClick={remove}>
            {t('comments.deleteComment')}
          </button>
          <button type="button" className="button-quiet" onClick={() => setMode('reading')}>
            {t('comments.keepIt')}
          </button>
        </div>
      )}
      <FormError error={error} />
    </li>
  )
}

export interface ThreadCardProps {
  thread: Thread
  placement: Placement
  active: boolean
  actions: ThreadActions
  /** The member chose this thread: mark it and show its passage. */
  onSelect: () => void
}

export function ThreadCard({ thread, placement, active, actions, onSelect }: ThreadCardProps) {
  const [replying, setReplying] = useState(false)
  // Once the reply form goes (posted or given up), focus goes back to the Reply button it replaced.
  const replyButton = useRef<HTMLButtonElement>(null)
  const [backToReply, setBackToReply] = useState(false)
  useEffect(() => {
    if (!backToReply || replying) return
    setBackToReply(false)
    // Unless the member has gone on elsewhere meanwhile (a reply takes a moment to post).
    if (document.activeElement === null || document.activeElement === document.body) replyButton.current?.focus()
  }, [backToReply, replying])
  const endReply = () => {
    setReplying(false)
    setBackToReply(true)
  }
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const { documentId, change, canComment, canResolve } = actions
  const isDetached = placement.kind === 'detached'
  const classes = ['thread-card', active ? 'is-active' : '', thread.stakeholder ? 'is-stakeholder' : '', isDetached ? 'is-detached' : '', thread.resolved ? 'is-resolved' : '']

  const toggleResolved = async () => {
    setBusy(true)
    setError(null)
    try {
      await change(() => (thread.resolved ? reopenThread(documentId, thread.id) : resolveThread(documentId, thread.id)))
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  const quote = thread.anchor.quote || t('comments.noText')
  const quoted = (
    <TextQuote>
      {quote}
    </TextQuote>
  )
  return (
    <article
      className={classes.filter(Boolean).join(' ')}
      data-testid="comment-thread"
      data-thread-id={thread.id}
      aria-label={t('comments.threadLabel', { quote: quote.slice(0, 80) })}
    >
      {placement.kind === 'attached' ? (
        <button type="button" className="thread-quote" onClick={onSelect} aria-pressed={active} title={t('comments.showPassage')}>
          <span className="visually-hidden">{t('comments.passage')} </span>
          {quoted}
        </button>
      ) : (
        <div className="thread-quote is-static">
          <span className="visually-hidden">{t('comments.passage')} </span>
          {quoted}
          {isDetached && <p className="thread-detached-note">{t('comments.passageDeleted')}</p>}
          {placement.kind === 'pending' && <p className="thread-detached-note">{t('comments.findingPassage')}</p>}
        </div>
      )}
      {thread.resolved && (
        <p className="thread-resolved-note">
          {tx('comments.resolvedBy', {
            author: (
              <bdi key="author" translate="no">
                {nameWithDelegation(thread.resolved.by)}
              </bdi>
            ),
            when: <When key="when" at={thread.resolved.at} />,
          })}
        </p>
      )}
      <ol className="comment-list">
        {thread.comments.map((comment) => (
          <CommentItem key={comment.id} comment={comment} actions={actions} />
        ))}
      </ol>
      {replying ? (
        <CommentForm
          label={t('comments.yourReply')}
          submitLabel={t('comments.reply')}
          busyLabel={t('comments.posting')}
          onSubmit={async (body) => {
            await change(() => replyToThread(documentId, thread.id, body))
            endReply()
          }}
          onCancel={endReply}
        />
      ) : (
        <div className="thread-actions">
          {canComment && !thread.resolved && (
            <button type="button" className="button-quiet" ref={replyButton} onClick={() => setReplying(true)}>
              {t('comments.reply')}
            </button>
          )}
          {canResolve && (
            <button type="button" className={thread.resolved ? 'button-quiet' : ''} onClick={toggleResolved} disabled={busy}>
              {thread.resolved ? t('comments.reopen') : t('comments.resolve')}
            </button>
          )}
        </div>
      )}
      <FormError error={error} />
    </article>
  )
}
