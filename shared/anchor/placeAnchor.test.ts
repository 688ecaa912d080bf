import { absolutePositionToRelativePosition, initProseMirrorDoc, prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { toBase64 } from 'lib0/buffer'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { builtInCatalogue } from '../framework/builtInCatalogue.ts'
import { toDraftModel } from '../model/toDraftModel.ts'
import type { Anchor } from '../schema/comments.ts'
import { bulletList, doc, heading, paragraph, recommendation } from '../schema/draftBuilders.ts'
import type { DraftDocJson } from '../schema/draftJson.ts'
import { draftSchema } from '../schema/editorSchema.ts'
import { blockAt, placeAnchor, resolveAnchor } from './placeAnchor.ts'

const draft = doc(
  heading(1, 'Annual summary'),
  paragraph('States recalled the framework of responsible State behaviour.'),
  paragraph('Critical infrastructure must be protected against ICT attacks.'),
  bulletList('Hospitals and health care.', 'Energy grids.'),
  recommendation('3f1c', ['norm-f'], 'States should designate a national point of contact.'),
)

function seeded(json: DraftDocJson = draft): Y.Doc {
  return prosemirrorJSONToYDoc(draftSchema, json, 'content')
}

function content(ydoc: Y.Doc): Y.XmlFragment {
  return ydoc.getXmlFragment('content')
}

/** The XmlText holding `passage`, found by walking the fragment. */
function textHolding(ydoc: Y.Doc, passage: string): Y.XmlText {
  const walk = (node: Y.XmlElement | Y.XmlFragment): Y.XmlText | null => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText && child.toString().includes(passage)) return child
      if (child instanceof Y.XmlElement) {
        const found = walk(child)
        if (found) return found
      }
    }
    return null
  }
  const found = walk(content(ydoc))
  if (!found) throw new Error(`"${passage}" is not in the document`)
  return found
}

const plain = (xmlText: Y.XmlText) =>
  xmlText
    .toDelta()
    .map((op: { insert: string }) => op.insert)
    .join('')

/** An anchor made the way y-tiptap makes cursors: both ends associated to the left. */
function anchorOn(ydoc: Y.Doc, passage: string): Anchor {
  const xmlText = textHolding(ydoc, passage)
  const from = plain(xmlText).indexOf(passage)
  const encode = (index: number) => toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(xmlText, index, -1)))
  return { start: encode(from), end: encode(from + passage.length), quote: passage }
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

function copyOf(ydoc: Y.Doc): Y.Doc {
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(ydoc))
  return copy
}

/** Where the anchor is now: "paragraph 2", "R1", "heading", or "detached". */
function placedIn(ydoc: Y.Doc, anchor: Anchor): string {
  const placement = placeAnchor(ydoc, content(ydoc), anchor)
  if (placement.detached) return 'detached'
  const model = toDraftModel(yXmlFragmentToProsemirrorJSON(content(ydoc)) as DraftDocJson, builtInCatalogue)
  const block = blockAt(model, placement.path)
  if (block === null) return 'nowhere'
  return block.kind === 'paragraph' ? `paragraph ${block.number}` : block.kind === 'recommendation' ? `R${block.number}` : 'heading'
}

function newParagraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}

