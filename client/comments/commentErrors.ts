/** A refusal about comments in the reader's language: the server's codes this area knows get a catalogue message, others keep the server's words. */
import { ApiError } from '../api/http.ts'
import { t } from '../i18n/i18n.ts'

const messages: Record<string, string> = {
  not_your_comment: 'comments.errorNotYourComment',
  comment_deleted: 'comments.errorCommentDeleted',
  thread_not_found: 'comments.errorThreadNotFound',
  comment_not_found: 'comments.errorCommentNotFound',
}

/** The failure to show: an ApiError with a known code in the catalogue's words (its details kept), anything else as it came. */
export function commentError(failure: unknown): unknown {
  if (!(failure instanceof ApiError)) return failure
  const id = messages[failure.code]
  return id ? new ApiError(failure.status, failure.code, t(id), failure.details) : failure
}
