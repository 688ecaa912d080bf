import { prosemirrorJSONToYDoc, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { toBase64 } from 'lib0/buffer'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import type { Anchor } from '../../shared/schema/comments.ts'
import { alternative, alternatives, doc, paragraph, recommendation, text } from '../../shared/schema/draftBuilders.ts'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { validateDraft } from '../../shared/schema/validateDraft.ts'
import { resolveAnchor } from '../../shared/anchor/placeAnchor.ts'
import { applyProposal, bracketProposal, type Carried, locate, plainOf, ProposalConflict, quoteAt, type ProposalChange } from './applyProposal.ts'

const draft = doc(
  paragraph('States should ', text('cooperate', 'bold'), ' on incidents.'),
  recommendation('rec-1', ['norm-g'], 'Protect critical infrastructure.'),
  paragraph('The group met twice.'),
)

const seeded = (json: DraftDocJson = draft) => prosemirrorJSONToYDoc(draftSchema, json, 'content')
const content = (ydoc: Y.Doc) => ydoc.getXmlFragment('content')

function textHolding(ydoc: Y.Doc, passage: string): Y.XmlText {
  for (const node of content(ydoc).createTreeWalker((n) => n instanceof Y.XmlText)) {
    if ((node as Y.XmlText).toDelta().map((op: { insert: string }) => op.insert).join('').includes(passage)) return node as Y.XmlText
  }
  throw new Error(`"${passage}" is not in the document`)
}

function anchorOn(ydoc: Y.Doc, passage: string, point = false): Anchor {
  const xmlText = textHolding(ydoc, passage)
  const plain = xmlText.toDelta().map((op: { insert: string }) => op.insert).join('')
  const from = plain.indexOf(passage)
  const encode = (index: number) => toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(xmlText, index, -1)))
  return point ? { start: encode(from), end: encode(from), quote: '' } : { start: encode(from), end: encode(from + passage.length), quote: passage }
}

const json = (ydoc: Y.Doc) => yXmlFragmentToProsemirrorJSON(content(ydoc)) as DraftDocJson
const texts = (ydoc: Y.Doc) => toDraftModel(json(ydoc), builtInCatalogue).blocks.map((block) => block.text)

function proposal(over: Partial<ProposalChange>): ProposalChange {
  return { id: 'p-1', kind: 'replace', anchor: null, text: null, refs: null, recommendationId: null, delegation: 'Kenya', ...over }
}

function accept(ydoc: Y.Doc, change: ProposalChange) {
  let applied
  ydoc.transact(() => (applied = applyProposal(ydoc, content(ydoc), change)))
  return applied!
}

function bracket(ydoc: Y.Doc, change: ProposalChange) {
  let applied
  ydoc.transact(() => (applied = bracketProposal(ydoc, content(ydoc), change)))
  return applied!
}

