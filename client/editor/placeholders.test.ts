import type { Decoration } from '@tiptap/pm/view'
import { beforeAll, describe, expect, it } from 'vitest'
import { bulletList, doc, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { documentPlaceholders, placeholderTexts, type PlaceholderTexts } from './placeholders.ts'

let texts: PlaceholderTexts
beforeAll(async () => {
  useMessagesForTests('en', await loadMessages('en'))
  texts = placeholderTexts()
})

const decorationsOf = (node: ReturnType<typeof draftSchema.nodeFromJSON>, given: PlaceholderTexts) => documentPlaceholders(node, given)

function placed(json: DraftDocJson): { at: string; text: string }[] {
  const node = draftSchema.nodeFromJSON(json)
  return documentPlaceholders(node, texts).map((decoration: Decoration) => {
    const attrs = (decoration as unknown as { type: { attrs: Record<string, string> } }).type.attrs
    const $pos = node.resolve(decoration.from + 1)
    return { at: $pos.node(-1).type.name, text: attrs['data-placeholder'] }
  })
}

describe('documentPlaceholders', () => {
  it('says what to do in an empty document', () => {
    expect(texts.document).toMatch(/^Type the draft here\./)
    expect(placed(doc(paragraph()))).toEqual([{ at: 'doc', text: texts.document }])
  })

  it('marks the first paragraph of each empty recommendation, at the top and in a list item', () => {
    const json = doc(paragraph('Text.'), recommendation('r-1', ['norm-g'], paragraph()), recommendation('r-2', ['norm-g'], 'Written.'), bulletList([paragraph('Item'), recommendation('r-3', ['cbm-1'], paragraph(), paragraph())]))
    expect(placed(json)).toEqual([
      { at: 'recommendation', text: texts.recommendation },
      { at: 'recommendation', text: texts.recommendation },
    ])
  })

  it("reads an empty document's placeholder in the interface's direction", () => {
    const node = draftSchema.nodeFromJSON(doc(paragraph()))
    const attrs = (decorationsOf(node, { ...texts, direction: 'rtl' })[0] as unknown as { type: { attrs: Record<string, string> } }).type.attrs
    expect(attrs.dir).toBe('rtl')
  })

  it('puts none in a document with text', () => {
    expect(placed(doc(paragraph('Text.'), paragraph()))).toEqual([])
  })
})
