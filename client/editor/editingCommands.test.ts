import { EditorState, TextSelection, type Command } from '@tiptap/pm/state'
import { beforeAll, describe, expect, test } from 'vitest'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { paragraphsOf } from '../../shared/model/draftModel.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { bulletList, doc, heading, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { leaveRecommendation } from './leaveRecommendation.ts'
import { makeSubParagraph, subParagraphRefusal } from './subParagraphCommand.ts'

beforeAll(async () => useMessagesForTests('en', await loadMessages('en')))

/** A state with the cursor at the end of the (first) textblock whose text is `cursorIn`, or in the last empty one for ''. */
function stateOf(json: DraftDocJson, cursorIn: string): EditorState {
  const state = EditorState.create({ schema: draftSchema, doc: draftSchema.nodeFromJSON(json) })
  let pos = -1
  state.doc.descendants((node, at) => {
    if (node.isTextblock && node.textContent === cursorIn && (pos < 0 || cursorIn === '')) pos = at + 1 + node.content.size
  })
  if (pos < 0) throw new Error(`no textblock "${cursorIn}"`)
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)))
}

function run(state: EditorState, command: Command): { ok: boolean; state: EditorState } {
  let next = state
  const ok = command(state, (tr) => (next = state.apply(tr)))
  return { ok, state: next }
}

describe('leaveRecommendation', () => {
  test('Enter on the empty last paragraph moves it out, after the recommendation, with the cursor in it', () => {
    const json = doc(recommendation('r-1', ['norm-g'], paragraph('Protect it.'), paragraph()), paragraph('After.'))
    const { ok, state } = run(stateOf(json, ''), leaveRecommendation)
    expect(ok).toBe(true)
    expect(state.doc.child(0).childCount).toBe(1)
    expect(state.doc.child(0).attrs.refs).toEqual(['norm-g'])
    expect(state.doc.child(1).type.name).toBe('paragraph')
    expect(state.doc.child(1).content.size).toBe(0)
    expect(state.selection.$from.parent).toBe(state.doc.child(1))
    expect(state.doc.child(2).textContent).toBe('After.')
  })

  test('leaves the only paragraph of an empty recommendation in it', () => {
    const { ok, state } = run(stateOf(doc(recommendation('r-1', ['norm-g'], paragraph())), ''), leaveRecommendation)
    expect(ok).toBe(true)
    expect(state.doc.child(0).childCount).toBe(1)
    expect(state.doc.childCount).toBe(2)
    expect(state.selection.$from.depth).toBe(1)
  })

  test('does nothing in a paragraph with text, in a middle paragraph, or outside a recommendation', () => {
    const json = doc(recommendation('r-1', ['norm-g'], paragraph(), paragraph('Protect it.')), paragraph())
    expect(leaveRecommendation(stateOf(json, 'Protect it.'))).toBe(false)
    const first = EditorState.create({ schema: draftSchema, doc: draftSchema.nodeFromJSON(json) })
    expect(leaveRecommendation(first.apply(first.tr.setSelection(TextSelection.create(first.doc, 2))))).toBe(false)
    expect(leaveRecommendation(stateOf(doc(paragraph('x'), paragraph()), ''))).toBe(false)
  })
})

describe('makeSubParagraph', () => {
  const lines = (state: EditorState) => paragraphsOf(toDraftModel(state.doc.toJSON() as DraftDocJson, builtInCatalogue)).map((block) => `${block.number}. ${block.text}`)

  test('puts a paragraph under the numbered paragraph before it, lettered, keeping the cursor', () => {
    const json = doc(paragraph('States should:'), paragraph('designate contacts;'), paragraph('Next.'))
    const first = run(stateOf(json, 'designate contacts;'), makeSubParagraph)
    expect(first.ok).toBe(true)
    expect(first.state.selection.$from.parent.textContent).toBe('designate contacts;')
    expect(first.state.selection.$from.parentOffset).toBe('designate contacts;'.length)
    expect(lines(first.state)).toEqual(['1. States should:\n(a) designate contacts;', '2. Next.'])

    const second = run(stateOf(first.state.doc.toJSON() as DraftDocJson, 'Next.'), makeSubParagraph)
    expect(lines(second.state)).toEqual(['1. States should:\n(a) designate contacts;\n(b) Next.'])
    expect(subParagraphRefusal(second.state)).toMatch(/Already a sub-paragraph/)
  })

  test('moves a list item under the item before it', () => {
    const json = doc(bulletList('One.', 'Two.', 'Three.'))
    const { ok, state } = run(stateOf(json, 'Two.'), makeSubParagraph)
    expect(ok).toBe(true)
    expect(lines(state)).toEqual(['1. One.\n(a) Two.', '2. Three.'])
    expect(state.selection.$from.parent.textContent).toBe('Two.')
  })

  test('refuses with a reason where there is no numbered paragraph before, or in a heading or recommendation', () => {
    expect(subParagraphRefusal(stateOf(doc(paragraph('First.')), 'First.'))).toMatch(/none just before/)
    expect(subParagraphRefusal(stateOf(doc(heading(2, 'Title'), paragraph('x')), 'Title'))).toMatch(/Only a paragraph|numbered paragraph/)
    expect(subParagraphRefusal(stateOf(doc(paragraph('a'), recommendation('r', ['norm-g'], 'In.')), 'In.'))).toMatch(/heading or a recommendation/)
    expect(makeSubParagraph(stateOf(doc(bulletList('One.')), 'One.'))).toBe(false)
  })
})
