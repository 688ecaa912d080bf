/** Comment threads and their comments in SQLite, read back as the API's Thread JSON with authors joined from members. */
import { randomBytes } from 'node:crypto'
import type { Anchor, Comment, Thread } from '../../shared/schema/comments.ts'
import type { Author } from '../../shared/schema/member.ts'
import { memberColumns as memberColumnsOf, memberOfRow } from '../auth/memberColumns.ts'
import type { Sqlite } from '../store/sqlite.ts'

export type { Author, Comment, Thread }

/** Where a comment sits and who wrote it: what the routes check before acting on it. */
export interface CommentRef {
  id: string
  threadId: string
  documentId: string
  authorId: number
  deleted: boolean
}

interface ThreadRow {
  id: string
  documentId: string
  anchorStart: string
  anchorEnd: string
  quote: string
  createdBy: number
  createdAt: number
  resolvedBy: number | null
  resolvedAt: number | null
}

interface CommentRow {
  id: string
  threadId: string
  body: string
  createdAt: number
  editedAt: number | null
  deletedAt: number | null
}

const threadColumns = `t.id, t.document_id AS documentId, t.anchor_start AS anchorStart, t.anchor_end AS anchorEnd, t.quote,
  t.created_by AS createdBy, t.created_at AS createdAt, t.resolved_by AS resolvedBy, t.resolved_at AS resolvedAt`
const commentColumns = `c.id, c.thread_id AS threadId, c.body, c.created_at AS createdAt, c.edited_at AS editedAt,
  c.deleted_at AS deletedAt, ${memberColumnsOf('m', 'author')}`
/** Revoked members stay: what they wrote is still theirs. */
const memberColumns = memberColumnsOf('')
/** Threads with at least one comment not deleted: a thread whose every comment is deleted is gone from listings. */
const liveThread = 'EXISTS (SELECT 1 FROM comments x WHERE x.thread_id = t.id AND x.deleted_at IS NULL)'

/** Whether a thread still has a comment not deleted (else it is gone from listings). */
export function isLive(thread: Thread): boolean {
  return thread.comments.some((comment) => !comment.deleted)
}

let lastIdMillis = 0
let idSequence = 0

/**
 * A UUID (version 7 layout) that sorts by creation: milliseconds first, then a counter within the millisecond,
 * so comments made in the same millisecond keep their order.
 */
