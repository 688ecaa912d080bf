/** Comment threads as written inputs for the compilation: who said what, on which paragraph, in document order. */
import { yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import type * as Y from 'yjs'
import type { FrameworkCatalogue } from '../../shared/framework/element.ts'
import type { DraftBlock, DraftModel } from '../../shared/model/draftModel.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { type DraftDocJson, exceedsDepth, type NodePath } from '../../shared/schema/draftJson.ts'
import { contentField } from '../../shared/schema/contentField.ts'
import { recommendationLabel } from '../export/citation.ts'
import { type CompiledAuthor, type CompiledInput, detachedLocation } from '../export/compilation.ts'
import { blockAt, placeAnchor, type AnchorPlacement } from '../../shared/anchor/placeAnchor.ts'
import type { Author, Thread } from './commentStore.ts'

/** An input, and whether the text it was made on is gone from the draft (it is then listed apart, with its quote). */
export type CompiledEntry = CompiledInput & { detached: boolean }

/** Text before any numbered block, or in an empty paragraph before the first one. */
export const generalLocation = 'General'

function compiledAuthor(author: Author): CompiledAuthor {
  return { name: author.name, delegation: author.delegation, role: author.role }
}

function locationOf(block: DraftBlock): string {
  if (block.kind === 'paragraph') return `Paragraph ${block.number}`
  if (block.kind === 'recommendation') return recommendationLabel(block.number)
  return `Heading: ${block.text}`
}

function comparePaths(a: NodePath, b: NodePath): number {
  for (let at = 0; at < Math.min(a.length, b.length); at++) if (a[at] !== b[at]) return a[at] - b[at]
  return a.length - b.length
}

/** The block holding `path`, or else the last block before it (an empty paragraph belongs with the text above it). */
function blockFor(model: DraftModel, path: NodePath): { block: DraftBlock; order: number } | null {
  const holding = blockAt(model, path)
  if (holding) return { block: holding, order: model.blocks.indexOf(holding) }
  let before: { block: DraftBlock; order: number } | null = null
  model.blocks.forEach((block, order) => {
    if (comparePaths(block.path, path) <= 0) before = { block, order }
  })
  return before
}

/**
 * One input per thread that still says something: its first comment not deleted is the input, the later ones
 * its replies. Deleted comments are left out; resolved threads are kept, marked resolved.
 */
export function compileInputs(threads: readonly Thread[], placementOf: (thread: Thread) => AnchorPlacement, model: DraftModel): CompiledEntry[] {
  return threads.flatMap((thread) => {
    const [opening, ...replies] = thread.comments.filter((comment) => !comment.deleted)
    if (!opening) return []
    const placement = placementOf(thread)
    const located = placement.detached ? null : blockFor(model, placement.path)
    return [
      {
        threadId: thread.id,
        author: { ...compiledAuthor(opening.author), regionalGroup: opening.author.regionalGroup },
        body: opening.body,
        createdAt: opening.createdAt,
        quote: thread.anchor.quote,
        location: placement.detached ? detachedLocation : located ? locationOf(located.block) : generalLocation,
        locationOrder: placement.detached ? model.blocks.length : located ? located.order : -1,
        stakeholder: opening.author.role === 'stakeholder',
        resolved: thread.resolved !== null,
        replies: replies.map((reply) => ({ author: compiledAuthor(reply.author), body: reply.body, createdAt: reply.createdAt })),
        detached: placement.detached,
      },
    ]
  })
}

/**
 * Every thread as a written input, placed in the document's current text. A text outside the editor's schema, or
 * nested past any real one, still has all its inputs compiled, only not by paragraph.
 */
export function compileFromDoc(doc: Y.Doc, threads: readonly Thread[], catalogue: FrameworkCatalogue): CompiledEntry[] {
  let fragment: Y.XmlFragment | null = null
  let model: DraftModel = { blocks: [] }
  try {
    fragment = doc.getXmlFragment(contentField)
    const json = yXmlFragmentToProsemirrorJSON(fragment) as DraftDocJson
    if (exceedsDepth(json)) throw new Error('too deep')
    model = toDraftModel(json, catalogue)
  } catch {
    fragment = null
  }
  const placement = (thread: Thread): AnchorPlacement => (fragment ? placeAnchor(doc, fragment, thread.anchor) : { detached: false, path: [] })
  return compileInputs(threads, placement, model)
}
