import { EditorState } from '@tiptap/pm/state'
import { describe, expect, it } from 'vitest'
import { doc, paragraph } from '../../../shared/schema/draftBuilders.ts'
import { draftSchema } from '../../../shared/schema/editorSchema.ts'
import { findKey, findPlugin, type FindMeta } from './findPlugin.ts'

function start(): EditorState {
  return EditorState.create({ schema: draftSchema, doc: draftSchema.nodeFromJSON(doc(paragraph('One state, two States.'), paragraph('Three states.'))), plugins: [findPlugin()] })
}

const send = (state: EditorState, meta: FindMeta) => state.apply(state.tr.setMeta(findKey, meta))

describe('the find plugin', () => {
  it('searches nothing while closed, and counts matches once open', () => {
    let state = send(start(), { query: 'state', caseSensitive: false })
    expect(findKey.getState(state)!.matches).toEqual([])
    state = send(state, { open: true })
    state = send(state, { query: 'state', caseSensitive: false })
    expect(findKey.getState(state)!.matches).toHaveLength(3)
    expect(findKey.getState(state)!.current).toBe(0)
    expect(findKey.getState(state)!.decorations.find()).toHaveLength(3)
  })

  it('steps through the matches, wrapping both ways', () => {
    let state = send(send(start(), { open: true }), { query: 'state', caseSensitive: true })
    expect(findKey.getState(state)!.matches).toHaveLength(2)
    state = send(state, { current: 2 })
    expect(findKey.getState(state)!.current).toBe(0)
    state = send(state, { current: -1 })
    expect(findKey.getState(state)!.current).toBe(1)
  })

  it('searches again when the text changes, keeping its place; closing forgets the matches but keeps the query', () => {
    let state = send(send(start(), { open: true }), { query: 'state', caseSensitive: false })
    state = send(state, { current: 1 })
    state = state.apply(state.tr.insertText('A state. ', 1))
    const find = findKey.getState(state)!
    expect(find.matches).toHaveLength(4)
    expect(state.doc.textBetween(find.matches[find.current].from, find.matches[find.current].to + 1)).toBe('States')
    state = send(state, { open: false })
    expect(findKey.getState(state)!.matches).toEqual([])
    state = send(state, { open: true })
    expect(findKey.getState(state)!.query).toBe('state')
    expect(findKey.getState(state)!.matches).toHaveLength(4)
  })
})
