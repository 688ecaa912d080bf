/** Writes a new document's first content, from ProseMirror JSON, straight into the store. */
import * as Y from 'yjs'
import { contentField } from '../../shared/schema/contentField.ts'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import { editorSchema, yProseMirror } from '../documents/editorModules.ts'
import type { DocumentStore } from '../store/store.ts'

export async function seedDocument(store: DocumentStore, documentId: string, json: DraftDocJson): Promise<void> {
  const [schema, { prosemirrorJSONToYDoc }] = await Promise.all([editorSchema(), yProseMirror()])
  const doc = prosemirrorJSONToYDoc(schema, json, contentField)
  try {
    await store.append([{ documentId, update: Y.encodeStateAsUpdate(doc) }])
  } finally {
    doc.destroy()
  }
}
