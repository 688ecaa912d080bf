/** The document schema shared by the browser editor and the server: UN-style text plus recommendation blocks. */
import { type Extensions, getSchema } from '@tiptap/core'
import { StarterKit } from '@tiptap/starter-kit'
import { Recommendation } from './recommendationNode.ts'

/** The Y.Doc field the editor binds to: a document's content, and the only root comment anchors may point into. */
export const contentField = 'content'

export const draftExtensions: Extensions = [
  StarterKit.configure({
    heading: { levels: [1, 2, 3] },
    undoRedo: false,
    blockquote: false,
    code: false,
    codeBlock: false,
    hardBreak: false,
    horizontalRule: false,
    link: false,
    strike: false,
    underline: false,
    // A trailing paragraph would be written into the shared document by every client that opens it.
    trailingNode: false,
  }),
  Recommendation,
]

export const draftSchema = getSchema(draftExtensions)
