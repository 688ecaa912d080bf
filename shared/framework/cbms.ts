/** The global confidence-building measures (A/78/265 Annex A and later progress reports), paraphrased; most numbering is unverified. */
import type { FrameworkElement } from './element.ts'

interface CbmFacts {
  number: number
  title: string
  summary: string
  source: string
  verified: boolean
}

function cbm({ number, ...facts }: CbmFacts): FrameworkElement {
  return { id: `cbm-${number}`, pillar: 'cbms', label: `CBM ${number}`, ...facts }
}

const initialList = 'A/78/265 Annex A'
const thirdProgressReport = 'A/79/214 (third APR, July 2024)'

export const cbms: FrameworkElement[] = [
  cbm({
    number: 1,
    title: 'National points of contact and the Global POC Directory',
    summary: 'States nominate national points of contact for the global directory, agreed in 2022 and launched in May 2024.',
    source:
      'A/78/265 Annex A (initial list); POC Directory agreed 2022 (A/77/275), elements in A/78/265, launched May 2024',
    verified: true,
  }),
  cbm({
    number: 2,
    title: 'Dialogue and exchanges of views at every level',
    summary: 'States hold dialogue and exchange views with one another at all levels.',
    source: initialList,
    verified: false,
  }),
  cbm({
    number: 3,
    title: 'Voluntary exchange of national ICT policies and strategies',
    summary: 'States share their national ICT policies and strategies on a voluntary basis.',
    source: initialList,
    verified: false,
  }),
  cbm({
    number: 4,
    title: 'Regional, sub-regional and cross-regional cooperation on CBMs',
    summary: 'States cooperate on confidence-building within their regions and sub-regions and exchange experience across regions.',
    source: initialList,
    verified: false,
  }),
  cbm({
    number: 5,
    title: 'Working with stakeholders through cooperation and partnerships',
    summary: 'States cooperate and build partnerships with stakeholders on confidence-building.',
    source: initialList,
    verified: false,
  }),
  cbm({
    number: 6,
    title: 'Capacity-building for putting CBMs into practice',
    summary: 'States build the capacity to implement CBMs, for instance through workshops and training.',
    source: initialList,
    verified: false,
  }),
  cbm({
    number: 7,
    title: 'Critical infrastructure protection: information and good practice',
    summary: 'States exchange information and good practice on protecting critical infrastructure; the scope of this CBM is unconfirmed.',
    source: thirdProgressReport,
    verified: false,
  }),
  cbm({
    number: 8,
    title: 'Public-private partnerships on ICT security',
    summary: 'States foster public-private partnerships on ICT security; whether this CBM is instead about vulnerability disclosure is unconfirmed.',
    source: thirdProgressReport,
    verified: false,
  }),
]
