/** The redline and the recommendation changes drawn in another interface language: marks, tags and counts translated, the compared text and labels as they are. */
import { createElement } from 'react'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, expect, test } from 'vitest'
import type { RecommendationChange, RedlineBlock } from '../../shared/compare/comparison.ts'
import type { ModelRef, ParagraphBlock, RecommendationBlock } from '../../shared/model/draftModel.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { RecommendationChangesTable } from './RecommendationChangesTable.tsx'
import { Redline } from './Redline.tsx'

const normG: ModelRef = { id: 'norm-g', label: 'Norm g', status: 'known' }

const paragraph = (number: number, text: string): ParagraphBlock => ({ kind: 'paragraph', number, source: 'paragraph', text, lines: [{ text, runs: [] }], path: [number] })
const recommendation = (number: number): RecommendationBlock => ({ kind: 'recommendation', number, id: 'r-1', refs: [normG], text: 'Text', paragraphs: [], path: [number] })

const blocks: RedlineBlock[] = [
  {
    change: 'changed',
    kind: 'paragraph',
    before: paragraph(5, 'urgent threats'),
    after: paragraph(6, 'urgent threats to hospitals'),
    segments: [
      { op: 'equal', text: 'urgent threats' },
      { op: 'insert', text: ' to hospitals' },
    ],
  },
  { change: 'added', kind: 'recommendation', before: null, after: recommendation(4), segments: [{ op: 'insert', text: 'Text' }], refs: { kept: [], added: [normG], removed: [] } },
]

const changes: RecommendationChange[] = [
  { id: 'a', changes: [], before: { number: 1, refs: [normG], text: 't' }, after: { number: 1, refs: [normG], text: 't' }, summary: 'unchanged' },
  { id: 'b', changes: ['renumbered'], before: { number: 4, refs: [normG], text: 't' }, after: { number: 5, refs: [normG], text: 't' }, summary: 'R4 is now R5' },
]

const redline = () => renderToStaticMarkup(createElement(Redline, { blocks, fromLabel: 'Rev.1', toLabel: 'Rev.2' }))
const table = () => renderToStaticMarkup(createElement(RecommendationChangesTable, { changes, fromLabel: 'Rev.1', toLabel: 'Rev.2' }))

afterAll(async () => useMessagesForTests('en', await loadMessages('en')))

test('in English, as before', async () => {
  useMessagesForTests('en', await loadMessages('en'))
  expect(redline()).toContain('aria-label="Redline: Rev.1 compared with Rev.2"')
  expect(redline()).toContain('--redline-insertion:&quot; [insertion] &quot;')
  expect(redline()).toContain('was 5')
  expect(table()).toContain('1 recommendation changed of 2, matched by their stable id from <bdi translate="no">Rev.1</bdi> to <bdi translate="no">Rev.2</bdi>.')
})

test('in Arabic: the marks screen readers hear, the tags and the counts are Arabic; the text, labels and numbers are kept', async () => {
  useMessagesForTests('ar', await loadMessages('ar'))
  const html = redline()
  expect(html).toContain('aria-label="النص المقارن: Rev.1 مقارنةً بـ Rev.2"')
  expect(html).toContain('--redline-insertion:&quot; [إدراج] &quot;')
  expect(html).toContain('--redline-end:&quot; [نهاية] &quot;')
  expect(html).toContain('سابقاً 5')
  expect(html).toContain('<span class="change-tag change-tag-added">مضاف</span>')
  expect(html).toContain('<span>urgent threats</span><ins> to hospitals</ins>')
  expect(html).toContain('>R4<')
  expect(table()).toContain('تغيّرت توصية واحدة من أصل 2')
})

test("the compared words carry the document's language and direction and are not translated; the interface around them is", async () => {
  useMessagesForTests('ar', await loadMessages('ar'))
  const html = renderToStaticMarkup(createElement(Redline, { blocks, fromLabel: 'Rev.1', toLabel: 'Rev.2', textLanguage: 'en' }))
  expect(html).toContain('<div class="redline-text" lang="en" dir="ltr" translate="no"><p class="redline-line"><span>urgent threats</span>')
  expect(html).toMatch(/<article class="redline" aria-label="[^"]*" style="[^"]*" dir="ltr">/)
  expect(html).toContain('<span class="change-tag change-tag-added">مضاف</span>')
  expect(redline()).toContain('<div class="redline-text" dir="auto" translate="no">')
  expect(redline()).not.toContain(' dir="ltr"')
})

