/** Comment threads anchored to passages of a document: the REST routes, and the threads as they change, live. */
import type { Anchor, Comment, Thread } from '../../shared/schema/comments.ts'
import type { Author, RegionalGroup, Role } from '../../shared/schema/member.ts'
import { followDocumentEvents } from './documentEvents.ts'
import { request } from './http.ts'

/**
 * The thread, comment and anchor shapes are the server's (shared/schema/comments.ts); an anchor holds base64 of
 * `Y.encodeRelativePosition` for both ends, into the document's `content` XmlFragment, and the text selected.
 */
export type { Anchor, Author, Comment, Thread }

/** Longest quote the server keeps with an anchor. */
export const maxQuoteLength = 2000
/** Longest comment body the server accepts by default. */
export const maxCommentLength = 10_000

const documentPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`

export async function listThreads(documentId: string): Promise<Thread[]> {
  const { threads } = await request<{ threads: Thread[] }>('GET', `${documentPath(documentId)}/threads`)
  return threads
}

async function threadFrom(answer: Promise<{ thread: Thread }>): Promise<Thread> {
  return (await answer).thread
}

export function openThread(documentId: string, input: { anchor: Anchor; body: string }): Promise<Thread> {
  return threadFrom(request('POST', `${documentPath(documentId)}/threads`, input))
}

export function replyToThread(documentId: string, threadId: string, body: string): Promise<Thread> {
  return threadFrom(request('POST', `${documentPath(documentId)}/threads/${encodeURIComponent(threadId)}/comments`, { body }))
}

export function editComment(documentId: string, commentId: string, body: string): Promise<Thread> {
  return threadFrom(request('PATCH', `${documentPath(documentId)}/comments/${encodeURIComponent(commentId)}`, { body }))
}

export function deleteComment(documentId: string, commentId: string): Promise<Thread> {
  return threadFrom(request('DELETE', `${documentPath(documentId)}/comments/${encodeURIComponent(commentId)}`))
}

export function resolveThread(documentId: string, threadId: string): Promise<Thread> {
  return threadFrom(request('POST', `${documentPath(documentId)}/threads/${encodeURIComponent(threadId)}/resolve`))
}

export function reopenThread(documentId: string, threadId: string): Promise<Thread> {
  return threadFrom(request('POST', `${documentPath(documentId)}/threads/${encodeURIComponent(threadId)}/reopen`))
}

function isThread(data: unknown): data is Thread {
  const thread = data as Partial<Thread> | null
  return typeof thread?.id === 'string' && typeof thread.anchor === 'object' && Array.isArray(thread.comments)
}

/**
 * Follows the document's `thread` events (a thread after any change to it) on the document's shared event stream.
 * `onReconnect` runs when the stream came back after a break: events sent meanwhile were missed.
 */
export function followThreads(documentId: string, onThread: (thread: Thread) => void, onReconnect: () => void): () => void {
  return followDocumentEvents(documentId, 'thread', {
    onEvent: (data) => {
      if (isThread(data)) onThread(data)
    },
    onReconnect,
  })
}

/** How the compilation of written inputs groups the comments. */
export const compilationGroupings = ['delegation', 'paragraph'] as const
export type CompilationGrouping = (typeof compilationGroupings)[number]

export const compilationGroupingLabels: Record<CompilationGrouping, string> = {
  delegation: 'By delegation',
  paragraph: 'By paragraph',
}

/** The files the compilation of written inputs comes as. */
export const compilationFormats = ['docx', 'md'] as const
export type CompilationFormat = (typeof compilationFormats)[number]

export const compilationFormatLabels: Record<CompilationFormat, string> = {
  docx: 'Word (DOCX)',
  md: 'Markdown',
}

/** One written input (a thread that still says something) as the compilation lists it. */
export interface CompiledInput {
  threadId: string
  author: { name: string; delegation: string | null; role: Role; regionalGroup: RegionalGroup | null }
  body: string
  createdAt: number
  quote: string
  /** "Paragraph 12", "R4", "General", or "Detached" when the text commented on is gone. */
  location: string
  stakeholder: boolean
  resolved: boolean
  replies: { author: { name: string; delegation: string | null; role: Role }; body: string; createdAt: number }[]
}

export interface Compilation {
  documentId: string
  by: CompilationGrouping
  /** In the order of the groups. */
  inputs: CompiledInput[]
  groups: { heading: string; threadIds: string[] }[]
}

export function compilationUrl(documentId: string, { format, by }: { format: CompilationFormat | 'json'; by: CompilationGrouping }): string {
  return `${documentPath(documentId)}/compilation?${new URLSearchParams({ format, by })}`
}

/** The compilation's groups and inputs, as the downloads would list them. */
export function getCompilation(documentId: string, by: CompilationGrouping): Promise<Compilation> {
  return request('GET', compilationUrl(documentId, { format: 'json', by }))
}