describe('accepting a proposal changes the text', () => {
  it('replaces a passage, keeping the formatting around it', () => {
    const ydoc = seeded()
    const applied = accept(ydoc, proposal({ anchor: anchorOn(ydoc, 'should'), text: 'shall' }))
    expect(texts(ydoc)[0]).toBe('States shall cooperate on incidents.')
    expect(applied.text).toBe('shall')
  })

  it('replaces after concurrent edits elsewhere in the paragraph: the anchor followed its text', () => {
    const alice = seeded()
    const bob = new Y.Doc()
    Y.applyUpdate(bob, Y.encodeStateAsUpdate(alice))
    const anchor = anchorOn(alice, 'on incidents')
    textHolding(bob, 'States').insert(0, 'All ')
    textHolding(bob, 'incidents').insert(textHolding(bob, 'incidents').length, ' Agreed.')
    Y.applyUpdate(alice, Y.encodeStateAsUpdate(bob))
    accept(alice, proposal({ anchor, text: 'on ICT incidents' }))
    expect(texts(alice)[0]).toBe('All States should cooperate on ICT incidents. Agreed.')
  })

  it('inserts at a point, deletes a passage', () => {
    const ydoc = seeded()
    accept(ydoc, proposal({ kind: 'insert', anchor: anchorOn(ydoc, 'on incidents', true), text: 'closely ' }))
    accept(ydoc, proposal({ kind: 'delete', anchor: anchorOn(ydoc, 'should ') }))
    expect(texts(ydoc)[0]).toBe('States cooperate closely on incidents.')
  })

  it('adds a paragraph or a linked recommendation after the block the anchor is in', () => {
    const ydoc = seeded()
    accept(ydoc, proposal({ kind: 'paragraph', anchor: anchorOn(ydoc, 'Protect', true), text: 'A new paragraph.' }))
    accept(ydoc, proposal({ kind: 'recommendation', anchor: anchorOn(ydoc, 'met twice', true), text: 'Share good practice.', refs: ['cbm-7'] }))
    const model = toDraftModel(json(ydoc), builtInCatalogue)
    expect(model.blocks.map((block) => `${block.kind} ${block.text}`)).toEqual([
      'paragraph States should cooperate on incidents.',
      'recommendation Protect critical infrastructure.',
      'paragraph A new paragraph.',
      'paragraph The group met twice.',
      'recommendation Share good practice.',
    ])
    expect(validateDraft(json(ydoc), builtInCatalogue)).toMatchObject({ valid: true })
    expect(model.blocks[4]).toMatchObject({ refs: [{ id: 'cbm-7' }] })
  })

  it('relinks a recommendation by its id', () => {
    const ydoc = seeded()
    accept(ydoc, proposal({ kind: 'relink', recommendationId: 'rec-1', refs: ['cbm-7', 'norm-a'] }))
    expect(json(ydoc).content![1].attrs).toMatchObject({ id: 'rec-1', refs: ['cbm-7', 'norm-a'] })
  })

  it('refuses, changing nothing, when the passage is gone, spans paragraphs, or the recommendation is unknown', () => {
    const ydoc = seeded()
    const anchor = anchorOn(ydoc, 'should')
    const xmlText = textHolding(ydoc, 'should')
    xmlText.delete(7, 'should '.length)
    const before = Y.encodeStateAsUpdate(ydoc)
    const code = (change: ProposalChange) => {
      try {
        accept(ydoc, change)
        return 'applied'
      } catch (error) {
        return error instanceof ProposalConflict ? error.code : String(error)
      }
    }
    expect(code(proposal({ anchor, text: 'shall' }))).toBe('anchor_outdated')
    const across = { start: anchorOn(ydoc, 'States').start, end: anchorOn(ydoc, 'Protect').end, quote: 'x' }
    expect(code(proposal({ anchor: across, text: 'x' }))).toBe('anchor_spans_blocks')
    expect(code(proposal({ kind: 'relink', recommendationId: 'nope', refs: ['cbm-7'] }))).toBe('recommendation_not_found')
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(before)
  })

  it('refuses, changing nothing, a passage that reads differently since: text typed inside it, or another change accepted over part of it', () => {
    const ydoc = seeded()
    const anchor = anchorOn(ydoc, 'should cooperate')
    textHolding(ydoc, 'should').insert('States should'.length, ' always')
    const before = Y.encodeStateAsUpdate(ydoc)
    expect(() => accept(ydoc, proposal({ anchor, text: 'shall work together' }))).toThrow(expect.objectContaining({ code: 'anchor_outdated' }))
    expect(() => accept(ydoc, proposal({ kind: 'delete', anchor }))).toThrow(expect.objectContaining({ code: 'anchor_outdated' }))
    expect(Y.encodeStateAsUpdate(ydoc)).toEqual(before)
    expect(texts(ydoc)[0]).toBe('States should always cooperate on incidents.')

    const other = seeded()
    const first = anchorOn(other, 'States should')
    const overlapping = anchorOn(other, 'should cooperate')
    accept(other, proposal({ anchor: first, text: 'Nations shall' }))
    expect(() => accept(other, proposal({ id: 'p-2', anchor: overlapping, text: 'must work' }))).toThrow(expect.objectContaining({ code: 'anchor_outdated' }))
    expect(texts(other)[0]).toBe('Nations shall cooperate on incidents.')
  })

  it('quotes the text it was made on, as the server has it', () => {
    const ydoc = seeded()
    expect(quoteAt(content(ydoc), locate(ydoc, content(ydoc), proposal({ anchor: anchorOn(ydoc, 'cooperate on') })))).toBe('cooperate on')
    expect(quoteAt(content(ydoc), locate(ydoc, content(ydoc), proposal({ kind: 'relink', recommendationId: 'rec-1' })))).toBe('Protect critical infrastructure.')
  })
})

