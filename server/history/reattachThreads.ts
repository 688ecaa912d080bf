/**
 * Comment threads detached by a restore, anchored again where their quoted text is once more: first in the block the
 * thread was in before the restore, then anywhere in the document. Reads the Y.Doc, never changes it.
 */
import { toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { placeAnchor } from '../../shared/anchor/placeAnchor.ts'
import type { Anchor } from '../../shared/schema/comments.ts'
import { contentField } from '../../shared/schema/contentField.ts'

export interface AnchoredThread {
  id: string
  anchor: Anchor
}

/** The top-level block (index in `content`) each attached thread is in now. */
export function threadBlocks(doc: Y.Doc, threads: readonly AnchoredThread[]): Map<string, number> {
  const fragment = doc.getXmlFragment(contentField)
  const blocks = new Map<string, number>()
  for (const thread of threads) {
    const placed = placeAnchor(doc, fragment, thread.anchor)
    if (!placed.detached && placed.path.length > 0) blocks.set(thread.id, placed.path[0]!)
  }
  return blocks
}

/** The text of an XmlText as the editor counts it: an embedded node is one position. */
function plainOf(text: Y.XmlText): string {
  return text
    .toDelta()
    .map((op: { insert: unknown }) => (typeof op.insert === 'string' ? op.insert : '\uFFFC'))
    .join('')
}

function textsIn(node: Y.XmlFragment | Y.XmlElement): Y.XmlText[] {
  const texts: Y.XmlText[] = []
  for (const found of node.createTreeWalker((child) => child instanceof Y.XmlText)) texts.push(found as Y.XmlText)
  return texts
}

function anchorIn(texts: readonly Y.XmlText[], quote: string): Anchor | null {
  for (const text of texts) {
    const at = plainOf(text).indexOf(quote)
    if (at < 0) continue
    const encode = (index: number, assoc: number) => toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, assoc)))
    // The start sticks to the quote's first character, the end to its last, as the text around them changes.
    return { start: encode(at, 0), end: encode(at + quote.length, -1), quote }
  }
  return null
}

/**
 * New anchors for the threads that are detached in `doc` and whose quote appears in it: searched in the block the
 * thread was in before (`blocksBefore`, top-level index), then in the whole document, first occurrence.
 */
export function reattachDetached(doc: Y.Doc, threads: readonly AnchoredThread[], blocksBefore: ReadonlyMap<string, number>): AnchoredThread[] {
  const fragment = doc.getXmlFragment(contentField)
  const moved: AnchoredThread[] = []
  let allTexts: Y.XmlText[] | null = null
  for (const thread of threads) {
    const quote = thread.anchor.quote
    if (quote.trim() === '' || !placeAnchor(doc, fragment, thread.anchor).detached) continue
    const blockIndex = blocksBefore.get(thread.id)
    const block = blockIndex === undefined ? undefined : fragment.get(blockIndex)
    const inBlock = block instanceof Y.XmlElement ? anchorIn(textsIn(block), quote) : block instanceof Y.XmlText ? anchorIn([block], quote) : null
    const anchor = inBlock ?? anchorIn((allTexts ??= textsIn(fragment)), quote)
    if (anchor) moved.push({ id: thread.id, anchor })
  }
  return moved
}
