/** The two Dedicated Thematic Groups of the Global Mechanism: their mandates (agreed) and the focus a policy paper proposes per cycle year (not agreed). */

export type DtgNumber = 1 | 2

/** A policy paper's proposal for a range of cycle years: never the group's expected or agreed agenda. */
export interface ProposedFocus {
  /** Years within the five-year cycle, e.g. "1-2" or "3". */
  years: string
  focus: string
}

export interface Dtg {
  id: `dtg-${DtgNumber}`
  number: DtgNumber
  label: string
  /** The mandate in the words of A/80/257 annex I as quoted by the sources. */
  mandate: string
  source: string
  verified: boolean
  note: string
  proposedFocus: {
    status: 'proposal, not agreed'
    source: string
    years: ProposedFocus[]
  }
}

const mandateSource = 'A/80/257, annex I (endorsed by A/RES/80/16 para 2)'
const mandateNote =
  'Mandate wording corroborated by three independent secondary sources quoting A/80/257 annex I; the primary text was not read.'
const policyPaper = '000_a7d988ca8d820957.txt (policy paper, March 2026)'

export const dtgs: Dtg[] = [
  {
    id: 'dtg-1',
    number: 1,
    label: 'DTG 1',
    mandate:
      'addressing specific challenges in the sphere of ICT security in the context of international security, drawing on the five pillars of the framework',
    source: mandateSource,
    verified: true,
    note: mandateNote,
    proposedFocus: {
      status: 'proposal, not agreed',
      source: policyPaper,
      years: [
        { years: '1-2', focus: 'critical infrastructure protection' },
        { years: '3-4', focus: 'extend, or another challenge such as supply chain security or peaceful settlement of disputes' },
      ],
    },
  },
  {
    id: 'dtg-2',
    number: 2,
    label: 'DTG 2',
    mandate: 'accelerating ICT security capacity-building',
    source: mandateSource,
    verified: true,
    note: mandateNote,
    proposedFocus: {
      status: 'proposal, not agreed',
      source: policyPaper,
      years: [
        { years: '1', focus: 'prevention capacities' },
        { years: '2', focus: 'detection capacities' },
        { years: '3', focus: 'response capacities' },
        { years: '4', focus: 'integrated discussion across the three' },
      ],
    },
  },
]

export function findDtg(number: number): Dtg | undefined {
  return dtgs.find((dtg) => dtg.number === number)
}

/** The policy paper's proposal for a DTG in a cycle year (1-5), if it makes one. */
export function proposedFocusFor(number: number, cycleYear: number): ProposedFocus | undefined {
  return findDtg(number)?.proposedFocus.years.find(({ years }) => {
    const [first, last = first] = years.split('-').map(Number)
    return cycleYear >= first && cycleYear <= last
  })
}
