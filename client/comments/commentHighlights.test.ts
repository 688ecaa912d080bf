import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment, ySyncPlugin, ySyncPluginKey } from '@tiptap/y-tiptap'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { doc, paragraph } from '../../shared/schema/draftBuilders.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import type { Author, Thread } from '../api/comments.ts'
import { anchorFor, bindingOf } from './anchors.ts'
import { commentAnchorsKey, commentHighlights, setCommentAnchors } from './commentHighlights.ts'

const author: Author = { id: 1, name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Kenya', regionalGroup: 'african' }

/** An editor state bound to a Y.Doc as y-tiptap binds it, without a view. */
function boundState() {
  const ydoc = new Y.Doc()
  const type = ydoc.getXmlFragment('content')
  prosemirrorJSONToYXmlFragment(draftSchema, doc(paragraph('Capacity-building is voluntary, politically neutral and transparent.')), type)
  const { doc: pm, mapping } = initProseMirrorDoc(type, draftSchema)
  const state = EditorState.create({ schema: draftSchema, doc: pm, plugins: [ySyncPlugin(type, { mapping }), commentHighlights({ onActivate: () => undefined })] })
  return { ydoc, type, state }
}

function find(pm: ProseMirrorNode, passage: string): { from: number; to: number } {
  const from = pm.textContent.indexOf(passage) + 1
  return { from, to: from + passage.length }
}

function threadOn(state: EditorState, id: string, passage: string): Thread {
  const { from, to } = find(state.doc, passage)
  return {
    id,
    documentId: 'doc',
    anchor: anchorFor(bindingOf(state)!, state.doc, from, to),
    author,
    stakeholder: false,
    createdAt: 1,
    resolved: null,
    comments: [],
  }
}

function highlighted(state: EditorState): string[] {
  const decorations = commentAnchorsKey.getState(state)!.decorations.find()
  return decorations.map((decoration) => state.doc.textBetween(decoration.from, decoration.to))
}

/** What y-tiptap does when a change arrives through Yjs: rebuild the mapping, replace the whole document. */
function receiveThroughYjs(state: EditorState, type: Y.XmlFragment): EditorState {
  const { doc: pm, mapping } = initProseMirrorDoc(type, draftSchema)
  const binding = bindingOf(state)!
  binding.mapping.clear()
  for (const [key, value] of mapping) binding.mapping.set(key, value)
  return state.apply(state.tr.replaceWith(0, state.doc.content.size, pm.content).setMeta(ySyncPluginKey, { isChangeOrigin: true }))
}

describe('comment highlights', () => {
  test('highlight open threads, not resolved ones, and mark the active one', () => {
    let { state } = boundState()
    const open = threadOn(state, 'a', 'politically neutral')
    const resolved = { ...threadOn(state, 'b', 'transparent'), resolved: { by: author, at: 2 } }
    state = state.apply(setCommentAnchors(state.tr, { threads: [open, resolved] }))
    expect(highlighted(state)).toEqual(['politically neutral'])
    state = state.apply(setCommentAnchors(state.tr, { activeId: 'a' }))
    expect(commentAnchorsKey.getState(state)!.decorations.find()[0]!.spec).toMatchObject({ threadId: 'a' })
    expect(JSON.stringify(commentAnchorsKey.getState(state)!.decorations.find())).toContain('is-active')
  })

  test('a local keystroke maps the highlight without re-reading the anchors; the panel is not asked to re-render', () => {
    let { state } = boundState()
    state = state.apply(setCommentAnchors(state.tr, { threads: [threadOn(state, 'a', 'politically neutral')] }))
    const version = commentAnchorsKey.getState(state)!.layoutVersion
    state = state.apply(state.tr.insertText('Indeed, ', 1))
    state = state.apply(state.tr.insertText('very ', find(state.doc, 'neutral').from))
    expect(highlighted(state)).toEqual(['politically very neutral'])
    expect(commentAnchorsKey.getState(state)!.layoutVersion).toBe(version)
  })

  test('deleting the passage detaches its thread, and the panel hears of it', () => {
    let { state } = boundState()
    state = state.apply(setCommentAnchors(state.tr, { threads: [threadOn(state, 'a', 'politically neutral')] }))
    const version = commentAnchorsKey.getState(state)!.layoutVersion
    const { from, to } = find(state.doc, 'politically neutral')
    state = state.apply(state.tr.delete(from, to))
    expect(commentAnchorsKey.getState(state)!.placements.get('a')).toEqual({ kind: 'detached' })
    expect(highlighted(state)).toEqual([])
    expect(commentAnchorsKey.getState(state)!.layoutVersion).toBe(version + 1)
  })

  test('a change through Yjs places the threads again from their anchors', () => {
    let { state, type } = boundState()
    state = state.apply(setCommentAnchors(state.tr, { threads: [threadOn(state, 'a', 'politically neutral')] }))
    const text = (type.get(0) as Y.XmlElement).get(0) as unknown as Y.XmlText
    text.insert(0, 'As agreed, ')
    state = receiveThroughYjs(state, type)
    expect(highlighted(state)).toEqual(['politically neutral'])
    text.insert(text.toString().indexOf('neutral'), 'and technologically ')
    state = receiveThroughYjs(state, type)
    expect(highlighted(state)).toEqual(['politically and technologically neutral'])
    text.delete(text.toString().indexOf('and technologically '), 'and technologically '.length)
    text.delete(text.toString().indexOf('politically neutral'), 'politically neutral'.length)
    state = receiveThroughYjs(state, type)
    expect(commentAnchorsKey.getState(state)!.placements.get('a')).toEqual({ kind: 'detached' })
  })

  test('the passage of a comment being written is highlighted until it is posted', () => {
    let { state } = boundState()
    const { anchor } = threadOn(state, 'draft', 'voluntary')
    state = state.apply(setCommentAnchors(state.tr, { draft: anchor }))
    expect(highlighted(state)).toEqual(['voluntary'])
    state = state.apply(setCommentAnchors(state.tr, { draft: null }))
    expect(highlighted(state)).toEqual([])
  })
})
