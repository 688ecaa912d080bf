/** The capacity-building principles (A/75/816 para 56) in their three groups, paraphrased. */
import type { FrameworkElement } from './element.ts'

export type CapacityBuildingGroup = 'process-and-purpose' | 'partnerships' | 'people'

interface PrincipleFacts {
  number: number
  group: CapacityBuildingGroup
  title: string
  summary: string
  verified: boolean
}

function principle({ number, ...facts }: PrincipleFacts): FrameworkElement {
  return {
    id: `cbp-${number}`,
    pillar: 'capacity-building',
    label: `CBP ${number}`,
    source: 'A/75/816 para 56',
    ...facts,
  }
}

export const capacityBuildingPrinciples: FrameworkElement[] = [
  principle({
    number: 1,
    group: 'process-and-purpose',
    title: 'A sustainable process by and for many actors',
    summary: 'Capacity-building is a lasting process, carried out by and for a range of different actors.',
    verified: true,
  }),
  principle({
    number: 2,
    group: 'process-and-purpose',
    title: 'Clear purpose, focused on results',
    summary: 'Each effort has a clear purpose, is geared to results and serves the objective the States share.',
    verified: true,
  }),
  principle({
    number: 3,
    group: 'process-and-purpose',
    title: 'Evidence-based, neutral, transparent and unconditional',
    summary: 'Activities are based on evidence, politically neutral, transparent and accountable, and carry no conditions.',
    verified: true,
  }),
  principle({
    number: 4,
    group: 'process-and-purpose',
    title: 'State sovereignty fully respected',
    summary: 'Capacity-building respects the sovereignty of States in full.',
    verified: true,
  }),
  principle({
    number: 5,
    group: 'process-and-purpose',
    title: 'Access to relevant technologies',
    summary: 'Capacity-building makes it easier to obtain the technologies that matter for it.',
    verified: false,
  }),
  principle({
    number: 6,
    group: 'partnerships',
    title: 'Trust, demand and national ownership',
    summary: 'Partnerships rest on mutual trust, answer actual demand, are nationally owned and are entered into voluntarily.',
    verified: true,
  }),
  principle({
    number: 7,
    group: 'partnerships',
    title: 'Tailored support with shared, differentiated responsibilities',
    summary: 'Support fits the needs at hand; partners share responsibilities in differing measure, monitoring and evaluation included.',
    verified: false,
  }),
  principle({
    number: 8,
    group: 'partnerships',
    title: 'Confidentiality of national policies and plans',
    summary: 'Partners keep the national policies and plans of the States they work with confidential.',
    verified: true,
  }),
  principle({
    number: 9,
    group: 'people',
    title: 'Rights-respecting, gender-sensitive and inclusive',
    summary: 'Capacity-building respects human rights, takes gender into account, and is inclusive, universal and non-discriminatory.',
    verified: true,
  }),
  principle({
    number: 10,
    group: 'people',
    title: 'Confidentiality of sensitive information',
    summary: 'Sensitive information that capacity-building handles is kept confidential.',
    verified: false,
  }),
]
