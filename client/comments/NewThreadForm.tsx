/** The form for a new comment thread: the passage it is on, quoted, and the comment. */
import type { Anchor } from '../api/comments.ts'
import { t } from '../i18n/i18n.ts'
import { CommentForm } from './CommentForm.tsx'
import { TextQuote } from '../editor/TextQuote.tsx'

export function NewThreadForm({ anchor, onPost, onCancel }: { anchor: Anchor; onPost: (body: string) => Promise<void>; onCancel: () => void }) {
  return (
    <div className="new-thread">
      <p className="new-thread-quote">
        <span className="visually-hidden">{t('comments.passage')} </span>
        <TextQuote>
          {anchor.quote}
        </TextQuote>
      </p>
      <CommentForm label={t('comments.yourComment')} submitLabel={t('comments.postComment')} busyLabel={t('comments.posting')} onSubmit={onPost} onCancel={onCancel} />
    </div>
  )
}
