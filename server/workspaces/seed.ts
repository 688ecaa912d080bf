/** Writes a new document's first content, from ProseMirror JSON, straight into the store. */
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { contentField, draftSchema } from '../../shared/schema/editorSchema.ts'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import type { DocumentStore } from '../store/store.ts'

export { contentField }

export async function seedDocument(store: DocumentStore, documentId: string, json: DraftDocJson): Promise<void> {
  const doc = prosemirrorJSONToYDoc(draftSchema, json, contentField)
  try {
    await store.append([{ documentId, update: Y.encodeStateAsUpdate(doc) }])
  } finally {
    doc.destroy()
  }
}