export function newCommentId(now = Date.now()): string {
  if (now > lastIdMillis) {
    lastIdMillis = now
    idSequence = 0
  } else if (++idSequence > 0xfff) {
    lastIdMillis++
    idSequence = 0
  }
  const bytes = randomBytes(16)
  bytes.writeUIntBE(lastIdMillis, 0, 6)
  bytes[6] = 0x70 | (idSequence >> 8)
  bytes[7] = idSequence & 0xff
  bytes[8] = 0x80 | (bytes[8] & 0x3f)
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

function commentOf(row: CommentRow): Comment {
  const deleted = row.deletedAt !== null
  return {
    id: row.id,
    threadId: row.threadId,
    author: memberOfRow(row, 'author'),
    body: deleted ? '' : row.body,
    createdAt: row.createdAt,
    editedAt: row.editedAt,
    deleted,
  }
}

export class CommentStore {
  private readonly threadById
  private readonly threadsOfDocument
  private readonly commentsOfThread
  private readonly commentsOfDocument
  private readonly commentById
  private readonly memberById
  private readonly insertThread
  private readonly insertComment
  private readonly updateBody
  private readonly markDeleted
  private readonly setResolved
  private readonly clearResolved
  private readonly setAnchor
  private readonly commentsSeenAt
  private readonly upsertCommentsSeen

  constructor(private readonly db: Sqlite) {
    this.threadById = db.prepare<[string, string], ThreadRow>(
      `SELECT ${threadColumns} FROM comment_threads t WHERE t.document_id = ? AND t.id = ?`,
    )
    this.threadsOfDocument = db.prepare<[string], ThreadRow>(
      `SELECT ${threadColumns} FROM comment_threads t WHERE t.document_id = ? AND ${liveThread} ORDER BY t.created_at, t.id`,
    )
    this.commentsOfThread = db.prepare<[string], CommentRow>(
      `SELECT ${commentColumns} FROM comments c JOIN members m ON m.id = c.author_id WHERE c.thread_id = ? ORDER BY c.created_at, c.id`,
    )
    this.commentsOfDocument = db.prepare<[string], CommentRow>(
      `SELECT ${commentColumns} FROM comments c JOIN members m ON m.id = c.author_id JOIN comment_threads t ON t.id = c.thread_id
       WHERE t.document_id = ? ORDER BY c.created_at, c.id`,
    )
    this.commentById = db.prepare<[string, string], Omit<CommentRef, 'deleted'> & { deleted: number }>(
      `SELECT c.id, c.thread_id AS threadId, t.document_id AS documentId, c.author_id AS authorId, c.deleted_at IS NOT NULL AS deleted
       FROM comments c JOIN comment_threads t ON t.id = c.thread_id WHERE t.document_id = ? AND c.id = ?`,
    )
    this.memberById = db.prepare<[number], Author>(`SELECT ${memberColumns} FROM members WHERE id = ?`)
    this.insertThread = db.prepare<[string, string, string, string, string, number, number]>(
      `INSERT INTO comment_threads (id, document_id, anchor_start, anchor_end, quote, created_by, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?)`,
    )
    this.insertComment = db.prepare<[string, string, number, string, number]>(
      'INSERT INTO comments (id, thread_id, author_id, body, created_at) VALUES (?, ?, ?, ?, ?)',
    )
    this.updateBody = db.prepare<[string, number, string]>('UPDATE comments SET body = ?, edited_at = ? WHERE id = ? AND deleted_at IS NULL')
    // Soft: the row keeps its words for the record; no listing, event or compilation serves them again.
    this.markDeleted = db.prepare<[number, string]>('UPDATE comments SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL')
    this.setResolved = db.prepare<[number, number, string]>(
      'UPDATE comment_threads SET resolved_by = ?, resolved_at = ? WHERE id = ? AND resolved_at IS NULL',
    )
    this.clearResolved = db.prepare<[string]>('UPDATE comment_threads SET resolved_by = NULL, resolved_at = NULL WHERE id = ?')
    this.setAnchor = db.prepare<[string, string, string, string]>('UPDATE comment_threads SET anchor_start = ?, anchor_end = ? WHERE id = ? AND document_id = ?')
    this.commentsSeenAt = db.prepare<[string, number], { seenAt: number }>('SELECT comments_seen_at AS seenAt FROM stage_seen WHERE document_id = ? AND member_id = ?')
    this.upsertCommentsSeen = db.prepare<[string, number, number]>(
      'INSERT INTO stage_seen (document_id, member_id, seen_at, comments_seen_at) VALUES (?, ?, 0, ?) ON CONFLICT (document_id, member_id) DO UPDATE SET comments_seen_at = excluded.comments_seen_at',
    )
  }

  /** The document's threads, oldest first, leaving out those whose every comment is deleted. */
  threads(documentId: string): Thread[] {
    const comments = new Map<string, Comment[]>()
    for (const row of this.commentsOfDocument.all(documentId)) {
      let list = comments.get(row.threadId)
      if (!list) comments.set(row.threadId, (list = []))
      list.push(commentOf(row))
    }
    return this.threadsOfDocument.all(documentId).map((row) => this.threadOf(row, comments.get(row.id) ?? []))
  }

  /** A thread of the document, or null if there is none or its every comment is deleted. */
  thread(documentId: string, threadId: string): Thread | null {
    const thread = this.threadWithDeleted(documentId, threadId)
    return thread && isLive(thread) ? thread : null
  }

  /** A thread of the document even if its every comment is deleted, or null if there is none. */
  threadWithDeleted(documentId: string, threadId: string): Thread | null {
    const row = this.threadById.get(documentId, threadId)
    return row ? this.threadOf(row, this.commentsOfThread.all(row.id).map(commentOf)) : null
  }

  /** A comment of the document, deleted or not, or null. */
  comment(documentId: string, commentId: string): CommentRef | null {
    const row = this.commentById.get(documentId, commentId)
    return row ? { ...row, deleted: Boolean(row.deleted) } : null
  }

  /** Opens a thread with its first comment, in one transaction; returns the thread. */
  open(input: { documentId: string; anchor: Anchor; authorId: number; body: string; at?: number }): Thread {
    const at = input.at ?? Date.now()
    const threadId = newCommentId(at)
    this.db.transaction(() => {
      this.insertThread.run(threadId, input.documentId, input.anchor.start, input.anchor.end, input.anchor.quote, input.authorId, at)
      this.insertComment.run(newCommentId(at), threadId, input.authorId, input.body, at)
    })()
    return this.thread(input.documentId, threadId)!
  }

  /** Adds a reply to a thread; returns the thread. */
  reply(documentId: string, threadId: string, authorId: number, body: string, at = Date.now()): Thread {
    this.insertComment.run(newCommentId(at), threadId, authorId, body, at)
    return this.thread(documentId, threadId)!
  }

  /** Replaces a comment's text (not once deleted); returns its thread. */
  edit(ref: CommentRef, body: string, at = Date.now()): Thread | null {
    this.updateBody.run(body, at, ref.id)
    return this.thread(ref.documentId, ref.threadId)
  }

  /**
   * Deletes a comment; it keeps its place with an empty body. Returns its thread as it is now, every comment
   * deleted included, so viewers can tell; null only if the thread itself is unknown.
   */
  delete(ref: CommentRef, at = Date.now()): Thread | null {
    this.markDeleted.run(at, ref.id)
    return this.threadWithDeleted(ref.documentId, ref.threadId)
  }

  resolve(documentId: string, threadId: string, by: number, at = Date.now()): Thread | null {
    this.setResolved.run(by, at, threadId)
    return this.thread(documentId, threadId)
  }

  /** Anchors a thread again on the same quote, in text that came back (its old anchor points into deleted text). */
  reanchor(documentId: string, threadId: string, anchor: { start: string; end: string }): Thread | null {
    this.setAnchor.run(anchor.start, anchor.end, threadId, documentId)
    return this.thread(documentId, threadId)
  }

  reopen(documentId: string, threadId: string): Thread | null {
    this.clearResolved.run(threadId)
    return this.thread(documentId, threadId)
  }

  private threadOf(row: ThreadRow, comments: Comment[]): Thread {
    const author = this.member(row.createdBy)
    return {
      id: row.id,
      documentId: row.documentId,
      anchor: { start: row.anchorStart, end: row.anchorEnd, quote: row.quote },
      author,
      stakeholder: author.role === 'stakeholder',
      createdAt: row.createdAt,
      resolved: row.resolvedBy !== null && row.resolvedAt !== null ? { by: this.member(row.resolvedBy), at: row.resolvedAt } : null,
      comments,
    }
  }

  private member(id: number): Author {
    const author = this.memberById.get(id)
    if (!author) throw new Error(`comment author ${id} is not a member`)
    return author
  }

  /** When the member last looked at the document's comments (0: never). */
  seenAt(documentId: string, memberId: number): number {
    return this.commentsSeenAt.get(documentId, memberId)?.seenAt ?? 0
  }

  markSeen(documentId: string, memberId: number, at = Date.now()): number {
    this.upsertCommentsSeen.run(documentId, memberId, at)
    return at
  }
}