describe('anchor placement', () => {
  test('places an anchor in its numbered paragraph, list item, recommendation or heading', () => {
    const ydoc = seeded()
    expect(placedIn(ydoc, anchorOn(ydoc, 'framework'))).toBe('paragraph 1')
    expect(placedIn(ydoc, anchorOn(ydoc, 'must be protected'))).toBe('paragraph 2')
    expect(placedIn(ydoc, anchorOn(ydoc, 'Energy grids'))).toBe('paragraph 4')
    expect(placedIn(ydoc, anchorOn(ydoc, 'national point of contact'))).toBe('R1')
    expect(placedIn(ydoc, anchorOn(ydoc, 'Annual'))).toBe('heading')
  })

  test('places anchors made by the editor from ProseMirror positions (y-tiptap), across a paragraph break too', () => {
    const ydoc = seeded()
    const { doc: pm, mapping } = initProseMirrorDoc(content(ydoc), draftSchema)
    const positionOf = (passage: string) => {
      let found = -1
      pm.descendants((node, pos) => {
        if (found < 0 && node.isText && node.text!.includes(passage)) found = pos + node.text!.indexOf(passage)
      })
      return found
    }
    const encode = (pos: number) => toBase64(Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, content(ydoc), mapping)))
    const editorAnchor = (from: number, to: number): Anchor => ({ start: encode(from), end: encode(to), quote: pm.textBetween(from, to, '\n') })
    const energy = positionOf('Energy grids')
    expect(placedIn(ydoc, editorAnchor(energy, energy + 'Energy grids'.length))).toBe('paragraph 4')
    const contact = positionOf('point of contact')
    expect(placedIn(ydoc, editorAnchor(contact, contact + 5))).toBe('R1')
    expect(placedIn(ydoc, editorAnchor(positionOf('behaviour'), positionOf('Critical') + 8))).toBe('paragraph 1')
    const start = positionOf('Critical')
    expect(placedIn(ydoc, editorAnchor(start, start + 8))).toBe('paragraph 2')
  })

  test('places an anchor starting at the very beginning of a paragraph', () => {
    const ydoc = seeded()
    expect(placedIn(ydoc, anchorOn(ydoc, 'Critical infrastructure'))).toBe('paragraph 2')
  })

  test('follows its text through concurrent edits before it: new paragraphs and text inserted by another client', () => {
    const alice = seeded()
    const bob = copyOf(alice)
    const anchor = anchorOn(alice, 'must be protected')
    // Meanwhile Bob adds two paragraphs above, and words before the passage in its own paragraph.
    content(bob).insert(1, [newParagraph('A new first paragraph.'), newParagraph('Another one.')])
    textHolding(bob, 'must be protected').insert(0, 'In particular, ')
    // And Alice types after it.
    textHolding(alice, 'must be protected').insert(plain(textHolding(alice, 'must be protected')).length, ' Agreed.')
    sync(alice, bob)
    expect(plain(textHolding(alice, 'must be protected'))).toBe('In particular, Critical infrastructure must be protected against ICT attacks. Agreed.')
    expect(placedIn(alice, anchor)).toBe('paragraph 4')
    expect(placedIn(bob, anchor)).toBe('paragraph 4')
    // The same from the stored state, as the server reads it after a restart.
    expect(placedIn(copyOf(bob), anchor)).toBe('paragraph 4')
  })

  test('stays attached when part of the passage is deleted', () => {
    const ydoc = seeded()
    const anchor = anchorOn(ydoc, 'must be protected')
    const xmlText = textHolding(ydoc, 'must be protected')
    xmlText.delete(plain(xmlText).indexOf('be protected'), 'be '.length)
    expect(placedIn(ydoc, anchor)).toBe('paragraph 2')
  })

  test('detaches when the passage is deleted, on another client too', () => {
    const alice = seeded()
    const bob = copyOf(alice)
    const anchor = anchorOn(alice, 'must be protected')
    const xmlText = textHolding(bob, 'must be protected')
    xmlText.delete(plain(xmlText).indexOf('must be protected'), 'must be protected'.length)
    sync(alice, bob)
    expect(placedIn(bob, anchor)).toBe('detached')
    expect(placedIn(alice, anchor)).toBe('detached')
    expect(placedIn(copyOf(alice), anchor)).toBe('detached')
  })

  test('detaches when the paragraph holding the passage is deleted, or the recommendation around it', () => {
    const ydoc = seeded()
    const inParagraph = anchorOn(ydoc, 'must be protected')
    const inRecommendation = anchorOn(ydoc, 'national point')
    const inOther = anchorOn(ydoc, 'framework')
    content(ydoc).delete(2, 1)
    content(ydoc).delete(3, 1)
    expect(placedIn(ydoc, inParagraph)).toBe('detached')
    expect(placedIn(ydoc, inRecommendation)).toBe('detached')
    expect(placedIn(ydoc, inOther)).toBe('paragraph 1')
    expect(placedIn(copyOf(ydoc), inParagraph)).toBe('detached')
  })

  test('keeps an anchor without a quote (a point in the text) attached where its ends meet', () => {
    const ydoc = seeded()
    const point = { ...anchorOn(ydoc, 'Energy'), quote: '' }
    point.end = point.start
    expect(placedIn(ydoc, point)).toBe('paragraph 4')
  })

  test('detaches an anchor naming text the document never held, or one that cannot be read', () => {
    const ydoc = seeded()
    const stranger = seeded(doc(paragraph('Text from elsewhere.')))
    expect(placedIn(ydoc, anchorOn(stranger, 'elsewhere'))).toBe('detached')
    expect(placedIn(ydoc, { start: '!!', end: 'AAAA', quote: 'something' })).toBe('detached')
  })

  test('tells text not received yet (pending) from text deleted (detached)', () => {
    const alice = seeded()
    const bob = copyOf(alice)
    textHolding(bob, 'Energy grids').insert(0, 'Water and ')
    const anchor = anchorOn(bob, 'Water')
    expect(resolveAnchor(alice, content(alice), anchor).kind).toBe('pending')
    sync(alice, bob)
    expect(resolveAnchor(alice, content(alice), anchor).kind).toBe('attached')
    textHolding(bob, 'Water').delete(0, 'Water'.length)
    sync(alice, bob)
    expect(resolveAnchor(alice, content(alice), anchor).kind).toBe('detached')
  })

  test('resolves both ends: the start in its text, the end where the passage stops', () => {
    const ydoc = seeded()
    const resolved = resolveAnchor(ydoc, content(ydoc), anchorOn(ydoc, 'must be protected'))
    if (resolved.kind !== 'attached') throw new Error(resolved.kind)
    expect(resolved.start.type).toBe(textHolding(ydoc, 'must be protected'))
    expect(resolved.end.index - resolved.start.index).toBe('must be protected'.length)
    expect(resolved.start.path).toEqual([2, 0])
  })

  test('reads the document without changing it', () => {
    const ydoc = seeded()
    const before = Y.encodeStateAsUpdate(ydoc)
    let updates = 0
    ydoc.on('update', () => updates++)
    placedIn(ydoc, anchorOn(ydoc, 'must be protected'))
    placedIn(ydoc, anchorOn(seeded(doc(paragraph('x'))), 'x'))
    expect(updates).toBe(0)
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(before)
  })
})
