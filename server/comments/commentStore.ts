/** Comment threads and their comments in the database, read back as the API's Thread JSON with authors joined from members. */
import { randomBytes } from 'node:crypto'
import type { Anchor, Comment, Thread } from '../../shared/schema/comments.ts'
import type { Author } from '../../shared/schema/member.ts'
import { memberColumns as memberColumnsOf, memberOfRow } from '../auth/memberColumns.ts'
import { sql } from 'kysely'
import { ApiError } from '../../shared/errors/apiError.ts'
import { inTransaction, lockKey, rowOf, rowsOf, type Db } from '../store/database.ts'

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

const threadColumns = sql.raw(`t.id, t.document_id AS "documentId", t.anchor_start AS "anchorStart", t.anchor_end AS "anchorEnd", t.quote,
  t.created_by AS "createdBy", t.created_at AS "createdAt", t.resolved_by AS "resolvedBy", t.resolved_at AS "resolvedAt"`)
const commentColumns = sql.raw(`c.id, c.thread_id AS "threadId", c.body, c.created_at AS "createdAt", c.edited_at AS "editedAt",
  c.deleted_at AS "deletedAt", ${memberColumnsOf('m', 'author')}`)
/** Revoked members stay: what they wrote is still theirs. */
const memberColumns = sql.raw(memberColumnsOf(''))
/** Threads with at least one comment not deleted: a thread whose every comment is deleted is gone from listings. */
const liveThread = sql.raw('EXISTS (SELECT 1 FROM comments x WHERE x.thread_id = t.id AND x.deleted_at IS NULL)')

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

/** Comments one thread may hold, deleted ones included (MAX_COMMENTS_PER_THREAD). */
export const defaultMaxCommentsPerThread = 200

export class CommentStore {
  /** `maxCommentsPerThread`: replies beyond are refused (409 `thread_full`); each reply sends the whole thread to every viewer. */
  constructor(
    private readonly db: Db,
    private readonly maxCommentsPerThread = defaultMaxCommentsPerThread,
  ) {}

  private commentsOfThread(threadId: string) {
    return rowsOf(
      this.db,
      sql<CommentRow>`SELECT ${commentColumns} FROM comments c JOIN members m ON m.id = c.author_id WHERE c.thread_id = ${threadId} ORDER BY c.created_at, c.id`,
    )
  }

  /** The document's threads, oldest first, leaving out those whose every comment is deleted. */
  async threads(documentId: string): Promise<Thread[]> {
    const comments = new Map<string, Comment[]>()
    const commentRows = await rowsOf(
      this.db,
      sql<CommentRow>`SELECT ${commentColumns} FROM comments c JOIN members m ON m.id = c.author_id JOIN comment_threads t ON t.id = c.thread_id
        WHERE t.document_id = ${documentId} ORDER BY c.created_at, c.id`,
    )
    for (const row of commentRows) {
      let list = comments.get(row.threadId)
      if (!list) comments.set(row.threadId, (list = []))
      list.push(commentOf(row))
    }
    const rows = await rowsOf(
      this.db,
      sql<ThreadRow>`SELECT ${threadColumns} FROM comment_threads t WHERE t.document_id = ${documentId} AND ${liveThread} ORDER BY t.created_at, t.id`,
    )
    const members = new Map<number, Author>()
    const out: Thread[] = []
    for (const row of rows) out.push(await this.threadOf(row, comments.get(row.id) ?? [], members))
    return out
  }

