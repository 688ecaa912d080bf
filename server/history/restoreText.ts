/**
 * Makes a past text (a revision's, a snapshot's) the current one: the text it replaces is kept as a snapshot first, the
 * change goes through the room (stored, then relayed) as a minimal edit, and comment threads it detached are anchored
 * again where their quoted text came back.
 */
import type { Node } from '@tiptap/pm/model'
import { ApiError } from '../../shared/errors/apiError.ts'
import { exceedsDepth, maxDraftDepth, type DraftDocJson } from '../../shared/schema/draftJson.ts'
import { contentField } from '../../shared/schema/contentField.ts'
import type { SnapshotSummary } from '../../shared/schema/history.ts'
import type { Member } from '../../shared/schema/member.ts'
import type { Rooms } from '../collab/rooms.ts'
import type { CommentService } from '../comments/commentService.ts'
import { readCurrentDoc } from '../documents/currentDoc.ts'
import { draftReader, editorSchema, proseMirrorModel, yProseMirror } from '../documents/editorModules.ts'
import type { DocumentStore } from '../store/store.ts'
import type { ChangeOrigin, HistoryService } from './historyService.ts'
import { reattachDetached, threadBlocks } from './reattachThreads.ts'

export interface RestoreDeps {
  rooms: Rooms
  store: DocumentStore
  history: HistoryService
  comments: CommentService
}

/** What is restored: `kind` names it in errors (`revision_unreadable`, `snapshot_unreadable`). */
export interface RestoreInput {
  documentId: string
  member: Member
  content: DraftDocJson
  kind: 'revision' | 'snapshot'
}

export type TextRestorer = (input: RestoreInput) => Promise<{ saved: SnapshotSummary; reattached: number }>

export function textRestorer({ rooms, store, history, comments }: RestoreDeps): TextRestorer {
  return async ({ documentId, member, content, kind }) => {
    const [draftSchema, { Node }, { updateYFragment }, readDraft] = await Promise.all([editorSchema(), proseMirrorModel(), yProseMirror(), draftReader()])
    let restored: Node
    try {
      if (exceedsDepth(content)) throw new Error(`it nests blocks more than ${maxDraftDepth} deep`)
      restored = Node.fromJSON(draftSchema, content)
    } catch (error) {
      throw new ApiError(409, `${kind}_unreadable`, `this ${kind} cannot be restored: ${error instanceof Error ? error.message : String(error)}`)
    }
    const threads = await comments.threads(documentId)
    let blocksBefore = new Map<string, number>()
    let unreadable: string | null = null
    // The history keeps the text as it stands first (Rooms.change's listeners, before `apply`); a throw there restores nothing.
    // A document that cannot be loaded or stored throws RoomUnavailable, an ApiError (503).
    await rooms.change(documentId, { member, reason: 'restore' } satisfies ChangeOrigin & { member: Member }, (doc) => {
      // Checked before anything changes: a throw halfway through a transaction would keep its first half.
      const current = readDraft(doc)
      if (!current.ok) {
        unreadable = current.message
        return
      }
      blocksBefore = threadBlocks(doc, threads)
      // A minimal edit towards the past text: unchanged paragraphs keep their identity, so comment anchors in them hold.
      updateYFragment(doc, doc.getXmlFragment(contentField), restored, { mapping: new Map(), isOMark: new Map() })
    })
    if (unreadable) throw new ApiError(409, 'document_unreadable', unreadable)
    const saved = await history.latest(documentId)
    if (!saved) throw new Error(`no snapshot holds the text of document ${documentId} replaced by the restore`)
    const moves = await readCurrentDoc(rooms, store, documentId, (doc) => reattachDetached(doc, threads, blocksBefore))
    await comments.reanchor(documentId, moves)
    return { saved, reattached: moves.length }
  }
}
