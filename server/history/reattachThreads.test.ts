import { Node } from '@tiptap/pm/model'
import { updateYFragment } from '@tiptap/y-tiptap'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { resolveAnchor } from '../../shared/anchor/placeAnchor.ts'
import { doc, paragraph } from '../../shared/schema/draftBuilders.ts'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { anchorOn } from '../../tests/helpers/passages.ts'
import { reattachDetached, threadBlocks } from './reattachThreads.ts'

function write(ydoc: Y.Doc, json: DraftDocJson): void {
  ydoc.transact(() => updateYFragment(ydoc, ydoc.getXmlFragment('content'), Node.fromJSON(draftSchema, json), { mapping: new Map(), isOMark: new Map() }))
}

/** The text an attached anchor covers, or null. */
function covered(ydoc: Y.Doc, anchor: { start: string; end: string; quote: string }): string | null {
  const resolved = resolveAnchor(ydoc, ydoc.getXmlFragment('content'), anchor)
  if (resolved.kind !== 'attached' || resolved.start.type !== resolved.end.type) return null
  return (resolved.start.type as Y.XmlText).toString().replace(/<[^>]+>/g, '').slice(resolved.start.index, resolved.end.index)
}

const withPassage = doc(paragraph('Opening words.'), paragraph('Shared phrase in the second paragraph.'), paragraph('Shared phrase in the third.'))
const withoutPassage = doc(paragraph('Opening words.'), paragraph('Another text.'), paragraph('other words entirely'))

describe('comment threads re-attached after a restore', () => {
  it('anchors a detached thread on its quote in the block it was in, before looking elsewhere', () => {
    const ydoc = new Y.Doc()
    write(ydoc, withPassage)
    // The quote appears in two blocks; the thread is on the second copy, in the third paragraph.
    const thread = { id: 't1', anchor: { ...anchorOn(ydoc, 'Shared phrase in the third'), quote: 'Shared phrase' } }
    const blocks = threadBlocks(ydoc, [thread])
    expect(blocks.get('t1')).toBe(2)

    // Restored to a text without the passage, then back to one with it: the old anchor points into deleted text.
    write(ydoc, withoutPassage)
    write(ydoc, withPassage)
    expect(resolveAnchor(ydoc, ydoc.getXmlFragment('content'), thread.anchor).kind).toBe('detached')
    const [moved] = reattachDetached(ydoc, [thread], blocks)
    expect(moved!.id).toBe('t1')
    expect(covered(ydoc, moved!.anchor)).toBe('Shared phrase')
    // In the third paragraph, where it was, not the first occurrence in the document (the second paragraph).
    const resolved = resolveAnchor(ydoc, ydoc.getXmlFragment('content'), moved!.anchor)
    expect(resolved.kind === 'attached' && resolved.start.path[0]).toBe(2)
  })

  it('searches the whole document when the block is unknown, and leaves alone what is attached or absent', () => {
    const ydoc = new Y.Doc()
    write(ydoc, withPassage)
    const detachedBefore = { id: 'old', anchor: anchorOn(ydoc, 'in the second paragraph') }
    const attached = { id: 'kept', anchor: anchorOn(ydoc, 'Opening words') }
    const absent = { id: 'gone', anchor: anchorOn(ydoc, 'Shared phrase in the second') }
    write(ydoc, withoutPassage)
    write(ydoc, doc(paragraph('Opening words.'), paragraph('Now in the second paragraph, moved.'), paragraph('Shared phrase in the third.')))
    const moves = reattachDetached(ydoc, [detachedBefore, attached, absent], new Map())
    expect(moves.map((move) => move.id)).toEqual(['old'])
    expect(covered(ydoc, moves[0]!.anchor)).toBe('in the second paragraph')
    // A point anchor (no quote) is never moved.
    expect(reattachDetached(ydoc, [{ id: 'point', anchor: { ...detachedBefore.anchor, quote: '' } }], new Map())).toEqual([])
  })
})
