/** One comment thread: the passage it is on, its comments and replies, and what the member may do with them. */
import { dateAndTime } from '../app/dates.ts'
import { useState } from 'react'
import { deleteComment, editComment, reopenThread, replyToThread, resolveThread, type Author, type Comment, type Thread } from '../api/comments.ts'
import type { SignedInMember } from '../api/types.ts'
import { roleLabels } from '../app/roleLabels.ts'
import { FormError } from '../pages/FormError.tsx'
import type { Placement } from './anchors.ts'
import { CommentForm } from './CommentForm.tsx'


function When({ at }: { at: number }) {
  const date = new Date(at)
  return <time dateTime={date.toISOString()}>{dateAndTime(date.getTime())}</time>
}

export function authorLabel(author: Pick<Author, 'name' | 'delegation'>): string {
  return author.delegation ? `${author.name} (${author.delegation})` : author.name
}

export interface ThreadActions {
  documentId: string
  member: SignedInMember
  canComment: boolean
  canResolve: boolean
  /** Runs a change to a thread and shows the thread the server answers with. */
  change: (action: () => Promise<Thread>) => Promise<Thread>
}

function AuthorLine({ author, at, editedAt }: { author: Author; at: number; editedAt: number | null }) {
  return (
    <p className="comment-meta">
      <span className="comment-author">{author.name}</span>
      {author.delegation && <span className="comment-delegation">{author.delegation}</span>}
      {author.role === 'stakeholder' ? (
        <span className="badge badge-stakeholder">Stakeholder input</span>
      ) : (
        (author.role === 'cofacilitator' || author.role === 'secretariat') && <span className="comment-role">{roleLabels[author.role]}</span>
      )}
      <span className="comment-time">
        <When at={at} />
        {editedAt !== null && (
          <>
            {' '}
            · edited <When at={editedAt} />
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
        <p className="comment-body comment-deleted">Comment deleted by its author</p>
      ) : mode === 'editing' ? (
        <CommentForm
          label="Edit your comment"
          submitLabel="Save"
          busyLabel="Saving…"
          initialBody={comment.body}
          onSubmit={async (body) => {
            await change(() => editComment(documentId, comment.id, body))
            setMode('reading')
          }}
          onCancel={() => setMode('reading')}
        />
      ) : (
        <p className="comment-body">{comment.body}</p>
      )}
      {own && mode === 'reading' && (
        <div className="comment-actions">
          <button type="button" className="button-link" onClick={() => setMode('editing')}>
            Edit
          </button>
          <button type="button" className="button-link" onClick={() => setMode('confirming-delete')}>
            Delete
          </button>
        </div>
      )}
      {own && mode === 'confirming-delete' && (
        <div className="comment-confirm" role="group" aria-label="Confirm deletion">
          <span>Delete this comment? Its place in the thread stays, marked as deleted.</span>
          <button type="button" className="button-danger" onClick={remove}>
            Delete comment
          </button>
          <button type="button" className="button-quiet" onClick={() => setMode('reading')}>
            Keep it
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

  const quote = thread.anchor.quote || '(no text)'
  return (
    <article className={classes.filter(Boolean).join(' ')} data-testid="comment-thread" data-thread-id={thread.id} aria-label={`Comment thread on “${quote.slice(0, 80)}”`}>
      {placement.kind === 'attached' ? (
        <button type="button" className="thread-quote" onClick={onSelect} aria-pressed={active} title="Show this passage in the text">
          <span className="visually-hidden">Passage: </span>
          <q>{quote}</q>
        </button>
      ) : (
        <div className="thread-quote is-static">
          <span className="visually-hidden">Passage: </span>
          <q>{quote}</q>
          {isDetached && <p className="thread-detached-note">The text this comment was made on has been deleted.</p>}
          {placement.kind === 'pending' && <p className="thread-detached-note">Finding this passage in the text…</p>}
        </div>
      )}
      {thread.resolved && (
        <p className="thread-resolved-note">
          Resolved by {authorLabel(thread.resolved.by)}, <When at={thread.resolved.at} />
        </p>
      )}
      <ol className="comment-list">
        {thread.comments.map((comment) => (
          <CommentItem key={comment.id} comment={comment} actions={actions} />
        ))}
      </ol>
      {replying ? (
        <CommentForm
          label="Your reply"
          submitLabel="Reply"
          busyLabel="Posting…"
          onSubmit={async (body) => {
            await change(() => replyToThread(documentId, thread.id, body))
            setReplying(false)
          }}
          onCancel={() => setReplying(false)}
        />
      ) : (
        <div className="thread-actions">
          {canComment && !thread.resolved && (
            <button type="button" className="button-quiet" onClick={() => setReplying(true)}>
              Reply
            </button>
          )}
          {canResolve && (
            <button type="button" className={thread.resolved ? 'button-quiet' : ''} onClick={toggleResolved} disabled={busy}>
              {thread.resolved ? 'Reopen' : 'Resolve'}
            </button>
          )}
        </div>
      )}
      <FormError error={error} />
    </article>
  )
}
