/** The Global Mechanism's five-year cycle and its 2026 meetings (A/79/214 annex C, A/80/257 annex I). */

export interface CycleMeeting {
  name: string
  /** ISO dates, first and last day. */
  start: string
  end: string
}

export const globalMechanismCycle = {
  years:
    'five-year cycle: two biennial cycles (plenary sessions and informal DTG meetings in years 1-4), then a one-year review cycle with a review conference in year 5; DTGs report updates and recommendations to the plenary, which alone takes decisions, based on the principle of consensus',
  /** Calendar year of cycle year 1 of the first cycle. */
  firstYear: 2026,
  dtgMeetingYears: [1, 2, 3, 4],
  reviewConferenceYear: 5,
  chair: 'elected for two years (one year during the review cycle)',
  secretariat: 'UNODA',
  meetings2026: [
    { name: 'organizational session', start: '2026-03-30', end: '2026-03-31' },
    { name: 'first substantive plenary', start: '2026-07-20', end: '2026-07-24' },
    { name: 'DTG meetings', start: '2026-12-07', end: '2026-12-11' },
  ] satisfies CycleMeeting[],
  source: 'A/79/214 annex C and A/80/257 annex I, endorsed by A/RES/80/16; dates from the UNODA meetings page',
  verified: true,
} as const

/** The year within the five-year cycle (1-5) of a calendar year. */
export function cycleYearOf(calendarYear: number): number {
  return ((((calendarYear - globalMechanismCycle.firstYear) % 5) + 5) % 5) + 1
}

const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December']

/** "7-11 December 2026", "30 March-2 April 2026": UN style, day before month. */
export function meetingDates({ start, end }: CycleMeeting): string {
  const [startYear, startMonth, startDay] = start.split('-').map(Number)
  const [endYear, endMonth, endDay] = end.split('-').map(Number)
  const last = `${endDay} ${months[endMonth - 1]} ${endYear}`
  if (startYear !== endYear) return `${startDay} ${months[startMonth - 1]} ${startYear}-${last}`
  if (startMonth !== endMonth) return `${startDay} ${months[startMonth - 1]}-${last}`
  return startDay === endDay ? last : `${startDay}-${last}`
}
