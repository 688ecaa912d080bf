/** The Global Mechanism's standing tools and processes, linkable under their pillars; the draft norms checklist is not agreed. */
import type { FrameworkElement } from './element.ts'

export const mechanismTools: FrameworkElement[] = [
  {
    id: 'tool-poc-directory',
    pillar: 'cbms',
    kind: 'mechanism-tool',
    label: 'POC Directory',
    title: 'Global intergovernmental Points of Contact Directory',
    summary: "A voluntary standing tool of the Global Mechanism for contact between States' diplomatic and technical points of contact; relates to CBM 1.",
    source: 'A/79/214 annex C; A/RES/78/237',
    verified: true,
  },
  {
    id: 'tool-portal',
    pillar: 'capacity-building',
    kind: 'mechanism-tool',
    label: 'Capacity-Building Portal',
    title: 'Global ICT Security Cooperation and Capacity-Building Portal',
    summary: 'A dedicated portal for cooperation and capacity-building, established in accordance with A/80/257.',
    source: 'A/RES/80/16 para 3',
    verified: true,
  },
  {
    id: 'process-cb-roundtables',
    pillar: 'capacity-building',
    kind: 'mechanism-tool',
    label: 'CB roundtables',
    title: 'Global roundtables on ICT security capacity-building',
    summary: 'Global roundtables on capacity-building convened by States; the first was held in May 2024.',
    source: 'A/80/257 (paragraph unverified)',
    verified: false,
    note: 'The roundtables are named in A/80/257; the paragraph could not be checked.',
  },
  {
    id: 'doc-norms-checklist',
    pillar: 'norms',
    kind: 'mechanism-tool',
    agreed: false,
    label: 'Norms checklist (draft)',
    title: 'Norms implementation checklist (draft, not agreed)',
    summary: "The Chair's draft checklist on implementing the norms, left open for discussion in the Global Mechanism with a view to its finalization; not agreed text.",
    source: 'OEWG 2021-2025 zero draft of the final report, annex; deferred by A/80/257',
    verified: false,
    note: 'A draft left open for discussion, not agreed text; where A/80/257 defers it could not be checked.',
  },
]