test('in French, plurals agree and Russian counts take their form', async () => {
  useMessagesForTests('fr', await loadMessages('fr'))
  expect(table()).toContain('1 recommandation modifiée sur 2')
  expect(table()).toContain('R4 dans Rev.1 est R5 dans Rev.2')
  useMessagesForTests('ru', await loadMessages('ru'))
  expect(table()).toContain('Изменено рекомендаций: 1 из 2')
})

const credited: RedlineBlock = {
  ...blocks[0]!,
  credits: ['inserted on the proposal of Kenya'],
  creditedTo: [{ kind: 'insert', delegation: 'Kenya' }],
}
const renumbered: RedlineBlock = {
  change: 'unchanged',
  kind: 'recommendation',
  before: recommendation(4),
  after: recommendation(5),
  segments: [{ op: 'equal', text: 'Text' }],
  refs: { kept: [normG], added: [], removed: [] },
}
const relinkedChange: RecommendationChange = { ...changes[1]!, changes: ['renumbered', 'links'], credits: ['links changed on the proposal of Norway'], creditedTo: [{ kind: 'relink', delegation: 'Norway' }] }
const creditedRedline = (textLanguage?: 'en') => renderToStaticMarkup(createElement(Redline, { blocks: [credited, renumbered], fromLabel: 'Rev.1', toLabel: 'Rev.2', textLanguage }))
const creditedTable = () => renderToStaticMarkup(createElement(RecommendationChangesTable, { changes: [relinkedChange], fromLabel: 'Rev.1', toLabel: 'Rev.2' }))

test('credits are worded in the interface language around the delegation, which is kept as it is', async () => {
  useMessagesForTests('en', await loadMessages('en'))
  expect(creditedRedline()).toContain('<span class="redline-credit">inserted on the proposal of <bdi translate="no">Kenya</bdi></span>')
  expect(creditedTable()).toContain('links changed on the proposal of <bdi translate="no">Norway</bdi>')
  useMessagesForTests('ar', await loadMessages('ar'))
  const html = creditedRedline('en')
  // Inside English compared text, the Arabic credit keeps its own direction.
  expect(html).toContain('<p class="redline-credits" dir="rtl" translate="yes"><span class="redline-credit">أُدرج بناءً على مقترح <bdi translate="no">Kenya</bdi></span></p>')
  expect(html).not.toContain('on the proposal of')
  expect(creditedTable()).toContain('غُيّرت الروابط بناءً على مقترح <bdi translate="no">Norway</bdi>')
  useMessagesForTests('ru', await loadMessages('ru'))
  expect(creditedTable()).toContain('изменение ссылок по предложению: <bdi translate="no">Norway</bdi>')
})

test('recommendation numbers in the table as the language numbers them, the arrow pointing the way the language reads', async () => {
  useMessagesForTests('en', await loadMessages('en'))
  expect(creditedTable()).toContain('>R4 → R5</button>')
  expect(creditedTable()).toContain('R4 in Rev.1 is R5 in Rev.2')
  useMessagesForTests('ru', await loadMessages('ru'))
  expect(creditedTable()).toContain('>Рек. 4 → Рек. 5</button>')
  useMessagesForTests('zh', await loadMessages('zh'))
  expect(creditedTable()).toContain('>建议4 → 建议5</button>')
  useMessagesForTests('ar', await loadMessages('ar'))
  expect(creditedTable()).toContain('>التوصية 4 ← التوصية 5</button>')
  expect(creditedTable()).toContain('التوصية 4 في Rev.1 هي التوصية 5 في Rev.2')
  // The redline's renumbering marker: the document's own numbers, in the interface's direction, the arrow reversed in Arabic.
  expect(creditedRedline('en')).toContain('<span class="renumbered-marker" dir="rtl">أعيد ترقيمها R4 ← R5</span>')
})
