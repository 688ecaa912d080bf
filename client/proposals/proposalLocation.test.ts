import { Node as ProseMirrorNode } from '@tiptap/pm/model'
import { beforeEach, describe, expect, test } from 'vitest'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { doc, heading, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { numberingDecorations } from '../editor/draftNumbering.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { blockLabel, locationIn } from './proposalLocation.ts'

beforeEach(async () => useMessagesForTests('en', await loadMessages('en')))

describe('where a proposal is', () => {
  test('names the paragraph or recommendation a position is in, nothing in a heading', () => {
    const json = doc(heading(1, 'Summary'), paragraph('One.'), paragraph('Two.'), recommendation('rec-1', ['norm-g'], 'Share.'))
    const pm = ProseMirrorNode.fromJSON(draftSchema, json)
    const numbers = numberingDecorations(pm, toDraftModel(json, builtInCatalogue))
    const inside = (index: number) => {
      let pos = 0
      for (let i = 0; i < index; i++) pos += pm.child(i).nodeSize
      return pos + 2
    }
    expect(locationIn(numbers, inside(0))).toBeNull()
    expect(locationIn(numbers, inside(1))).toBe('para. 1')
    expect(locationIn(numbers, inside(2))).toBe('para. 2')
    expect(locationIn(numbers, inside(3))).toBe('R1')
  })

  test('in the reader’s language', async () => {
    const json = doc(paragraph('One.'), recommendation('rec-1', ['norm-g'], 'Share.'))
    const pm = ProseMirrorNode.fromJSON(draftSchema, json)
    const numbers = numberingDecorations(pm, toDraftModel(json, builtInCatalogue))
    useMessagesForTests('fr', await loadMessages('fr'))
    expect(locationIn(numbers, 2)).toBe('par. 1')
    useMessagesForTests('zh', await loadMessages('zh'))
    expect(locationIn(numbers, pm.child(0).nodeSize + 2)).toBe('建议1')
  })

  test('a block the server placed is named as the margin names it, in the reader’s language', async () => {
    expect(blockLabel({ kind: 'paragraph', number: 12, label: 'para. 12' })).toBe('para. 12')
    expect(blockLabel({ kind: 'recommendation', number: 4, label: 'R4' })).toBe('R4')
    useMessagesForTests('ar', await loadMessages('ar'))
    expect(blockLabel({ kind: 'paragraph', number: 12, label: 'para. 12' })).toBe('الفقرة 12')
    expect(blockLabel({ kind: 'heading', number: null, label: 'heading' })).toBe('عنوان')
    expect(blockLabel({ kind: null, number: null, label: 'somewhere' })).toBe('somewhere')
  })
})
