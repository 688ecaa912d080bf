import { beforeEach, describe, expect, test } from 'vitest'
import { compilationUrl } from '../api/comments.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { compilationFileName, compilationSummary, previewGroups, writtenInputs } from './compilationText.ts'

beforeEach(async () => useMessagesForTests('en', await loadMessages('en')))

const input = (threadId: string) => ({
  threadId,
  author: { name: 'Wanjiru Kamau', delegation: 'Kenya', role: 'delegation' as const, regionalGroup: null },
  body: 'Kenya asks for more.',
  createdAt: 0,
  quote: 'supply chain',
  location: 'Paragraph 3',
  locationOrder: 3,
  stakeholder: false,
  resolved: false,
  replies: [],
})

describe('compilation of written inputs', () => {
  test('the request names the format and the grouping', () => {
    expect(compilationUrl('dtg1-2026-a', { format: 'md', by: 'delegation' })).toBe('/api/documents/dtg1-2026-a/compilation?format=md&by=delegation')
    expect(compilationUrl('a/b', { format: 'json', by: 'paragraph' })).toBe('/api/documents/a%2Fb/compilation?format=json&by=paragraph')
  })

  test('counts inputs and headings, and says when there are none', () => {
    expect(writtenInputs(1)).toBe('1 written input')
    expect(writtenInputs(0)).toBe('0 written inputs')
    const groups = [
      { heading: 'Kenya (African Group)', threadIds: ['t1', 't2'] },
      { heading: 'Mexico', threadIds: ['t3'] },
    ]
    expect(compilationSummary({ by: 'delegation', inputs: ['t1', 't2', 't3'].map(input), groups })).toBe('3 written inputs under 2 headings, by delegation')
    expect(compilationSummary({ by: 'paragraph', inputs: [input('t1')], groups: [groups[1]!] })).toBe('1 written input under 1 heading, by paragraph')
    expect(compilationSummary({ by: 'paragraph', inputs: [], groups: [] })).toMatch(/^No written inputs yet/)
  })

  test('counts in the reader’s language, with its plural forms', async () => {
    useMessagesForTests('ru', await loadMessages('ru'))
    expect(writtenInputs(1)).toBe('1 письменный материал')
    expect(writtenInputs(3)).toBe('3 письменных материала')
    expect(writtenInputs(5)).toBe('5 письменных материалов')
    useMessagesForTests('ar', await loadMessages('ar'))
    expect(writtenInputs(2)).toBe('مساهمتان كتابيتان')
    useMessagesForTests('fr', await loadMessages('fr'))
    const groups = [{ heading: 'Kenya (African Group)', threadIds: ['t1', 't2'] }]
    const african = (threadId: string) => ({ ...input(threadId), author: { ...input(threadId).author, regionalGroup: 'african' as const } })
    expect(previewGroups({ by: 'delegation', inputs: [african('t1'), input('t2')], groups })[0]).toMatchObject({
      heading: 'Kenya (Groupe des États d’Afrique)',
      inputs: [{ where: 'Paragraphe 3' }, { where: 'Paragraphe 3' }],
    })
    expect(compilationSummary({ by: 'paragraph', inputs: ['t1', 't2'].map(input), groups })).toBe('2 contributions écrites sous 1 rubrique, par paragraphe')
  })

  test('the fallback file name follows the server', () => {
    expect(compilationFileName('dtg1-2026-a', 'paragraph', 'docx')).toBe('dtg1-2026-a-written-inputs-by-paragraph.docx')
  })

  test('the preview holds the text of every input under its heading: who, where, on what, what they wrote', () => {
    const reply = { author: { name: 'Lars Berg', delegation: 'Sweden', role: 'cofacilitator' as const }, body: 'Noted.', createdAt: 1 }
    const inputs = [
      { ...input('t1'), replies: [reply, reply] },
      { ...input('t2'), author: { name: 'ICT4Peace', delegation: 'ICT4Peace', role: 'stakeholder' as const, regionalGroup: null }, body: 'Add water.', quote: 'hospitals', location: 'R2' },
    ]
    const groups = [
      { heading: 'Kenya', threadIds: ['t1'] },
      { heading: 'ICT4Peace (stakeholder input)', threadIds: ['t2', 'gone'] },
    ]
    expect(previewGroups({ by: 'delegation', inputs, groups })).toEqual([
      {
        heading: 'Kenya',
        count: '1 written input',
        inputs: [{ threadId: 't1', who: 'Wanjiru Kamau', where: 'Paragraph 3', quote: 'supply chain', body: 'Kenya asks for more.', replies: '2 replies' }],
      },
      {
        heading: 'ICT4Peace (stakeholder input)',
        count: '2 written inputs',
        inputs: [{ threadId: 't2', who: 'ICT4Peace', where: 'R2', quote: 'hospitals', body: 'Add water.', replies: null }],
      },
    ])
    // Grouped by paragraph, the heading says where already, and the delegation goes with the name.
    expect(previewGroups({ by: 'paragraph', inputs, groups: [{ heading: 'Paragraph 3', threadIds: ['t1'] }] })[0]!.inputs[0]).toMatchObject({
      who: 'Kenya (Wanjiru Kamau)',
      where: null,
    })
  })
})
