import { beforeAll, expect, test } from 'vitest'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { negotiationSummary } from './negotiationSummary.ts'

beforeAll(async () => {
  useMessagesForTests('en', await loadMessages('en'))
})

test('counts what remains under negotiation', () => {
  expect(negotiationSummary({ brackets: 0, alternatives: 0 })).toBeNull()
  expect(negotiationSummary({ brackets: 1, alternatives: 0 })).toBe('1 bracketed passage')
  expect(negotiationSummary({ brackets: 2, alternatives: 1 })).toBe('2 bracketed passages, 1 block of alternatives')
  expect(negotiationSummary({ brackets: 0, alternatives: 3 })).toBe('3 blocks of alternatives')
})