describe('bracketing a proposal puts it into the text as contested', () => {
  it('turns a replacement in a paragraph into alternatives: Alt 1 as it stood, Alt 2 the proposal of Kenya', () => {
    const ydoc = seeded()
    bracket(ydoc, proposal({ anchor: anchorOn(ydoc, 'should'), text: 'shall' }))
    const model = toDraftModel(json(ydoc), builtInCatalogue)
    expect(model.blocks[0].text).toBe('Alt 1: States should cooperate on incidents.\nAlt 2 (Kenya): States shall cooperate on incidents.')
    expect(validateDraft(json(ydoc), builtInCatalogue)).toMatchObject({ valid: true, submittable: false, negotiation: { brackets: 0, alternatives: 1 } })
  })

  it('carries what else was anchored in the paragraph into Alt 1: a competing proposal then becomes Alt 3, a comment keeps its passage', () => {
    const ydoc = seeded()
    const competing = anchorOn(ydoc, 'should')
    const comment = anchorOn(ydoc, 'on incidents')
    const elsewhere = anchorOn(ydoc, 'met twice')
    const moved: Carried[] = []
    ydoc.transact(() =>
      bracketProposal(
        ydoc,
        content(ydoc),
        proposal({ anchor: anchorOn(ydoc, 'should'), text: 'shall' }),
        [
          { key: 'proposal:p-2', anchor: competing },
          { key: 'thread:t-1', anchor: comment },
          { key: 'thread:t-2', anchor: elsewhere },
        ],
        moved,
      ),
    )
    expect(moved.map((carried) => carried.key)).toEqual(['proposal:p-2', 'thread:t-1'])
    const passage = (anchor: Anchor) => {
      const resolved = resolveAnchor(ydoc, content(ydoc), anchor)
      if (resolved.kind !== 'attached' || !(resolved.start.type instanceof Y.XmlText)) return null
      return plainOf(resolved.start.type).slice(resolved.start.index, resolved.end.index)
    }
    expect(moved.map((carried) => passage(carried.anchor))).toEqual(['should', 'on incidents'])
    // The competing proposal, carried, is bracketed as one more alternative rather than a paragraph at the end.
    bracket(ydoc, proposal({ id: 'p-2', anchor: moved[0].anchor, text: 'may', delegation: 'Chile' }))
    expect(texts(ydoc)).toEqual([
      'Alt 1: States should cooperate on incidents.\nAlt 2 (Kenya): States shall cooperate on incidents.\nAlt 3 (Chile): States may cooperate on incidents.',
      'Protect critical infrastructure.',
      'The group met twice.',
    ])
  })

  it('adds one more alternative when the paragraph already is one', () => {
    const ydoc = seeded(doc(alternatives(alternative([], 'States should act.'), alternative(['Brazil'], 'States shall act.'))))
    bracket(ydoc, proposal({ anchor: anchorOn(ydoc, 'shall'), text: 'must', delegation: 'Chile' }))
    expect(texts(ydoc)[0]).toBe('Alt 1: States should act.\nAlt 2 (Brazil): States shall act.\nAlt 3 (Chile): States must act.')
  })

  it('brackets side by side inside a recommendation, brackets a deletion, and inserts bracketed', () => {
    const ydoc = seeded()
    bracket(ydoc, proposal({ anchor: anchorOn(ydoc, 'critical'), text: 'all' }))
    bracket(ydoc, proposal({ id: 'p-2', kind: 'delete', anchor: anchorOn(ydoc, 'twice') }))
    bracket(ydoc, proposal({ id: 'p-3', kind: 'insert', anchor: anchorOn(ydoc, 'met', true), text: 'formally ' }))
    expect(texts(ydoc)).toEqual(['States should cooperate on incidents.', 'Protect [critical][all] infrastructure.', 'The group [formally ]met [twice].'])
    expect(validateDraft(json(ydoc), builtInCatalogue).negotiation).toEqual({ brackets: 4, alternatives: 0 })
  })

  it('brackets a replacement whose passage changed since where the passage starts, keeping what was typed; refuses such a deletion', () => {
    const ydoc = seeded()
    const anchor = anchorOn(ydoc, 'should')
    textHolding(ydoc, 'should').insert('States sh'.length, 'XX')
    bracket(ydoc, proposal({ anchor, text: 'shall' }))
    expect(texts(ydoc)[0]).toBe('States [shall]shXXould cooperate on incidents.')
    const deletion = anchorOn(ydoc, 'on incidents')
    const held = textHolding(ydoc, 'incidents')
    held.insert(plainOf(held).indexOf(' incidents'), 'ly')
    expect(texts(ydoc)[0]).toBe('States [shall]shXXould cooperate only incidents.')
    expect(() => bracket(ydoc, proposal({ id: 'p-2', kind: 'delete', anchor: deletion }))).toThrow(expect.objectContaining({ code: 'anchor_outdated' }))
  })

  it('adds a bracketed new paragraph; refuses to bracket a change of links', () => {
    const ydoc = seeded()
    bracket(ydoc, proposal({ kind: 'paragraph', anchor: anchorOn(ydoc, 'States', true), text: 'New text.' }))
    expect(texts(ydoc)[1]).toBe('[New text.]')
    expect(() => bracket(ydoc, proposal({ kind: 'relink', recommendationId: 'rec-1', refs: ['cbm-7'] }))).toThrow(ProposalConflict)
  })
})
