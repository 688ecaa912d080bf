import { beforeEach, describe, expect, test } from 'vitest'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { chipLabel, stanceSummary, type Suggestion } from './suggestion.ts'

beforeEach(async () => useMessagesForTests('en', await loadMessages('en')))

const base: Suggestion = {
  id: 'p1',
  kind: 'replace',
  anchor: { start: '', end: '', quote: 'politically neutral' },
  recommendationId: null,
  open: true,
  text: 'impartial',
  addedRefs: [],
  removedRefs: [],
  proposer: 'Kenya',
  supporters: [],
  objections: [],
}

describe('what a suggestion says about its stances', () => {
  test('names the proposer, the supporters and each objection with its reason', () => {
    expect(stanceSummary(base)).toBe('Proposed by Kenya; no stances yet')
    expect(stanceSummary({ ...base, supporters: ['Brazil', 'Norway'], objections: [{ delegation: 'Egypt', reason: 'too broad' }] })).toBe(
      'Proposed by Kenya; supported by Brazil and Norway; objection: Egypt (too broad)',
    )
    expect(stanceSummary({ ...base, supporters: ['Brazil', 'Norway', 'Chile'], objections: [{ delegation: 'Egypt', reason: null }, { delegation: 'China', reason: 'premature' }] })).toBe(
      'Proposed by Kenya; supported by Brazil, Norway and Chile; objections: Egypt and China (premature)',
    )
  })

  test('the chip is read out with what is proposed and the counts', () => {
    expect(chipLabel({ ...base, supporters: ['Brazil'], objections: [{ delegation: 'Egypt', reason: null }, { delegation: 'China', reason: null }] })).toBe(
      'Proposed replacement by Kenya: 1 supporter, 2 objections',
    )
    expect(chipLabel({ ...base, kind: 'paragraph' })).toBe('Proposed new paragraph by Kenya: 0 supporters, 0 objections')
  })

  test('in another language, with its list and plural conventions; delegations as they are', async () => {
    useMessagesForTests('es', await loadMessages('es'))
    expect(stanceSummary({ ...base, supporters: ['Brazil', 'Norway'], objections: [{ delegation: 'Egypt', reason: null }] })).toBe(
      'Propuesta de Kenya; apoyada por Brazil y Norway; objeción: Egypt',
    )
    useMessagesForTests('ru', await loadMessages('ru'))
    expect(chipLabel({ ...base, kind: 'delete', objections: [{ delegation: 'Egypt', reason: null }, { delegation: 'China', reason: null }] })).toBe(
      'Предлагаемое исключение (Kenya): 0 голосов в поддержку, 2 возражения',
    )
  })
})
