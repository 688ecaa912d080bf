/** Zod schemas of comment payloads: a thread's anchor (Yjs relative positions into `content`) and a comment's body. */
import { fromBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { z } from 'zod'
import { requiredText } from './fields.ts'
import { contentField } from './contentField.ts'
import { Author } from './member.ts'

/** An encoded relative position is a few dozen bytes; this leaves room without inviting abuse. */
export const maxAnchorPositionChars = 256
/** Longest quote kept with an anchor. */
export const maxQuoteChars = 2000
/** Longest comment body by default (MAX_COMMENT_CHARS). */
export const defaultMaxCommentChars = 10_000

const base64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/

/** The relative position a well-formed anchor end encodes, or null. */
export function decodeAnchorPosition(encoded: string): Y.RelativePosition | null {
  if (encoded.length === 0 || encoded.length > maxAnchorPositionChars || !base64.test(encoded)) return null
  try {
    const position = Y.decodeRelativePosition(fromBase64(encoded))
    if (position.item === null && position.type === null && position.tname === null) return null
    if (position.tname !== null && position.tname !== contentField) return null
    return position
  } catch {
    return null
  }
}

function anchorPosition(field: string) {
  return z
    .string({ error: (issue) => (issue.input === undefined ? `${field} is required` : `${field} must be text`) })
    .max(maxAnchorPositionChars, { message: `${field} must be at most ${maxAnchorPositionChars} characters`, abort: true })
    .refine((value) => decodeAnchorPosition(value) !== null, {
      message: `${field} must be a base64-encoded Yjs relative position into the document's content`,
      abort: true,
    })
}

export const Anchor = z.object(
  {
    start: anchorPosition('anchor.start'),
    end: anchorPosition('anchor.end'),
    quote: z
      .string({ error: (issue) => (issue.input === undefined ? 'anchor.quote is required' : 'anchor.quote must be text') })
      .max(maxQuoteChars, `anchor.quote must be at most ${maxQuoteChars} characters`),
  },
  { error: (issue) => (issue.input === undefined ? 'anchor is required' : 'anchor must be an object with start, end and quote') },
)
export type Anchor = z.infer<typeof Anchor>

/** A comment's text: trimmed, 1 to `maxChars` characters. */
export function commentBody(maxChars: number = defaultMaxCommentChars) {
  return requiredText('body', { max: maxChars })
}

/** Payloads of the comment routes, for a given body limit. Fields not named here (author, role, dates) are dropped. */
export function commentPayloads(maxCommentChars: number = defaultMaxCommentChars) {
  const body = commentBody(maxCommentChars)
  return {
    OpenThread: z.object({ anchor: Anchor, body }),
    CommentText: z.object({ body }),
  }
}

export const Comment = z.object({
  id: z.string(),
  threadId: z.string(),
  author: Author,
  /** '' once deleted. */
  body: z.string(),
  createdAt: z.number(),
  editedAt: z.number().nullable(),
  deleted: z.boolean(),
})
export type Comment = z.infer<typeof Comment>

/** A comment thread as the API serves it (the anchor as stored: not checked again on the way out). */
export const Thread = z.object({
  id: z.string(),
  documentId: z.string(),
  anchor: z.object({ start: z.string(), end: z.string(), quote: z.string() }),
  author: Author,
  /** Opened by a stakeholder: written input, marked as such. */
  stakeholder: z.boolean(),
  createdAt: z.number(),
  resolved: z.object({ by: Author, at: z.number() }).nullable(),
  /** The first is the opening comment. */
  comments: z.array(Comment),
})
export type Thread = z.infer<typeof Thread>

/**
 * `GET /api/documents/:id/threads`: a page of the document's threads, oldest first; `next` is the `after` of the page
 * that follows, null on the last page.
 */
export const ThreadList = z.object({ threads: z.array(Thread), next: z.string().nullable() })
/** Every route that changes a thread answers it as it now is (and sends it as a `thread` event). */
export const ThreadAnswer = z.object({ thread: Thread })
/** `GET` and `POST /api/documents/:id/comments/seen`: when the member last looked at the comments (0: never). */
export const CommentsSeen = z.object({ seenAt: z.number().int().nonnegative() })
