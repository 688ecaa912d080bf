/** `/api/documents/:id/threads`, `/comments`, `/compilation`: comment threads on a document and the compilation of written inputs. */
import { Hono } from 'hono'
import { commentPayloads } from '../../shared/schema/comments.ts'
import type { Access } from '../auth/access.ts'
import { forbidden } from '../auth/authenticate.ts'
import { can } from '../auth/permissions.ts'
import type { CommentService } from '../comments/commentService.ts'
import { groupInputs, type CompilationGrouping } from '../export/compilation.ts'
import { apiError, readJson, type AppEnv } from '../http.ts'
import type { HeavyWork } from '../heavy/heavyWork.ts'
import type { Registry } from '../workspaces/registry.ts'
import { allowOnDocument, ensureDocumentScope } from './documentScope.ts'

export interface CommentRouteDeps {
  registry: Registry
  access: Access
  comments: CommentService
  /** Writes compilation files on the worker pool. */
  heavy: HeavyWork
  maxCommentChars: number
}

const formats = ['json', 'md', 'docx'] as const
const groupings = ['delegation', 'paragraph'] as const satisfies readonly CompilationGrouping[]
const docxType = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'

export function commentRoutes({ registry, access, comments, heavy, maxCommentChars }: CommentRouteDeps) {
  const { OpenThread, CommentText } = commentPayloads(maxCommentChars)
  const scoped = ensureDocumentScope(registry, access)
  const readable = allowOnDocument('document.read')

  const threadNotFound = (c: Parameters<typeof apiError>[0], threadId: string) =>
    apiError(c, 404, 'thread_not_found', `there is no comment thread "${threadId}" on this document`)
  const commentNotFound = (c: Parameters<typeof apiError>[0], commentId: string) =>
    apiError(c, 404, 'comment_not_found', `there is no comment "${commentId}" on this document`)

  return new Hono<AppEnv>()
    .get('/:id/threads', scoped, readable, (c) => c.json({ threads: comments.threads(c.get('document').id) }))
    .post('/:id/threads', scoped, readable, async (c) => {
      if (!can(c.get('subject'), 'comment.create')) return forbidden(c, 'comment.create')
      const payload = await readJson(c, OpenThread)
      if (!payload.ok) return payload.response
      const thread = comments.open(c.get('document').id, c.get('member').id, payload.value.anchor, payload.value.body)
      return c.json({ thread }, 201)
    })
    .post('/:id/threads/:threadId/comments', scoped, readable, async (c) => {
      if (!can(c.get('subject'), 'comment.create')) return forbidden(c, 'comment.create')
      const documentId = c.get('document').id
      const threadId = c.req.param('threadId')
      if (!comments.thread(documentId, threadId)) return threadNotFound(c, threadId)
      const payload = await readJson(c, CommentText)
      if (!payload.ok) return payload.response
      return c.json({ thread: comments.reply(documentId, threadId, c.get('member').id, payload.value.body) }, 201)
    })
    .patch('/:id/comments/:commentId', scoped, readable, async (c) => {
      const commentId = c.req.param('commentId')
      const ref = comments.comment(c.get('document').id, commentId)
      if (!ref) return commentNotFound(c, commentId)
      if (!can({ ...c.get('subject'), authorId: ref.authorId }, 'comment.edit')) {
        return apiError(c, 403, 'not_your_comment', 'you may edit only your own comments')
      }
      if (ref.deleted) return apiError(c, 409, 'comment_deleted', 'this comment has been deleted; it can no longer be edited')
      const payload = await readJson(c, CommentText)
      if (!payload.ok) return payload.response
      const thread = comments.edit(ref, payload.value.body)
      return thread ? c.json({ thread }) : commentNotFound(c, commentId)
    })
    .delete('/:id/comments/:commentId', scoped, readable, (c) => {
      const commentId = c.req.param('commentId')
      const ref = comments.comment(c.get('document').id, commentId)
      if (!ref) return commentNotFound(c, commentId)
      if (!can({ ...c.get('subject'), authorId: ref.authorId }, 'comment.delete')) {
        return apiError(c, 403, 'not_your_comment', 'you may delete only your own comments')
      }
      const thread = comments.delete(ref)
      return thread ? c.json({ thread }) : commentNotFound(c, commentId)
    })
    .post('/:id/threads/:threadId/resolve', scoped, readable, (c) => {
      if (!can(c.get('subject'), 'thread.resolve')) return forbidden(c, 'thread.resolve')
      const documentId = c.get('document').id
      const threadId = c.req.param('threadId')
      if (!comments.thread(documentId, threadId)) return threadNotFound(c, threadId)
      const thread = comments.resolve(documentId, threadId, c.get('member').id)
      return thread ? c.json({ thread }) : threadNotFound(c, threadId)
    })
    .post('/:id/threads/:threadId/reopen', scoped, readable, (c) => {
      if (!can(c.get('subject'), 'thread.resolve')) return forbidden(c, 'thread.resolve')
      const documentId = c.get('document').id
      const threadId = c.req.param('threadId')
      if (!comments.thread(documentId, threadId)) return threadNotFound(c, threadId)
      const thread = comments.reopen(documentId, threadId)
      return thread ? c.json({ thread }) : threadNotFound(c, threadId)
    })
    .get('/:id/compilation', scoped, readable, async (c) => {
      if (!can(c.get('subject'), 'document.export')) return forbidden(c, 'document.export')
      const format = c.req.query('format') ?? 'json'
      const by = c.req.query('by') ?? 'delegation'
      if (!isOneOf(formats, format)) return apiError(c, 400, 'invalid_query', `format must be one of: ${formats.join(', ')}`)
      if (!isOneOf(groupings, by)) return apiError(c, 400, 'invalid_query', `by must be one of: ${groupings.join(', ')}`)
      const document = c.get('document')
      const inputs = await comments.compile(document.id)
      if (format === 'json') {
        const groups = groupInputs(inputs, by)
        return c.json({
          documentId: document.id,
          by,
          inputs: groups.flatMap((group) => group.inputs),
          groups: groups.map((group) => ({ heading: group.heading, threadIds: group.inputs.map((input) => input.threadId) })),
        })
      }
      const options = { by, title: `Compilation of written inputs: ${document.title}`, symbol: document.symbol, date: new Date() }
      const fileName = `${document.id}-written-inputs-by-${by}.${format}`
      c.header('content-disposition', `attachment; filename="${fileName}"`)
      const { body } = await heavy.exportCompilation({ inputs, options, format }, c.get('member').id)
      c.header('content-type', format === 'md' ? 'text/markdown; charset=utf-8' : docxType)
      return c.body(body as string | Uint8Array<ArrayBuffer>)
    })
}

function isOneOf<const T extends readonly string[]>(values: T, value: string): value is T[number] {
  return values.includes(value)
}