  /**
   * A page of the document's threads in the order `threads` lists them, after the thread `after` (its id; from the
   * first when null): at most `maxThreads`, and no more comments than `maxComments` (at least one thread, whatever
   * its size). `next` is the cursor of the page after, null when this one ends the list. A page's work is bounded
   * whatever the document holds; `threads` reads everything at once.
   */
  async threadPage(
    documentId: string,
    { after = null, maxThreads, maxComments }: { after?: string | null; maxThreads: number; maxComments: number },
  ): Promise<{ threads: Thread[]; next: string | null } | null> {
    let cursor: { createdAt: number; id: string } | undefined
    if (after !== null) {
      // Any thread of the document, live or not: the cursor holds even if its comments were deleted since.
      cursor = await rowOf(this.db, sql<{ createdAt: number; id: string }>`SELECT created_at AS "createdAt", id FROM comment_threads WHERE document_id = ${documentId} AND id = ${after}`)
      if (!cursor) return null
    }
    const afterCursor = cursor
      ? sql`AND (t.created_at > ${cursor.createdAt} OR (t.created_at = ${cursor.createdAt} AND t.id > ${cursor.id}))`
      : sql``
    const candidates = await rowsOf(
      this.db,
      sql<ThreadRow & { commentCount: number | string }>`SELECT ${threadColumns}, (SELECT COUNT(*) FROM comments x WHERE x.thread_id = t.id) AS "commentCount"
        FROM comment_threads t WHERE t.document_id = ${documentId} AND ${liveThread} ${afterCursor}
        ORDER BY t.created_at, t.id LIMIT ${maxThreads + 1}`,
    )
    const page: ThreadRow[] = []
    let comments = 0
    for (const row of candidates.slice(0, maxThreads)) {
      if (page.length > 0 && comments + Number(row.commentCount) > maxComments) break
      page.push(row)
      comments += Number(row.commentCount)
    }
    const byThread = new Map<string, Comment[]>()
    if (page.length > 0) {
      const rows = await rowsOf(
        this.db,
        sql<CommentRow>`SELECT ${commentColumns} FROM comments c JOIN members m ON m.id = c.author_id
          WHERE c.thread_id IN (${sql.join(page.map((row) => row.id))}) ORDER BY c.created_at, c.id`,
      )
      for (const row of rows) {
        let list = byThread.get(row.threadId)
        if (!list) byThread.set(row.threadId, (list = []))
        list.push(commentOf(row))
      }
    }
    const members = new Map<number, Author>()
    const threads: Thread[] = []
    for (const row of page) threads.push(await this.threadOf(row, byThread.get(row.id) ?? [], members))
    return { threads, next: page.length < candidates.length ? page[page.length - 1].id : null }
  }

  /** A thread of the document, or null if there is none or its every comment is deleted. */
  async thread(documentId: string, threadId: string): Promise<Thread | null> {
    const thread = await this.threadWithDeleted(documentId, threadId)
    return thread && isLive(thread) ? thread : null
  }

  /** A thread of the document even if its every comment is deleted, or null if there is none. */
  async threadWithDeleted(documentId: string, threadId: string): Promise<Thread | null> {
    const row = await rowOf(this.db, sql<ThreadRow>`SELECT ${threadColumns} FROM comment_threads t WHERE t.document_id = ${documentId} AND t.id = ${threadId}`)
    return row ? this.threadOf(row, (await this.commentsOfThread(row.id)).map(commentOf)) : null
  }

  /** A comment of the document, deleted or not, or null. */
  async comment(documentId: string, commentId: string): Promise<CommentRef | null> {
    const row = await rowOf(
      this.db,
      sql<Omit<CommentRef, 'deleted'> & { deleted: number | boolean }>`SELECT c.id, c.thread_id AS "threadId", t.document_id AS "documentId",
        c.author_id AS "authorId", c.deleted_at IS NOT NULL AS "deleted"
        FROM comments c JOIN comment_threads t ON t.id = c.thread_id WHERE t.document_id = ${documentId} AND c.id = ${commentId}`,
    )
    return row ? { ...row, deleted: Boolean(row.deleted) } : null
  }

  private async insertComment(db: Db, threadId: string, authorId: number, body: string, at: number): Promise<void> {
    await db.insertInto('comments').values({ id: newCommentId(at), thread_id: threadId, author_id: authorId, body, created_at: at }).execute()
  }

  /** Opens a thread with its first comment, in one transaction; returns the thread. */
  async open(input: { documentId: string; anchor: Anchor; authorId: number; body: string; at?: number }): Promise<Thread> {
    const at = input.at ?? Date.now()
    const threadId = newCommentId(at)
    await inTransaction(this.db, async (trx) => {
      await trx
        .insertInto('comment_threads')
        .values({
          id: threadId,
          document_id: input.documentId,
          anchor_start: input.anchor.start,
          anchor_end: input.anchor.end,
          quote: input.anchor.quote,
          created_by: input.authorId,
          created_at: at,
        })
        .execute()
      await this.insertComment(trx, threadId, input.authorId, input.body, at)
    })
    return (await this.thread(input.documentId, threadId))!
  }

