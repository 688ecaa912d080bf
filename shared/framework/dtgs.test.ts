import { describe, expect, it } from 'vitest'
import { cycleYearOf, globalMechanismCycle, meetingDates } from './cycle.ts'
import { dtgs, findDtg, proposedFocusFor } from './dtgs.ts'
import { referenceFacts } from '../../tests/helpers/referenceFacts.ts'

const reference = referenceFacts

describe('dtgs', () => {
  it('has DTG 1 and DTG 2, their mandates citing A/80/257 annex I as endorsed by A/RES/80/16', () => {
    expect(dtgs.map((dtg) => [dtg.id, dtg.label])).toEqual([
      ['dtg-1', 'DTG 1'],
      ['dtg-2', 'DTG 2'],
    ])
    expect(findDtg(2)?.mandate).toMatch(/capacity-building/)
    for (const dtg of dtgs) expect(dtg.source).toMatch(/^A\/80\/257, annex I .*A\/RES\/80\/16/)
  })

  it.skipIf(!reference)('follows the reference: mandates, sources, notes and the proposed focus, marked as a proposal', () => {
    expect(
      dtgs.map((dtg) => ({
        id: dtg.id,
        mandate: dtg.mandate,
        source: dtg.source,
        verified: dtg.verified,
        note: dtg.note,
        proposedFocus: { ...dtg.proposedFocus, years: Object.fromEntries(dtg.proposedFocus.years.map(({ years, focus }) => [years, focus])) },
      })),
    ).toEqual(reference!.dtgs)
    for (const dtg of dtgs) expect(dtg.proposedFocus.status).toBe('proposal, not agreed')
  })

  it('gives the proposed focus of a DTG in a cycle year, and none where the paper proposes none', () => {
    expect([1, 2, 3, 4].map((year) => proposedFocusFor(2, year)?.focus)).toEqual([
      'prevention capacities',
      'detection capacities',
      'response capacities',
      'integrated discussion across the three',
    ])
    expect(proposedFocusFor(1, 2)?.focus).toBe('critical infrastructure protection')
    expect(proposedFocusFor(1, 5)).toBeUndefined()
    expect(proposedFocusFor(3, 1)).toBeUndefined()
  })
})

describe('globalMechanismCycle', () => {
  it('has DTG meetings in years 1-4 and a review conference in year 5, 2026 being year 1', () => {
    expect(globalMechanismCycle.dtgMeetingYears).toEqual([1, 2, 3, 4])
    expect(globalMechanismCycle.reviewConferenceYear).toBe(5)
    expect([2026, 2027, 2030, 2031].map(cycleYearOf)).toEqual([1, 2, 5, 1])
  })

  it('writes meeting dates in UN style', () => {
    expect(meetingDates({ name: 'x', start: '2026-03-30', end: '2026-04-02' })).toBe('30 March-2 April 2026')
    expect(meetingDates({ name: 'x', start: '2026-12-07', end: '2026-12-07' })).toBe('7 December 2026')
  })

  it.skipIf(!reference)('follows the reference: the cycle, chair, secretariat, source and the 2026 dates', () => {
    const { years, chair, secretariat, source, verified, meetings2026 } = globalMechanismCycle
    expect({ years, chair, secretariat, source, verified, dates2026: Object.fromEntries(meetings2026.map((meeting) => [meeting.name, meetingDates(meeting)])) }).toEqual(
      reference!.cycle,
    )
  })
})
