import { describe, expect, it } from 'vitest'
import { alternative, alternatives, bracketed, doc, paragraph } from '../../shared/schema/draftBuilders.ts'
import { paragraphTexts, readDocx } from '../../tests/helpers/readDocx.ts'
import { draftToDocx } from './docx.ts'
import { draftToHtml } from './html.ts'
import { draftToMarkdown } from './markdown.ts'
import { draftToPlainText } from './plainText.ts'
import { testDraft, testMeta } from './testDraft.ts'

const { model, coverage } = testDraft(
  doc(
    paragraph('States ', bracketed('shall', ['Kenya']), ' cooperate.'),
    alternatives(alternative([], 'States should share information.'), alternative(['Brazil'], 'States shall share information.')),
  ),
)
const working = { ...testMeta, working: true }

describe('every export prints brackets and alternatives UN style', () => {
  it('plain text', () => {
    const text = draftToPlainText(model, working, coverage)
    expect(text).toContain('States [shall] cooperate.')
    expect(text).toContain('Alt 1: States should share information.')
    expect(text).toContain('Alt 2 (Brazil): States shall share information.')
  })

  it('Markdown', () => {
    const markdown = draftToMarkdown(model, working, coverage)
    expect(markdown).toMatch(/States \\?\[shall\\?\] cooperate\./)
    expect(markdown).toContain('Alt 2 (Brazil): States shall share information.')
  })

  it('HTML', () => {
    const html = draftToHtml(model, working, coverage)
    expect(html).toContain('States [shall] cooperate.')
    expect(html).toContain('Alt 1: States should share information.')
  })

  it('DOCX', async () => {
    const texts = paragraphTexts(readDocx(await draftToDocx(model, working, coverage)).document)
    expect(texts).toContain('1.\tStates [shall] cooperate.')
    expect(texts.some((line) => line.includes('Alt 1: States should share information.'))).toBe(true)
    expect(texts.some((line) => line.includes('Alt 2 (Brazil): States shall share information.'))).toBe(true)
  })
})
