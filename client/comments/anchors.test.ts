import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment } from '@tiptap/y-tiptap'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { doc, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { anchorFor, placeAnchor, quoteOf, type YBinding } from './anchors.ts'

const draft = doc(
  paragraph('States recalled the framework of responsible State behaviour.'),
  paragraph('Critical infrastructure must be protected against ICT attacks.'),
  recommendation('3f1c', ['norm-f'], 'States should designate a national point of contact.'),
)

/** A Y.Doc holding the draft, as the server seeds it. */
function seededDoc(): Y.Doc {
  const ydoc = new Y.Doc()
  prosemirrorJSONToYXmlFragment(draftSchema, draft, ydoc.getXmlFragment('content'))
  return ydoc
}

/** What y-tiptap's binding holds for a Y.Doc: the ProseMirror document and the mapping between the two. */
function view(ydoc: Y.Doc): { binding: YBinding; pm: ProseMirrorNode } {
  const type = ydoc.getXmlFragment('content')
  const { doc: pm, mapping } = initProseMirrorDoc(type, draftSchema)
  return { binding: { doc: ydoc, type, mapping }, pm }
}

function rangeOf(pm: ProseMirrorNode, passage: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null
  pm.descendants((node, pos) => {
    const index = node.isText ? node.text!.indexOf(passage) : -1
    if (!found && index >= 0) found = { from: pos + index, to: pos + index + passage.length }
  })
  if (!found) throw new Error(`"${passage}" is not in the document`)
  return found
}

function placedText(ydoc: Y.Doc, anchor: ReturnType<typeof anchorFor>): string | ReturnType<typeof placeAnchor>['kind'] {
  const { binding, pm } = view(ydoc)
  const placement = placeAnchor(binding, pm, anchor)
  return placement.kind === 'attached' ? pm.textBetween(placement.from, placement.to) : placement.kind
}

function sync(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)))
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b, Y.encodeStateVector(a)))
}

/** The XmlText of the top-level paragraph at `index` (or of the first paragraph of the block there). */
function textOfBlock(ydoc: Y.Doc, index: number): Y.XmlText {
  let node = ydoc.getXmlFragment('content').get(index) as Y.XmlElement
  while (!(node.get(0) instanceof Y.XmlText)) node = node.get(0) as Y.XmlElement
  return node.get(0) as unknown as Y.XmlText
}

function anchorOn(ydoc: Y.Doc, passage: string) {
  const { binding, pm } = view(ydoc)
  const { from, to } = rangeOf(pm, passage)
  return anchorFor(binding, pm, from, to)
}

describe('comment anchors', () => {
  test('encode to base64 and resolve back to the same passage', () => {
    const ydoc = seededDoc()
    const anchor = anchorOn(ydoc, 'must be protected')
    expect(anchor.quote).toBe('must be protected')
    expect(anchor.start).toMatch(/^[A-Za-z0-9+/]+=*$/)
    expect(placedText(ydoc, anchor)).toBe('must be protected')
  })

  test('resolve inside recommendations and across paragraphs', () => {
    const ydoc = seededDoc()
    expect(placedText(ydoc, anchorOn(ydoc, 'national point of contact'))).toBe('national point of contact')
    const { binding, pm } = view(ydoc)
    const from = rangeOf(pm, 'State behaviour').from
    const to = rangeOf(pm, 'Critical infrastructure').to
    const anchor = anchorFor(binding, pm, from, to)
    expect(anchor.quote).toBe('State behaviour.\nCritical infrastructure')
    expect(placeAnchor(binding, pm, anchor)).toEqual({ kind: 'attached', from, to })
  })

  test('survive concurrent edits before, inside and after the passage', () => {
    const alice = seededDoc()
    const bob = new Y.Doc()
    sync(alice, bob)
    const anchor = anchorOn(alice, 'must be protected')

    // Bob types before the passage and inside it, Alice types after it, neither has seen the other's change.
    textOfBlock(bob, 1).insert(0, 'All ')
    textOfBlock(bob, 0).insert(0, 'In 2026, ')
    const inside = textOfBlock(bob, 1).toString().indexOf('be protected')
    textOfBlock(bob, 1).insert(inside, 'always ')
    textOfBlock(alice, 1).insert(textOfBlock(alice, 1).length - 1, ' and cyber operations')
    sync(alice, bob)

    expect(textOfBlock(alice, 1).toString()).toBe('All Critical infrastructure must always be protected against ICT attacks and cyber operations.')
    expect(placedText(alice, anchor)).toBe('must always be protected')
    expect(placedText(bob, anchor)).toBe('must always be protected')
  })

  test('shrink with a partial deletion, and detach when the whole passage is deleted', () => {
    const ydoc = seededDoc()
    const anchor = anchorOn(ydoc, 'must be protected')
    const text = textOfBlock(ydoc, 1)
    text.delete(text.toString().indexOf('be '), 3)
    expect(placedText(ydoc, anchor)).toBe('must protected')
    text.delete(text.toString().indexOf('must protected'), 'must protected'.length)
    expect(placedText(ydoc, anchor)).toBe('detached')
  })

  test('detach when the paragraph holding the passage is deleted, even on another client', () => {
    const alice = seededDoc()
    const bob = new Y.Doc()
    sync(alice, bob)
    const anchor = anchorOn(alice, 'national point of contact')
    bob.getXmlFragment('content').delete(2, 1)
    sync(alice, bob)
    expect(placedText(alice, anchor)).toBe('detached')
    expect(placedText(bob, anchor)).toBe('detached')
  })

  test('are pending on a client that has not received the anchored text yet', () => {
    const anchor = anchorOn(seededDoc(), 'must be protected')
    expect(placedText(new Y.Doc(), anchor)).toBe('pending')
  })

  test('an unreadable anchor is detached, never lost', () => {
    const ydoc = seededDoc()
    expect(placedText(ydoc, { start: '!!', end: 'AAAA', quote: 'something' })).toBe('detached')
  })

  test('quotes are trimmed and capped at 2000 characters', () => {
    const long = 'a'.repeat(2500)
    const ydoc = new Y.Doc()
    prosemirrorJSONToYXmlFragment(draftSchema, doc(paragraph(long)), ydoc.getXmlFragment('content'))
    const { pm } = view(ydoc)
    const quote = quoteOf(pm, 1, pm.content.size - 1)
    expect(quote).toHaveLength(2000)
    expect(quote.endsWith('…')).toBe(true)
  })
})
