import { EditorState, TextSelection, type Transaction } from '@tiptap/pm/state'
import { describe, expect, test } from 'vitest'
import { doc, heading, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { addRecommendationRefs, findRecommendation, insertRecommendation, refsOf, removeRecommendationRef } from './recommendationCommands.ts'
import { recommendationInvariantPlugin, unlinksRecommendation } from './recommendationInvariant.ts'

function stateOf(json: DraftDocJson, cursorInText?: string): EditorState {
  const state = EditorState.create({ schema: draftSchema, doc: draftSchema.nodeFromJSON(json), plugins: [recommendationInvariantPlugin()] })
  if (!cursorInText) return state
  let pos = 1
  state.doc.descendants((node, at) => {
    if (node.isText && node.text?.includes(cursorInText)) pos = at + node.text.indexOf(cursorInText)
  })
  return state.apply(state.tr.setSelection(TextSelection.create(state.doc, pos)))
}

function run(state: EditorState, command: (state: EditorState, dispatch?: (tr: Transaction) => void) => boolean): { ok: boolean; state: EditorState } {
  let next = state
  const ok = command(state, (tr) => (next = state.apply(tr)))
  return { ok, state: next }
}

const draft = doc(heading(2, 'National protection'), paragraph('First paragraph.'), recommendation('r-1', ['norm-g'], 'Protect it.'), paragraph('Last paragraph.'))

describe('insertRecommendation', () => {
  test('refuses without a framework link, and changes nothing', () => {
    const state = stateOf(draft, 'First')
    expect(insertRecommendation('r-2', [])(state)).toBe(false)
    expect(insertRecommendation('r-2', ['', '  '])(state)).toBe(false)
    expect(run(state, insertRecommendation('r-2', [])).state.doc.eq(state.doc)).toBe(true)
  })

  test('inserts after the block holding the cursor, with its links, and puts the cursor inside', () => {
    const { ok, state } = run(stateOf(draft, 'First'), insertRecommendation('r-2', ['cbm-1', 'norm-h', 'cbm-1']))
    expect(ok).toBe(true)
    expect(state.doc.child(2).type.name).toBe('recommendation')
    expect(state.doc.child(2).attrs).toEqual({ id: 'r-2', refs: ['cbm-1', 'norm-h'] })
    expect(state.selection.$from.node(1)).toBe(state.doc.child(2))
  })

  test('replaces the empty paragraph the cursor is in', () => {
    const start = stateOf(doc(paragraph('Text.'), paragraph()))
    const inEmpty = start.apply(start.tr.setSelection(TextSelection.create(start.doc, start.doc.content.size - 1)))
    const { state } = run(inEmpty, insertRecommendation('r-9', ['norm-a']))
    expect(state.doc.childCount).toBe(2)
    expect(state.doc.child(1).attrs.id).toBe('r-9')
  })

  test('inside a recommendation, inserts after it rather than nesting', () => {
    const { state } = run(stateOf(draft, 'Protect'), insertRecommendation('r-2', ['norm-a']))
    expect(state.doc.child(2).attrs.id).toBe('r-1')
    expect(state.doc.child(3).attrs.id).toBe('r-2')
  })
})

describe('links of a recommendation', () => {
  test('are added without duplicates', () => {
    const { ok, state } = run(stateOf(draft), addRecommendationRefs('r-1', ['cbm-1', 'norm-g']))
    expect(ok).toBe(true)
    expect(refsOf(findRecommendation(state.doc, 'r-1')!.node)).toEqual(['norm-g', 'cbm-1'])
    expect(addRecommendationRefs('r-1', ['norm-g'])(stateOf(draft))).toBe(false)
    expect(addRecommendationRefs('r-404', ['norm-a'])(stateOf(draft))).toBe(false)
  })

  test('the last one cannot be removed; others can', () => {
    expect(removeRecommendationRef('r-1', 'norm-g')(stateOf(draft))).toBe(false)
    const twoLinks = run(stateOf(draft), addRecommendationRefs('r-1', ['cbm-1'])).state
    const { ok, state } = run(twoLinks, removeRecommendationRef('r-1', 'norm-g'))
    expect(ok).toBe(true)
    expect(refsOf(findRecommendation(state.doc, 'r-1')!.node)).toEqual(['cbm-1'])
    expect(removeRecommendationRef('r-1', 'cbm-1')(state)).toBe(false)
  })
})

describe('the invariant guard', () => {
  test('refuses a transaction that strips the last link, whatever command made it', () => {
    const state = stateOf(draft)
    const { pos } = findRecommendation(state.doc, 'r-1')!
    const stripped = state.tr.setNodeAttribute(pos, 'refs', [])
    expect(unlinksRecommendation(stripped)).toBe(true)
    expect(state.applyTransaction(stripped).state.doc.eq(state.doc)).toBe(true)
    const markup = state.tr.setNodeMarkup(pos, undefined, { id: 'r-1', refs: [] })
    expect(state.applyTransaction(markup).state.doc.eq(state.doc)).toBe(true)
  })

  test('refuses inserting an unlinked recommendation, lets linked ones and ordinary edits through', () => {
    const state = stateOf(draft)
    const unlinked = draftSchema.nodes.recommendation.create({ id: 'r-x', refs: [] }, draftSchema.nodes.paragraph.create())
    expect(unlinksRecommendation(state.tr.insert(state.doc.content.size, unlinked))).toBe(true)
    const linked = draftSchema.nodes.recommendation.create({ id: 'r-y', refs: ['norm-a'] }, draftSchema.nodes.paragraph.create())
    expect(unlinksRecommendation(state.tr.insert(state.doc.content.size, linked))).toBe(false)
    expect(unlinksRecommendation(state.tr.insertText('More ', 1))).toBe(false)
  })
})
