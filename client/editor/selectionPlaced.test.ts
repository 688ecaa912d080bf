import { EditorState, TextSelection } from '@tiptap/pm/state'
import { ySyncPluginKey } from '@tiptap/y-tiptap'
import { expect, it } from 'vitest'
import { doc, heading, paragraph } from '../../shared/schema/draftBuilders.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { selectionPlaced, selectionPlacedPlugin } from './selectionPlaced.ts'

it('counts a selection the member sets, not the opening one nor those the sync plugin sets', () => {
  const node = draftSchema.nodeFromJSON(doc(heading(1, 'Title'), paragraph('States cooperate.')))
  let state = EditorState.create({ doc: node, plugins: [selectionPlacedPlugin()] })
  expect(selectionPlaced(state)).toBe(false)
  // Rendering the document and keeping the selection through others' changes: the sync plugin's.
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 3)).setMeta(ySyncPluginKey, { isChangeOrigin: true }))
  expect(selectionPlaced(state)).toBe(false)
  // A transaction that sets no selection leaves it unplaced.
  state = state.apply(state.tr.setMeta('addToHistory', false))
  expect(selectionPlaced(state)).toBe(false)
  // A click into the paragraph, and from then on.
  state = state.apply(state.tr.setSelection(TextSelection.create(state.doc, 10)))
  expect(selectionPlaced(state)).toBe(true)
  state = state.apply(state.tr.setMeta(ySyncPluginKey, { isChangeOrigin: true }))
  expect(selectionPlaced(state)).toBe(true)
  // An editor without the plugin does not hold proposals back.
  expect(selectionPlaced(EditorState.create({ doc: node }))).toBe(true)
})
