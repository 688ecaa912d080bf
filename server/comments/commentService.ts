/** Comment threads of documents: every change stored, then pushed to the document's viewers as a `thread` event. */
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import type { FrameworkCatalogue } from '../../shared/framework/element.ts'
import type { DraftModel } from '../../shared/model/draftModel.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import type { Anchor } from '../../shared/schema/comments.ts'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import { contentField } from '../../shared/schema/editorSchema.ts'
import type { Rooms } from '../collab/rooms.ts'
import { readCurrentDoc } from '../documents/currentDoc.ts'
import type { DocumentEvents } from '../documents/documentEvents.ts'
import type { DocumentStore } from '../store/store.ts'
import { type AnchorPlacement, placeAnchor } from '../../shared/anchor/placeAnchor.ts'
import type { CommentRef, CommentStore, Thread } from './commentStore.ts'
import { compileInputs, type CompiledEntry } from './compileInputs.ts'


export interface CommentServiceDeps {
  comments: CommentStore
  events: DocumentEvents
  rooms: Rooms
  store: DocumentStore
  catalogue: () => FrameworkCatalogue
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

  reopen(documentId: string, threadId: string): Thread | null {
    return this.published(this.comments.reopen(documentId, threadId))
  }

  /** Every thread of the document as a written input, placed in the current text (or detached from it). */
  compile(documentId: string): Promise<CompiledEntry[]> {
    return readCurrentDoc(this.deps.rooms, this.deps.store, documentId, (doc) => this.compileFrom(documentId, doc))
  }

  private compileFrom(documentId: string, doc: Y.Doc): CompiledEntry[] {
    let fragment: Y.XmlFragment | null = null
    let model: DraftModel = { blocks: [] }
    try {
      fragment = doc.getXmlFragment(contentField)
      model = toDraftModel(yXmlFragmentToProsemirrorJSON(fragment) as DraftDocJson, this.deps.catalogue())
    } catch {
      // Content written outside the editor's schema: the inputs are still all compiled, only not by paragraph.
      fragment = null
    }
    const placement = (thread: Thread): AnchorPlacement => (fragment ? placeAnchor(doc, fragment, thread.anchor) : { detached: false, path: [] })
    return compileInputs(this.threads(documentId), placement, model)
  }

  private published<T extends Thread | null>(thread: T): T {
    if (thread) this.deps.events.publish(thread.documentId, 'thread', thread)
    return thread
  }
}
