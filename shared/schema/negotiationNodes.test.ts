import { prosemirrorJSONToYDoc, yDocToProsemirrorJSON, yXmlFragmentToProseMirrorRootNode } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { builtInCatalogue } from '../framework/builtInCatalogue.ts'
import { toDraftModel } from '../model/toDraftModel.ts'
import { alternative, alternatives, bracketed, doc, paragraph, recommendation } from './draftBuilders.ts'
import { draftSchema } from './editorSchema.ts'
import { parseProposers } from './negotiationNodes.ts'
import { openNegotiations } from './negotiationText.ts'
import { validateDraft } from './validateDraft.ts'

const draft = doc(
  paragraph('States ', bracketed('shall', ['Kenya']), ' cooperate.'),
  alternatives(alternative([], 'States should share information.'), alternative(['Brazil', 'African Group'], 'States shall share information.')),
  recommendation('rec-1', ['norm-g'], paragraph('Protect ', bracketed('all', []), ' infrastructure.')),
)

describe('brackets and alternatives in the document schema', () => {
  it('round-trip through the Yjs document collaboration stores, proposers included', () => {
    const replica = new Y.Doc()
    Y.applyUpdate(replica, Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(draftSchema, draft, 'content')))
    const root = yXmlFragmentToProseMirrorRootNode(replica.getXmlFragment('content'), draftSchema)
    root.check()
    expect(root.toJSON()).toEqual(draft)
    expect(yDocToProsemirrorJSON(replica, 'content').content[1].content[1].attrs.proposers).toEqual(['Brazil', 'African Group'])
  })

  it('refuses an alternatives block without an alternative, and an alternative outside one', () => {
    expect(() => draftSchema.nodeFromJSON(doc(alternatives())).check()).toThrow()
    expect(() => draftSchema.nodeFromJSON(doc(alternative(['Kenya'], 'x'))).check()).toThrow()
  })

  it('reads proposers from HTML, names with spaces kept, junk as no one', () => {
    expect(parseProposers('["African Group","Kenya"]')).toEqual(['African Group', 'Kenya'])
    expect(parseProposers('Kenya')).toEqual([])
    expect(parseProposers(null)).toEqual([])
  })
})

describe('the draft model prints them UN style', () => {
  const model = toDraftModel(draft, builtInCatalogue)

  it('puts bracketed text between square brackets', () => {
    expect(model.blocks[0]).toMatchObject({ kind: 'paragraph', number: 1, text: 'States [shall] cooperate.' })
    expect(model.blocks[2]).toMatchObject({ kind: 'recommendation', number: 1, text: 'Protect [all] infrastructure.' })
  })

  it('numbers a block of alternatives as a paragraph, each version labelled and attributed', () => {
    expect(model.blocks[1]).toMatchObject({
      kind: 'paragraph',
      number: 2,
      source: 'alternatives',
      text: 'Alt 1: States should share information.\nAlt 2 (Brazil, African Group): States shall share information.',
      alternatives: [
        { label: 'Alt 1', proposers: [] },
        { label: 'Alt 2 (Brazil, African Group)', proposers: ['Brazil', 'African Group'] },
      ],
    })
  })
})

describe('validation counts what remains under negotiation', () => {
  it('lists each bracket and block of alternatives as a warning: a revision may be cut, the text not submitted', () => {
    const validation = validateDraft(draft, builtInCatalogue)
    expect(validation.valid).toBe(true)
    expect(validation.submittable).toBe(false)
    expect(validation.negotiation).toEqual({ brackets: 2, alternatives: 1 })
    expect(validation.problems.map((problem) => [problem.code, problem.severity, problem.path])).toEqual([
      ['text_bracketed', 'warning', [0]],
      ['alternatives_open', 'warning', [1]],
      ['text_bracketed', 'warning', [2, 0]],
    ])
    expect(validation.problems[0].message).toBe('Bracketed text remains: "[shall]" (proposed by Kenya)')
  })

  it('counts runs of one passage once, and two proposals side by side as two', () => {
    const bold = { type: 'text', text: 'always', marks: [{ type: 'bold' }, { type: 'bracket', attrs: { proposers: ['Kenya'], proposalId: null } }] }
    const json = doc(paragraph(bracketed('shall ', ['Kenya']), bold, ' act'))
    expect(openNegotiations(json)).toEqual([{ kind: 'bracket', text: 'shall always', proposers: ['Kenya'], path: [0] }])
    const sideBySide = doc(paragraph('States ', bracketed('shall', []), bracketed('should', ['Chile']), ' act'))
    expect(openNegotiations(sideBySide).map((open) => open.text)).toEqual(['shall', 'should'])
    expect(toDraftModel(sideBySide, builtInCatalogue).blocks[0]).toMatchObject({ text: 'States [shall][should] act' })
  })

  it('is submittable once nothing remains', () => {
    expect(validateDraft(doc(paragraph('States shall cooperate.')), builtInCatalogue).submittable).toBe(true)
  })
})
