/** The global confidence-building measures (A/78/265 annex A and later progress reports), paraphrased; most numbering is unverified. */
import type { FrameworkElement } from './element.ts'

interface CbmFacts {
  number: number
  title: string
  summary: string
  source: string
  verified: boolean
  note?: string
}

function cbm({ number, ...facts }: CbmFacts): FrameworkElement {
  return { id: `cbm-${number}`, pillar: 'cbms', label: `CBM ${number}`, ...facts }
}

const initialList = 'A/78/265 Annex A'
const thirdProgressReport = 'A/79/214 (third APR, July 2024)'
const initialListNote =
  'The numbering and wording of CBMs 2-6 in A/78/265 annex A could not be checked (the annex text was not reachable), nor whether the 2023 list had six. Confirmed: eight CBMs in total, CBM 1 being the POC Directory.'
const cbm7Note =
  'The numbering and wording of CBM 7 in A/79/214 could not be checked (the text was not reachable). Confirmed: eight CBMs in total.'

export const cbms: FrameworkElement[] = [
  cbm({
    number: 1,
    title: 'National points of contact and the Global POC Directory',
    summary: 'States nominate national points of contact for the global directory, agreed in 2022 and launched in May 2024.',
    source:
      'A/78/265 annex A (initial list); POC Directory agreed 2022 (A/77/275), welcomed by A/RES/78/237, launched May 2024; a voluntary standing tool of the Global Mechanism (A/79/214 annex C)',
    verified: true,
  }),
  cbm({
    number: 2,
    title: 'Dialogue and exchanges of views at every level',
    summary: 'States hold dialogue and exchange views with one another at all levels.',
    source: initialList,
    verified: false,
    note: initialListNote,
  }),
  cbm({
    number: 3,
    title: 'Voluntary exchange of national ICT policies and strategies',
    summary: 'States share their national ICT policies and strategies on a voluntary basis.',
    source: initialList,
    verified: false,
    note: initialListNote,
  }),
  cbm({
    number: 4,
    title: 'Regional, sub-regional and cross-regional cooperation on CBMs',
    summary: 'States cooperate on confidence-building within their regions and sub-regions and exchange experience across regions.',
    source: initialList,
    verified: false,
    note: initialListNote,
  }),
  cbm({
    number: 5,
    title: 'Working with stakeholders through cooperation and partnerships',
    summary: 'States cooperate and build partnerships with stakeholders on confidence-building.',
    source: initialList,
    verified: false,
    note: initialListNote,
  }),
  cbm({
    number: 6,
    title: 'Capacity-building for putting CBMs into practice',
    summary: 'States build the capacity to implement CBMs, for instance through workshops and training.',
    source: initialList,
    verified: false,
    note: initialListNote,
  }),
  cbm({
    number: 7,
    title: 'Critical infrastructure protection: information and good practice',
    summary: 'States exchange information and good practice on protecting critical infrastructure.',
    source: thirdProgressReport,
    verified: false,
    note: cbm7Note,
  }),
  cbm({
    number: 8,
    title: 'Public-private partnerships on ICT security',
    summary: 'States strengthen public-private partnerships and cooperation on ICT security.',
    source: thirdProgressReport,
    verified: false,
    note: 'Public-private partnerships is supported by expert commentary only (the A/79/214 text was not read); keep editable.',
  }),
]
