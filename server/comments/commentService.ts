/** Comment threads of documents: every change stored, then pushed to the document's viewers as a `thread` event. */
import type { Anchor } from '../../shared/schema/comments.ts'
import type { DocumentEvents } from '../documents/documentEvents.ts'
import { type AnchorPlacement, placeAnchor } from '../../shared/anchor/placeAnchor.ts'
import type { CommentRef, CommentStore, Thread } from './commentStore.ts'
import type { CompilationRequest } from '../heavy/tasks.ts'


export interface CommentServiceDeps {
  comments: CommentStore
  events: DocumentEvents
  /**
   * Places the threads (read by `threads`, once the job may run) in the document's current text, on the worker pool,
   * and compiles them as written inputs in the format asked; the job counts against `memberId`'s share of the pool.
   */
  compile: (documentId: string, threads: () => Promise<Thread[]>, request: CompilationRequest, memberId: number) => Promise<{ body: string | Uint8Array }>
}

export class CommentService {
  private readonly comments: CommentStore

  constructor(private readonly deps: CommentServiceDeps) {
    this.comments = deps.comments
  }

  async threads(documentId: string): Promise<Thread[]> {
    return this.comments.threads(documentId)
  }

  /** A bounded page of the document's threads (see CommentStore.threadPage); null when `after` names no thread of it. */
  async threadPage(documentId: string, page: { after?: string | null; maxThreads: number; maxComments: number }) {
    return this.comments.threadPage(documentId, page)
  }

  async thread(documentId: string, threadId: string): Promise<Thread | null> {
    return this.comments.thread(documentId, threadId)
  }

  async comment(documentId: string, commentId: string): Promise<CommentRef | null> {
    return this.comments.comment(documentId, commentId)
  }

  /** When the member last looked at the document's comments (0: never). */
  async seenAt(documentId: string, memberId: number): Promise<number> {
    return this.comments.seenAt(documentId, memberId)
  }

  /** The member has looked: what is new for them counts from now. */
  async markSeen(documentId: string, memberId: number): Promise<number> {
    return this.comments.markSeen(documentId, memberId)
  }

  async open(documentId: string, authorId: number, anchor: Anchor, body: string): Promise<Thread> {
    return this.published(await this.comments.open({ documentId, anchor, authorId, body }))
  }

  async reply(documentId: string, threadId: string, authorId: number, body: string): Promise<Thread> {
    return this.published(await this.comments.reply(documentId, threadId, authorId, body))
  }

  async edit(ref: CommentRef, body: string): Promise<Thread | null> {
    return this.published(await this.comments.edit(ref, body))
  }

  /** The thread after the deletion; when its every comment is now deleted, viewers get it once more, so they can drop it. */
  async delete(ref: CommentRef): Promise<Thread | null> {
    return this.published(await this.comments.delete(ref))
  }

  async resolve(documentId: string, threadId: string, by: number): Promise<Thread | null> {
    return this.published(await this.comments.resolve(documentId, threadId, by))
  }

  /** Threads anchored again after a restore brought their text back; each is sent to viewers as a `thread` event. */
  async reanchor(documentId: string, moves: ReadonlyArray<{ id: string; anchor: Anchor }>): Promise<Thread[]> {
    const threads: Thread[] = []
    for (const move of moves) {
      const thread = this.published(await this.comments.reanchor(documentId, move.id, move.anchor))
      if (thread) threads.push(thread)
    }
    return threads
  }

  async reopen(documentId: string, threadId: string): Promise<Thread | null> {
    return this.published(await this.comments.reopen(documentId, threadId))
  }

  /** Every thread of the document as a written input, placed in the current text (or detached from it), written out as asked. */
  async compile(request: CompilationRequest, memberId: number): Promise<{ body: string | Uint8Array }> {
    return this.deps.compile(request.documentId, () => this.threads(request.documentId), request, memberId)
  }

  private published<T extends Thread | null>(thread: T): T {
    if (thread) this.deps.events.publish(thread.documentId, 'thread', thread)
    return thread
  }
}
