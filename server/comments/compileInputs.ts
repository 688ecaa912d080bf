/** Comment threads as written inputs for the compilation: who said what, on which paragraph, in document order. */
import type { DraftBlock, DraftModel } from '../../shared/model/draftModel.ts'
import type { NodePath } from '../../shared/schema/draftJson.ts'
import { recommendationLabel } from '../export/citation.ts'
import { type CompiledAuthor, type CompiledInput, detachedLocation } from '../export/compilation.ts'
import { blockAt, type AnchorPlacement } from '../../shared/anchor/placeAnchor.ts'
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
