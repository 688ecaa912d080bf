import { EditorState } from '@tiptap/pm/state'
import { expect, test } from 'vitest'
import { doc, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { newlyDuplicated, recommendationIdsPlugin } from './recommendationIds.ts'

function idsOf(state: EditorState): unknown[] {
  const ids: unknown[] = []
  state.doc.forEach((node) => node.type.name === 'recommendation' && ids.push(node.attrs.id))
  return ids
}

test('a local edit that copies a recommendation gives the copy a new id; the original keeps its own', () => {
  const json = doc(recommendation('r-1', ['norm-g'], 'Text.'), paragraph('After.'))
  const state = EditorState.create({ schema: draftSchema, doc: draftSchema.nodeFromJSON(json), plugins: [recommendationIdsPlugin(() => 'r-new')] })
  const copied = state.applyTransaction(state.tr.insert(state.doc.content.size, state.doc.child(0))).state
  expect(idsOf(copied)).toEqual(['r-1', 'r-new'])
  expect(copied.doc.lastChild!.attrs.refs).toEqual(['norm-g'])
})

test('duplicates that were there before the edit are left for validation to report', () => {
  const twice = draftSchema.nodeFromJSON(doc(recommendation('r-1', ['norm-g'], 'A.'), recommendation('r-1', ['norm-g'], 'B.')))
  expect(newlyDuplicated(twice, twice)).toEqual([])
  const once = draftSchema.nodeFromJSON(doc(recommendation('r-1', ['norm-g'], 'A.')))
  expect(newlyDuplicated(once, twice)).toHaveLength(1)
})
