/** The document schema shared by the browser editor and the server: UN-style text, recommendation blocks, brackets and alternatives. */
import { type Extensions, getSchema } from '@tiptap/core'
import { StarterKit } from '@tiptap/starter-kit'
import { Alternative, Alternatives, Bracket } from './negotiationNodes.ts'
import { Recommendation } from './recommendationNode.ts'

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
  Bracket,
  Alternatives,
  Alternative,
]

export const draftSchema = getSchema(draftExtensions)
