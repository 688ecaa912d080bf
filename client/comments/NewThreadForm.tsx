/** The form for a new comment thread: the passage it is on, quoted, and the comment. */
import type { Anchor } from '../api/comments.ts'
import { CommentForm } from './CommentForm.tsx'

export function NewThreadForm({ anchor, onPost, onCancel }: { anchor: Anchor; onPost: (body: string) => Promise<void>; onCancel: () => void }) {
  return (
    <div className="new-thread">
      <p className="new-thread-quote">
        <span className="visually-hidden">Passage: </span>
        <q>{anchor.quote}</q>
      </p>
      <CommentForm label="Your comment" submitLabel="Post comment" busyLabel="Posting…" onSubmit={onPost} onCancel={onCancel} />
    </div>
  )
}
