/** Comment threads anchored to passages of a document: the REST routes, and the threads as they change, live. */
import type { z } from 'zod'
import { Compilation, type CompilationFormat, type CompilationGrouping } from '../../shared/schema/compilation.ts'
import { CommentsSeen, Thread, ThreadAnswer, ThreadList, type Anchor, type Comment, type commentPayloads } from '../../shared/schema/comments.ts'
import type { Author } from '../../shared/schema/member.ts'
import { followDocumentEvents } from './documentEvents.ts'
import { request, type Method } from './http.ts'

/**
 * The thread, comment and anchor shapes are the server's (shared/schema/comments.ts); an anchor holds base64 of
 * `Y.encodeRelativePosition` for both ends, into the document's `content` XmlFragment, and the text selected.
 */
export type { Anchor, Author, Comment, Compilation, CompilationFormat, CompilationGrouping, Thread }
export { compilationFormats, compilationGroupings, type CompiledInput } from '../../shared/schema/compilation.ts'
export { defaultMaxCommentChars as maxCommentLength, maxQuoteChars as maxQuoteLength } from '../../shared/schema/comments.ts'

const documentPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`

/** Every thread of the document, oldest first, read a page at a time as the server serves them. */
export async function listThreads(documentId: string): Promise<Thread[]> {
  const threads: Thread[] = []
  let after: string | null = null
  do {
    const query: string = after === null ? '' : `?${new URLSearchParams({ after })}`
    const page = await request('GET', `${documentPath(documentId)}/threads${query}`, ThreadList)
    threads.push(...page.threads)
    after = page.next
  } while (after !== null)
  return threads
}

/** When the member last looked at the document's comments (0: never), by the server's record. */
export async function commentsSeenAt(documentId: string): Promise<number> {
  return (await request('GET', `${documentPath(documentId)}/comments/seen`, CommentsSeen)).seenAt
}

/** Tells the server the member has looked at the comments; answers the time it recorded. */
export async function markCommentsSeen(documentId: string): Promise<number> {
  return (await request('POST', `${documentPath(documentId)}/comments/seen`, CommentsSeen)).seenAt
}

/** A change to a thread: every such route answers the thread as it now is. */
async function changeThread(method: Method, path: string, body?: unknown): Promise<Thread> {
  return (await request(method, path, ThreadAnswer, body)).thread
}

type OpenThread = z.input<ReturnType<typeof commentPayloads>['OpenThread']>

export function openThread(documentId: string, input: OpenThread): Promise<Thread> {
  return changeThread('POST', `${documentPath(documentId)}/threads`, input)
}

export function replyToThread(documentId: string, threadId: string, body: string): Promise<Thread> {
  return changeThread('POST', `${documentPath(documentId)}/threads/${encodeURIComponent(threadId)}/comments`, { body })
}

export function editComment(documentId: string, commentId: string, body: string): Promise<Thread> {
  return changeThread('PATCH', `${documentPath(documentId)}/comments/${encodeURIComponent(commentId)}`, { body })
}

export function deleteComment(documentId: string, commentId: string): Promise<Thread> {
  return changeThread('DELETE', `${documentPath(documentId)}/comments/${encodeURIComponent(commentId)}`)
}

export function resolveThread(documentId: string, threadId: string): Promise<Thread> {
  return changeThread('POST', `${documentPath(documentId)}/threads/${encodeURIComponent(threadId)}/resolve`)
}

export function reopenThread(documentId: string, threadId: string): Promise<Thread> {
  return changeThread('POST', `${documentPath(documentId)}/threads/${encodeURIComponent(threadId)}/reopen`)
}

/**
 * Follows the document's `thread` events (a thread after any change to it) on the document's shared event stream.
 * `onReconnect` runs when the stream came back after a break: events sent meanwhile were missed.
 */
export function followThreads(documentId: string, onThread: (thread: Thread) => void, onReconnect: () => void): () => void {
  return followDocumentEvents(documentId, 'thread', {
    onEvent: (data) => {
      const thread = Thread.safeParse(data)
      if (thread.success) onThread(thread.data)
    },
    onReconnect,
  })
}

export function compilationUrl(documentId: string, { format, by }: { format: CompilationFormat | 'json'; by: CompilationGrouping }): string {
  return `${documentPath(documentId)}/compilation?${new URLSearchParams({ format, by })}`
}

/** The compilation's groups and inputs, as the downloads would list them. */
export function getCompilation(documentId: string, by: CompilationGrouping): Promise<Compilation> {
  return request('GET', compilationUrl(documentId, { format: 'json', by }), Compilation)
}
