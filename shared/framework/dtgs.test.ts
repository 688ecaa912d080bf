import { describe, expect, it } from 'vitest'
import { dtgFocus, dtgs, findDtg, globalMechanismCycle } from './dtgs.ts'

describe('dtgs', () => {
  it('has DTG 1 and DTG 2 with their mandates and sources', () => {
    expect(dtgs.map((dtg) => [dtg.id, dtg.label])).toEqual([
      ['dtg-1', 'DTG 1'],
      ['dtg-2', 'DTG 2'],
    ])
    expect(findDtg(2)?.mandate).toMatch(/capacity-building/)
    expect(dtgs.every((dtg) => dtg.source.startsWith('A/80/257'))).toBe(true)
  })

  it('gives the focus of a DTG in a cycle year, unverified, and none where it is not known', () => {
    expect([1, 2, 3, 4].map((year) => dtgFocus(2, year)?.focus)).toEqual([
      'Prevention',
      'Detection',
      'Response',
      'Integrated approach',
    ])
    expect(dtgFocus(1, 1)?.focus).toMatch(/critical infrastructure/i)
    expect(dtgFocus(1, 3)).toBeUndefined()
    expect(dtgFocus(3, 1)).toBeUndefined()
    expect(dtgs.flatMap((dtg) => dtg.focusByYear).every((focus) => focus.verified === false)).toBe(true)
  })

  it('has DTG meetings in years 1-4 and a review conference in year 5', () => {
    expect(globalMechanismCycle.dtgMeetingYears).toEqual([1, 2, 3, 4])
    expect(globalMechanismCycle.reviewConferenceYear).toBe(5)
  })
})
