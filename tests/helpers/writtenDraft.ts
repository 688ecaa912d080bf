/** A draft written into a document through a real client, and seen arriving by a second one. */
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { contentField } from '../../shared/schema/contentField.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { connectClient, waitFor, type TestClient } from './clients.ts'
import { blockTexts } from './passages.ts'

/** Two paragraphs, as a draft starts. */
export const twoParagraphs = {
  type: 'doc',
  content: [
    { type: 'paragraph', content: [{ type: 'text', text: 'Critical infrastructure must be protected.' }] },
    { type: 'paragraph', content: [{ type: 'text', text: 'States cooperate in good faith.' }] },
  ],
}

/**
 * A writer puts `draft` (the editor's JSON) into the document, and a second client (the witness) receives every block
 * of it: stored and relayed. Both are connected with `token` and added to `clients`, for the caller to close.
 */
export async function writeDraft(
  wsUrl: string,
  documentId: string,
  token: string,
  clients: TestClient[],
  draft: { type: string; content: unknown[] } = twoParagraphs,
): Promise<{ writer: TestClient; witness: TestClient }> {
  const writer = connectClient(wsUrl, documentId, token)
  clients.push(writer)
  await writer.synced
  Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(draftSchema, draft, contentField)))
  const witness = connectClient(wsUrl, documentId, token)
  clients.push(witness)
  await waitFor(() => blockTexts(witness.doc).length === draft.content.length, 'the text to be stored and relayed')
  return { writer, witness }
}