  /** Adds a reply to a thread; returns the thread. */
  async reply(documentId: string, threadId: string, authorId: number, body: string, at = Date.now()): Promise<Thread> {
    await inTransaction(this.db, async (trx) => {
      // One reply to a thread at a time (PostgreSQL; SQLite's write transactions already are), so the count holds.
      await lockKey(trx, `thread:${threadId}`)
      const { count } = (await trx.selectFrom('comments').select((eb) => eb.fn.countAll<number>().as('count')).where('thread_id', '=', threadId).executeTakeFirstOrThrow())
      if (Number(count) >= this.maxCommentsPerThread) {
        throw new ApiError(409, 'thread_full', `this thread has ${this.maxCommentsPerThread} comments, as many as a thread may hold; open a new thread to go on`)
      }
      await this.insertComment(trx, threadId, authorId, body, at)
    })
    return (await this.thread(documentId, threadId))!
  }

  /** Replaces a comment's text (not once deleted); returns its thread. */
  async edit(ref: CommentRef, body: string, at = Date.now()): Promise<Thread | null> {
    await this.db.updateTable('comments').set({ body, edited_at: at }).where('id', '=', ref.id).where('deleted_at', 'is', null).execute()
    return this.thread(ref.documentId, ref.threadId)
  }

  /**
   * Deletes a comment; it keeps its place with an empty body. Returns its thread as it is now, every comment
   * deleted included, so viewers can tell; null only if the thread itself is unknown.
   */
  async delete(ref: CommentRef, at = Date.now()): Promise<Thread | null> {
    // Soft: the row keeps its words for the record; no listing, event or compilation serves them again.
    await this.db.updateTable('comments').set({ deleted_at: at }).where('id', '=', ref.id).where('deleted_at', 'is', null).execute()
    return this.threadWithDeleted(ref.documentId, ref.threadId)
  }

  async resolve(documentId: string, threadId: string, by: number, at = Date.now()): Promise<Thread | null> {
    await this.db.updateTable('comment_threads').set({ resolved_by: by, resolved_at: at }).where('id', '=', threadId).where('resolved_at', 'is', null).execute()
    return this.thread(documentId, threadId)
  }

  /** Anchors a thread again on the same quote, in text that came back (its old anchor points into deleted text). */
  async reanchor(documentId: string, threadId: string, anchor: { start: string; end: string }): Promise<Thread | null> {
    await this.db
      .updateTable('comment_threads')
      .set({ anchor_start: anchor.start, anchor_end: anchor.end })
      .where('id', '=', threadId)
      .where('document_id', '=', documentId)
      .execute()
    return this.thread(documentId, threadId)
  }

  async reopen(documentId: string, threadId: string): Promise<Thread | null> {
    await this.db.updateTable('comment_threads').set({ resolved_by: null, resolved_at: null }).where('id', '=', threadId).execute()
    return this.thread(documentId, threadId)
  }

  private async threadOf(row: ThreadRow, comments: Comment[], members = new Map<number, Author>()): Promise<Thread> {
    const author = await this.member(row.createdBy, members)
    return {
      id: row.id,
      documentId: row.documentId,
      anchor: { start: row.anchorStart, end: row.anchorEnd, quote: row.quote },
      author,
      stakeholder: author.role === 'stakeholder',
      createdAt: row.createdAt,
      resolved: row.resolvedBy !== null && row.resolvedAt !== null ? { by: await this.member(row.resolvedBy, members), at: row.resolvedAt } : null,
      comments,
    }
  }

  private async member(id: number, members: Map<number, Author>): Promise<Author> {
    let author = members.get(id)
    if (!author) {
      author = await rowOf(this.db, sql<Author>`SELECT ${memberColumns} FROM members WHERE id = ${id}`)
      if (!author) throw new Error(`comment author ${id} is not a member`)
      members.set(id, author)
    }
    return author
  }

  /** When the member last looked at the document's comments (0: never). */
  async seenAt(documentId: string, memberId: number): Promise<number> {
    const row = await this.db
      .selectFrom('stage_seen')
      .select('comments_seen_at')
      .where('document_id', '=', documentId)
      .where('member_id', '=', memberId)
      .executeTakeFirst()
    return row?.comments_seen_at ?? 0
  }

  async markSeen(documentId: string, memberId: number, at = Date.now()): Promise<number> {
    await this.db
      .insertInto('stage_seen')
      .values({ document_id: documentId, member_id: memberId, seen_at: 0, comments_seen_at: at })
      .onConflict((conflict) => conflict.columns(['document_id', 'member_id']).doUpdateSet((eb) => ({ comments_seen_at: eb.ref('excluded.comments_seen_at') })))
      .execute()
    return at
  }
}
