/** Reads a document's `content` as ProseMirror JSON, or says why it cannot: content written outside the editor's schema. */
import * as Y from 'yjs'
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import type { DraftValidation } from '../../shared/schema/validateDraft.ts'
import { contentField } from '../../shared/schema/contentField.ts'

export type ReadDraft = { ok: true; json: DraftDocJson } | { ok: false; message: string }

export function readDraft(doc: Y.Doc): ReadDraft {
  try {
    return { ok: true, json: yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(contentField)) as DraftDocJson }
  } catch (error) {
    // A client may have written the shared type under another type (a Y.Text named "content", say).
    return { ok: false, message: `the document content cannot be read as a draft (${error instanceof Error ? error.message : String(error)})` }
  }
}

/** The validation of a draft that cannot be read at all. */
export function unreadableDraft(message: string): DraftValidation {
  return {
    valid: false,
    submittable: false,
    negotiation: { brackets: 0, alternatives: 0 },
    problems: [{ code: 'document_malformed', severity: 'error', message, path: [] }],
  }
}
