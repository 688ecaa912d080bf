/** Comment threads of documents: every change stored, then pushed to the document's viewers as a `thread` event. */
import type { Anchor } from '../../shared/schema/comments.ts'
import type { DocumentEvents } from '../documents/documentEvents.ts'
import { type AnchorPlacement, placeAnchor } from '../../shared/anchor/placeAnchor.ts'
import type { CommentRef, CommentStore, Thread } from './commentStore.ts'
import type { CompiledEntry } from './compileInputs.ts'


export interface CommentServiceDeps {
  comments: CommentStore
  events: DocumentEvents
  /** Places the threads in the document's current text (on the worker pool) and compiles them as written inputs. */
  compile: (documentId: string, threads: Thread[]) => Promise<CompiledEntry[]>
}

export class CommentService {
  private readonly comments: CommentStore

  constructor(private readonly deps: CommentServiceDeps) {
    this.comments = deps.comments
  }

  threads(documentId: string): Thread[] {
    return this.comments.threads(documentId)
  }

  thread(documentId: string, threadId: string): Thread | null {
    return this.comments.thread(documentId, threadId)
  }

  comment(documentId: string, commentId: string): CommentRef | null {
    return this.comments.comment(documentId, commentId)
  }

  /** When the member last looked at the document's comments (0: never). */
  seenAt(documentId: string, memberId: number): number {
    return this.comments.seenAt(documentId, memberId)
  }

  /** The member has looked: what is new for them counts from now. */
  markSeen(documentId: string, memberId: number): number {
    return this.comments.markSeen(documentId, memberId)
  }

  open(documentId: string, authorId: number, anchor: Anchor, body: string): Thread {
    return this.published(this.comments.open({ documentId, anchor, authorId, body }))
  }

  reply(documentId: string, threadId: string, authorId: number, body: string): Thread {
    return this.published(this.comments.reply(documentId, threadId, authorId, body))
  }

  edit(ref: CommentRef, body: string): Thread | null {
    return this.published(this.comments.edit(ref, body))
  }

  /** The thread after the deletion; when its every comment is now deleted, viewers get it once more, so they can drop it. */
  delete(ref: CommentRef): Thread | null {
    return this.published(this.comments.delete(ref))
  }

  resolve(documentId: string, threadId: string, by: number): Thread | null {
    return this.published(this.comments.resolve(documentId, threadId, by))
  }

  /** Threads anchored again after a restore brought their text back; each is sent to viewers as a `thread` event. */
  reanchor(documentId: string, moves: ReadonlyArray<{ id: string; anchor: Anchor }>): Thread[] {
    return moves.map((move) => this.published(this.comments.reanchor(documentId, move.id, move.anchor))).filter((thread): thread is Thread => thread !== null)
  }

  reopen(documentId: string, threadId: string): Thread | null {
    return this.published(this.comments.reopen(documentId, threadId))
  }

  /** Every thread of the document as a written input, placed in the current text (or detached from it). */
  compile(documentId: string): Promise<CompiledEntry[]> {
    return this.deps.compile(documentId, this.threads(documentId))
  }

  private published<T extends Thread | null>(thread: T): T {
    if (thread) this.deps.events.publish(thread.documentId, 'thread', thread)
    return thread
  }
}
