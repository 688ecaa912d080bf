/** `/api/documents/:id/threads`, `/comments`, `/compilation`: comment threads on a document and the compilation of written inputs. */
import { Hono, type Context } from 'hono'
import { can } from '../../shared/auth/permissions.ts'
import { ApiError } from '../../shared/errors/apiError.ts'
import { compilationGroupings } from '../../shared/schema/compilation.ts'
import { commentPayloads, CommentsSeen, ThreadAnswer, ThreadList, type Thread } from '../../shared/schema/comments.ts'
import type { CommentService } from '../comments/commentService.ts'
import type { CommentRef } from '../comments/commentStore.ts'
import { downloadFileName } from '../export/fileName.ts'
import { parseJson, reply, type AppEnv } from '../http.ts'
import { allowOnDocument } from './documentScope.ts'

export interface CommentRouteDeps {
  comments: CommentService
  maxCommentChars: number
  /** Refuses (409 `period_closed`) once the comment period on the current revision ended. */
  inputsOpen?: (documentId: string) => void
}

const formats = ['json', 'md', 'docx'] as const
/** Threads a page of `GET /threads` holds at most (and the largest `limit`), and comments: a thread may hold 200. */
const threadsPerPage = 200
const commentsPerPage = 1000
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

/** Under the document scope (`documentRoutesScoped`). */
export function commentRoutes({ comments, maxCommentChars, inputsOpen }: CommentRouteDeps) {
  const open = async (c: Context<AppEnv>) => inputsOpen?.(c.get('document').id)
  const { OpenThread, CommentText } = commentPayloads(maxCommentChars)

  /** The thread named in the path, on the scoped document; 404 otherwise. */
  const threadIdOf = async (c: Context<AppEnv>): Promise<string> => {
    const threadId = c.req.param('threadId') ?? ''
    if (!(await comments.thread(c.get('document').id, threadId))) throw threadNotFound(threadId)
    return threadId
  }
  /** The comment named in the path, on the scoped document, if the member may `action` it (only its author may). */
  const ownCommentOf = async (c: Context<AppEnv>, action: 'edit' | 'delete'): Promise<CommentRef> => {
    const commentId = c.req.param('commentId') ?? ''
    const ref = await comments.comment(c.get('document').id, commentId)
    if (!ref) throw commentNotFound(commentId)
    if (!can({ ...c.get('subject'), authorId: ref.authorId }, `comment.${action}`)) throw new ApiError(403, 'not_your_comment', `you may ${action} only your own comments`)
    return ref
  }
  const answer = async (c: Context<AppEnv>, thread: Thread | null, notFound: ApiError, status: 200 | 201 = 200) => {
    if (!thread) throw notFound
    return reply(c, ThreadAnswer, { thread }, status)
  }

  return new Hono<AppEnv>()
    .get('/:id/threads', async (c) => {
      // A page at a time, so that no request reads a whole document's comments at once on the relay's loop.
      const limit = c.req.query('limit')
      const maxThreads = limit === undefined ? threadsPerPage : /^\d{1,4}$/.test(limit) ? Number(limit) : Number.NaN
      if (!(maxThreads >= 1 && maxThreads <= threadsPerPage)) throw new ApiError(400, 'invalid_query', `limit must be a whole number from 1 to ${threadsPerPage}`)
      const after = c.req.query('after') ?? null
      const page = await comments.threadPage(c.get('document').id, { after, maxThreads, maxComments: commentsPerPage })
      if (!page) throw new ApiError(400, 'invalid_query', `after: there is no thread "${after}" on this document`)
      return reply(c, ThreadList, page)
    })
    .get('/:id/comments/seen', async (c) => reply(c, CommentsSeen, { seenAt: await comments.seenAt(c.get('document').id, c.get('member').id) }))
    .post('/:id/comments/seen', async (c) => reply(c, CommentsSeen, { seenAt: await comments.markSeen(c.get('document').id, c.get('member').id) }))
    .post('/:id/threads', allowOnDocument('comment.create'), async (c) => {
      const { anchor, body } = await parseJson(c, OpenThread)
      await open(c)
      return reply(c, ThreadAnswer, { thread: await comments.open(c.get('document').id, c.get('member').id, anchor, body) }, 201)
    })
    .post('/:id/threads/:threadId/comments', allowOnDocument('comment.create'), async (c) => {
      const threadId = await threadIdOf(c)
      const { body } = await parseJson(c, CommentText)
      await open(c)
      return answer(c, await comments.reply(c.get('document').id, threadId, c.get('member').id, body), threadNotFound(threadId), 201)
    })
    .patch('/:id/comments/:commentId', async (c) => {
      const ref = await ownCommentOf(c, 'edit')
      if (ref.deleted) throw new ApiError(409, 'comment_deleted', 'this comment has been deleted; it can no longer be edited')
      const { body } = await parseJson(c, CommentText)
      await open(c)
      return answer(c, await comments.edit(ref, body), commentNotFound(ref.id))
    })
    .delete('/:id/comments/:commentId', async (c) => {
      const ref = await ownCommentOf(c, 'delete')
      return answer(c, await comments.delete(ref), commentNotFound(ref.id))
    })
    .post('/:id/threads/:threadId/resolve', allowOnDocument('thread.resolve'), async (c) => {
      const threadId = await threadIdOf(c)
      return answer(c, await comments.resolve(c.get('document').id, threadId, c.get('member').id), threadNotFound(threadId))
    })
    .post('/:id/threads/:threadId/reopen', allowOnDocument('thread.resolve'), async (c) => {
      const threadId = await threadIdOf(c)
      return answer(c, await comments.reopen(c.get('document').id, threadId), threadNotFound(threadId))
    })
    .get('/:id/compilation', allowOnDocument('document.export'), async (c) => {
      const format = c.req.query('format') ?? 'json'
      const by = c.req.query('by') ?? 'delegation'
      if (!isOneOf(formats, format)) throw new ApiError(400, 'invalid_query', `format must be one of: ${formats.join(', ')}`)
      if (!isOneOf(compilationGroupings, by)) throw new ApiError(400, 'invalid_query', `by must be one of: ${compilationGroupings.join(', ')}`)
      const document = c.get('document')
      const options = { by, title: `Compilation of written inputs: ${document.title}`, symbol: document.symbol, date: new Date() }
      const { body } = await comments.compile({ documentId: document.id, format, options }, c.get('member').id)
      if (format === 'json') {
        // `Compilation` (shared/schema/compilation.ts), written whole on the worker pool.
        c.header('content-type', 'application/json')
        return c.body(body as string)
      }
      const fileName = downloadFileName([document.symbol ?? document.title, 'written inputs by', by], format)
      c.header('content-disposition', `attachment; filename="${fileName}"`)
      c.header('content-type', format === 'md' ? 'text/markdown; charset=utf-8' : docxType)
      return c.body(body as string | Uint8Array<ArrayBuffer>)
    })
}

function threadNotFound(threadId: string): ApiError {
  return new ApiError(404, 'thread_not_found', `there is no comment thread "${threadId}" on this document`)
}

function commentNotFound(commentId: string): ApiError {
  return new ApiError(404, 'comment_not_found', `there is no comment "${commentId}" on this document`)
}

function isOneOf<const T extends readonly string[]>(values: T, value: string): value is T[number] {
  return values.includes(value)
}
