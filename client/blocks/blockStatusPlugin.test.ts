import { Node } from '@tiptap/pm/model'
import { EditorState } from '@tiptap/pm/state'
import { prosemirrorJSONToYDoc, ySyncPluginKey } from '@tiptap/y-tiptap'
import { beforeAll, describe, expect, it } from 'vitest'
import { blockKeys } from '../../shared/collab/blockKey.ts'
import { doc, heading, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import { contentField } from '../../shared/schema/contentField.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { blockRanges } from './blockRanges.ts'
import { agreedRanges, blockStatusKey, blockStatusPlugin } from './blockStatusPlugin.ts'

const draft = doc(heading(1, 'Title'), paragraph('Agreed text.'), paragraph('Open text.'), recommendation('rec-1', ['norm-g'], 'States should act.'))

beforeAll(async () => {
  useMessagesForTests('en', await loadMessages('en'))
})

function setUp() {
  const ydoc = prosemirrorJSONToYDoc(draftSchema, draft, contentField)
  const keys = blockKeys(ydoc)
  let refusals = 0
  const plugin = blockStatusPlugin({ fragment: ydoc.getXmlFragment(contentField), onRefused: () => refusals++ })
  let state = EditorState.create({ doc: Node.fromJSON(draftSchema, draft), plugins: [plugin] })
  state = state.apply(state.tr.setMeta(blockStatusKey, { statuses: new Map([[keys[1]!, 'agreed' as const], [keys[3]!, 'negotiating' as const]]) }))
  return { state, keys, refusals: () => refusals }
}

const ranges = blockRanges(Node.fromJSON(draftSchema, draft))
const inside = (index: number) => ranges[index]!.from + 2
const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('the block status plugin', () => {
  it('decorates each block by its key’s status, with its label', () => {
    const { state, keys } = setUp()
    const decorations = blockStatusKey.getState(state)!.decorations.find()
    expect(decorations.map((decoration) => [decoration.from, (decoration.spec as { key: string }).key, (decoration.spec as { status: string }).status])).toEqual([
      [ranges[1]!.from, keys[1], 'agreed'],
      [ranges[3]!.from, keys[3], 'negotiating'],
    ])
    expect(agreedRanges(state)).toEqual([{ from: ranges[1]!.from, to: ranges[1]!.to, key: keys[1] }])
  })

  it('refuses a local change to an agreed block, and says so', async () => {
    const { state, refusals } = setUp()
    expect(state.applyTransaction(state.tr.insertText('not ', inside(1))).state).toBe(state)
    await tick()
    expect(refusals()).toBe(1)
  })

  it('lets local changes elsewhere through, and the decorations follow them', async () => {
    const { state, refusals } = setUp()
    const next = state.apply(state.tr.insertText('Very ', inside(2)).insertText('Long ', inside(0)))
    expect(next.doc.textContent).toContain('Very ')
    expect(agreedRanges(next)[0]!.from).toBe(ranges[1]!.from + 'Long '.length)
    await tick()
    expect(refusals()).toBe(0)
  })

  it('never refuses a change that arrives through Yjs', () => {
    const { state } = setUp()
    const remote = state.tr.insertText('not ', inside(1)).setMeta(ySyncPluginKey, { isChangeOrigin: true })
    expect(state.apply(remote).doc.child(1).textContent).toBe('Anot greed text.')
  })
})
