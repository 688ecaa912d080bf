/** Finding text in a client's Y.Doc and anchoring on it the way the editor does (y-tiptap's relative positions). */
import { toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import type { Anchor } from '../../shared/schema/comments.ts'

export function plainOf(xmlText: Y.XmlText): string {
  return xmlText
    .toDelta()
    .map((op: { insert: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('')
}

/** The XmlText of the document's `content` holding `passage`. */
export function textHolding(doc: Y.Doc, passage: string): Y.XmlText {
  for (const node of doc.getXmlFragment('content').createTreeWalker((n) => n instanceof Y.XmlText)) {
    if (plainOf(node as Y.XmlText).includes(passage)) return node as Y.XmlText
  }
  throw new Error(`"${passage}" is not in the document`)
}

/** An anchor on `passage` (or, with `point`, at its start), both ends associated to the left. */
export function anchorOn(doc: Y.Doc, passage: string, point = false): Anchor {
  const xmlText = textHolding(doc, passage)
  const from = plainOf(xmlText).indexOf(passage)
  const encode = (index: number) => toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(xmlText, index, -1)))
  return point ? { start: encode(from), end: encode(from), quote: '' } : { start: encode(from), end: encode(from + passage.length), quote: passage }
}

/** The text of every top-level block of the document, in order. */
export function blockTexts(doc: Y.Doc): string[] {
  const textOf = (node: Y.XmlElement | Y.XmlText): string =>
    node instanceof Y.XmlText ? plainOf(node) : node.toArray().map((child) => textOf(child as Y.XmlElement | Y.XmlText)).join(node.nodeName === 'alternatives' ? ' | ' : '')
  return doc.getXmlFragment('content').toArray().map((node) => textOf(node as Y.XmlElement | Y.XmlText))
}
