import { beforeAll, expect, test } from 'vitest'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { dtgContext } from './dtgContext.ts'

beforeAll(async () => {
  useMessagesForTests('en', await loadMessages('en'))
})

test('gives the mandate with its source and the year-1 proposal, worded as a proposal and never as expected or agreed', () => {
  const context = dtgContext(1, 2026)!
  expect(context.mandate).toMatch(/^addressing specific challenges/)
  expect(context.mandateSource).toContain('A/RES/80/16')
  expect(context.cycleYear).toBe(1)
  expect(context.proposal?.text).toContain('critical infrastructure protection')
  expect(context.proposal?.text).toContain('a proposal, not agreed')
  expect(context.proposal?.text).not.toMatch(/expected|will focus|agreed focus/i)
  expect(context.meetings).toEqual(['organizational session: 30-31 March 2026', 'first substantive plenary: 20-24 July 2026', 'DTG meetings: 7-11 December 2026'])
})

test('has no proposal where the paper makes none, no dates outside 2026, nothing for an unknown DTG', () => {
  expect(dtgContext(1, 2030)).toMatchObject({ cycleYear: 5, proposal: null, meetings: [] })
  expect(dtgContext(2, 2029)?.proposal?.text).toContain('integrated discussion across the three')
  expect(dtgContext(3, 2026)).toBeNull()
})

test('in French, the mandate, the proposal and the meetings are French, the dates too', async () => {
  useMessagesForTests('fr', await loadMessages('fr'))
  try {
    const context = dtgContext(1, 2026)!
    expect(context.proposal?.text).toContain('infrastructures critiques')
    expect(context.meetings[2]).toMatch(/décembre 2026$/)
  } finally {
    useMessagesForTests('en', await loadMessages('en'))
  }
})
