import type { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import type { Decoration } from '@tiptap/pm/view'
import { initProseMirrorDoc, prosemirrorJSONToYXmlFragment, ySyncPlugin, ySyncPluginKey } from '@tiptap/y-tiptap'
import { describe, expect, test } from 'vitest'
import * as Y from 'yjs'
import { doc, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { anchorFor, bindingOf } from '../comments/anchors.ts'
import { proposalSuggestions, proposalSuggestionsKey, setSuggestions } from './proposalSuggestions.ts'
import type { Suggestion, SuggestionKind } from './suggestion.ts'

const first = 'Capacity-building is voluntary, politically neutral and transparent.'
const second = 'States should protect critical infrastructure.'

function boundState() {
  const ydoc = new Y.Doc()
  const type = ydoc.getXmlFragment('content')
  prosemirrorJSONToYXmlFragment(draftSchema, doc(paragraph(first), paragraph(second), recommendation('rec-1', ['norm-g'], 'Share threat information.')), type)
  const { doc: pm, mapping } = initProseMirrorDoc(type, draftSchema)
  const state = EditorState.create({ schema: draftSchema, doc: pm, plugins: [ySyncPlugin(type, { mapping }), proposalSuggestions({ onActivate: () => undefined })] })
  return { type, state }
}

function find(pm: ProseMirrorNode, passage: string): { from: number; to: number } {
  let found: { from: number; to: number } | null = null
  pm.descendants((node, pos) => {
    if (found || !node.isText) return !found
    const index = node.text!.indexOf(passage)
    if (index >= 0) found = { from: pos + index, to: pos + index + passage.length }
    return false
  })
  if (!found) throw new Error(`${passage} not found`)
  return found
}

function suggestion(state: EditorState, id: string, kind: SuggestionKind, passage: string, text = '', collapsed = false): Suggestion {
  const { from, to } = find(state.doc, passage)
  return {
    id,
    kind,
    anchor: kind === 'relink' ? null : anchorFor(bindingOf(state)!, state.doc, collapsed ? to : from, to),
    recommendationId: kind === 'relink' ? 'rec-1' : null,
    open: true,
    text,
    addedRefs: kind === 'recommendation' || kind === 'relink' ? ['Norm g'] : [],
    removedRefs: [],
    proposer: 'Kenya',
    supporters: ['Brazil'],
    objections: [],
  }
}

function decorations(state: EditorState): Decoration[] {
  return proposalSuggestionsKey.getState(state)!.decorations.find()
}

/** Each decoration as `part@position` (widgets) or the struck text (inline). */
function drawn(state: EditorState): string[] {
  return decorations(state)
    .map((decoration) => {
      const spec = decoration.spec as { key?: string }
      if (decoration.from === decoration.to) return `${spec.key!.split(':')[0]}@${decoration.from}`
      return `del:${state.doc.textBetween(decoration.from, decoration.to)}`
    })
    .sort()
}

function receiveThroughYjs(state: EditorState, type: Y.XmlFragment): EditorState {
  const { doc: pm, mapping } = initProseMirrorDoc(type, draftSchema)
  const binding = bindingOf(state)!
  binding.mapping.clear()
  for (const [key, value] of mapping) binding.mapping.set(key, value)
  return state.apply(state.tr.replaceWith(0, state.doc.content.size, pm.content).setMeta(ySyncPluginKey, { isChangeOrigin: true }))
}

describe('proposals drawn as suggestions', () => {
  test('a replacement strikes the passage and inserts its text after it, with a chip; a deletion has no insertion', () => {
    let { state } = boundState()
    const replace = suggestion(state, 'r', 'replace', 'politically neutral', 'impartial')
    const remove = suggestion(state, 'd', 'delete', 'critical')
    state = state.apply(setSuggestions(state.tr, { suggestions: [replace, remove] }))
    const end = find(state.doc, 'politically neutral').to
    const criticalEnd = find(state.doc, 'critical').to
    expect(drawn(state)).toEqual([`chip@${criticalEnd}`, `chip@${end}`, 'del:critical', 'del:politically neutral', `ins@${end}`].sort())
  })

  test('an insertion is drawn where it goes; a new paragraph after its block; new links inside the recommendation', () => {
    let { state } = boundState()
    const insert = suggestion(state, 'i', 'insert', 'voluntary', ' and demand-driven', true)
    const paragraphAfter = suggestion(state, 'p', 'paragraph', 'critical', 'States should share lessons learned.', true)
    const relink = suggestion(state, 'l', 'relink', 'Share threat')
    state = state.apply(setSuggestions(state.tr, { suggestions: [insert, paragraphAfter, relink] }))
    const secondEnd = state.doc.child(0).nodeSize + state.doc.child(1).nodeSize
    const recommendationContent = secondEnd + 1
    const voluntaryEnd = find(state.doc, 'voluntary').to
    expect(drawn(state)).toEqual([`chip@${voluntaryEnd}`, `ghost@${secondEnd}`, `ins@${voluntaryEnd}`, `relink@${recommendationContent}`].sort())
  })

  test('a local keystroke maps the suggestions without placing them again', () => {
    let { state } = boundState()
    state = state.apply(setSuggestions(state.tr, { suggestions: [suggestion(state, 'r', 'replace', 'politically neutral', 'impartial')] }))
    const version = proposalSuggestionsKey.getState(state)!.layoutVersion
    state = state.apply(state.tr.insertText('Indeed, ', 1))
    expect(drawn(state)).toContain('del:politically neutral')
    expect(proposalSuggestionsKey.getState(state)!.layoutVersion).toBe(version)
  })

  test('text changed through Yjs: the suggestion follows its anchor; its text deleted, it is no longer drawn', () => {
    let { state, type } = boundState()
    state = state.apply(setSuggestions(state.tr, { suggestions: [suggestion(state, 'r', 'replace', 'politically neutral', 'impartial')] }))
    const text = (type.get(0) as Y.XmlElement).get(0) as unknown as Y.XmlText
    text.insert(0, 'As agreed, ')
    state = receiveThroughYjs(state, type)
    expect(drawn(state)).toContain('del:politically neutral')
    text.delete(text.toString().indexOf('politically neutral'), 'politically neutral'.length)
    state = receiveThroughYjs(state, type)
    expect(proposalSuggestionsKey.getState(state)!.placements.get('r')).toEqual({ kind: 'detached' })
    expect(drawn(state)).toEqual([])
  })

  test('a change of links follows its recommendation by id; closed proposals are placed but not drawn', () => {
    let { state, type } = boundState()
    const relink = suggestion(state, 'l', 'relink', 'Share threat')
    const closed = { ...suggestion(state, 'c', 'replace', 'critical', 'vital'), open: false }
    state = state.apply(setSuggestions(state.tr, { suggestions: [relink, closed] }))
    expect(proposalSuggestionsKey.getState(state)!.placements.get('c')).toMatchObject({ kind: 'attached' })
    expect(drawn(state)).toEqual([`relink@${state.doc.child(0).nodeSize + state.doc.child(1).nodeSize + 1}`])
    type.delete(0, 1)
    state = receiveThroughYjs(state, type)
    expect(drawn(state)).toEqual([`relink@${state.doc.child(0).nodeSize + 1}`])
    type.delete(1, 1)
    state = receiveThroughYjs(state, type)
    expect(proposalSuggestionsKey.getState(state)!.placements.get('l')).toEqual({ kind: 'detached' })
  })

  test('the active proposal is marked', () => {
    let { state } = boundState()
    state = state.apply(setSuggestions(state.tr, { suggestions: [suggestion(state, 'r', 'replace', 'politically neutral', 'impartial')] }))
    state = state.apply(setSuggestions(state.tr, { activeId: 'r' }))
    const struck = decorations(state).find((decoration) => decoration.from !== decoration.to)!
    expect(JSON.stringify(struck)).toContain('is-active')
  })
})
