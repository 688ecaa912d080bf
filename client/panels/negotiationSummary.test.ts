import { expect, test } from 'vitest'
import { negotiationSummary } from './negotiationSummary.ts'

test('counts what remains under negotiation', () => {
  expect(negotiationSummary({ brackets: 0, alternatives: 0 })).toBeNull()
  expect(negotiationSummary({ brackets: 1, alternatives: 0 })).toBe('1 bracketed passage')
  expect(negotiationSummary({ brackets: 2, alternatives: 1 })).toBe('2 bracketed passages, 1 block of alternatives')
  expect(negotiationSummary({ brackets: 0, alternatives: 3 })).toBe('3 blocks of alternatives')
})
