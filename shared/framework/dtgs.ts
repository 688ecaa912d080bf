/** The two Dedicated Thematic Groups of the Global Mechanism, their mandates and their expected focus per cycle year. */

export type DtgNumber = 1 | 2

export interface YearFocus {
  /** Year within the five-year cycle (1-4: DTG meetings; 5: review conference). */
  cycleYear: number
  focus: string
  source: string
  verified: boolean
}

export interface Dtg {
  id: `dtg-${DtgNumber}`
  number: DtgNumber
  label: string
  mandate: string
  source: string
  verified: boolean
  focusByYear: YearFocus[]
}

const mandateSource = 'A/80/257, as quoted in the policy paper seed'
const focusSource = 'Project design notes (not in the reference data)'

export const globalMechanismCycle = {
  years: 5,
  dtgMeetingYears: [1, 2, 3, 4],
  reviewConferenceYear: 5,
  summary: 'Plenary sessions and informal DTG meetings in years 1-4, a review conference in year 5; DTGs send recommendations to the plenary, which alone decides, by consensus.',
  verified: true,
} as const

export const dtgs: Dtg[] = [
  {
    id: 'dtg-1',
    number: 1,
    label: 'DTG 1',
    mandate: 'Takes up specific ICT security challenges as they bear on international security.',
    source: mandateSource,
    verified: true,
    focusByYear: [1, 2].map((cycleYear) => ({
      cycleYear,
      focus: 'Critical infrastructure protection (expected)',
      source: focusSource,
      verified: false,
    })),
  },
  {
    id: 'dtg-2',
    number: 2,
    label: 'DTG 2',
    mandate: 'Speeds up capacity-building in ICT security.',
    source: mandateSource,
    verified: true,
    focusByYear: (
      [
        [1, 'Prevention'],
        [2, 'Detection'],
        [3, 'Response'],
        [4, 'Integrated approach'],
      ] as const
    ).map(([cycleYear, focus]) => ({ cycleYear, focus, source: focusSource, verified: false })),
  },
]

export function findDtg(number: number): Dtg | undefined {
  return dtgs.find((dtg) => dtg.number === number)
}

export function dtgFocus(number: number, cycleYear: number): YearFocus | undefined {
  return findDtg(number)?.focusByYear.find((focus) => focus.cycleYear === cycleYear)
}
