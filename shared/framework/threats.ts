/** The threats pillar: no numbered catalogue, so a recommendation links to the pillar as a whole or to a labelled threat. */
import type { FrameworkElement } from './element.ts'

const threatsNote =
  'Threats is a pillar without a numbered catalogue; recommendations may link to the pillar itself, optionally with a threat label. The labels below come from news and expert summaries of the reports; paragraph numbers unverified.'

const threatsPillar: FrameworkElement = {
  id: 'threats',
  pillar: 'threats',
  label: 'Threats',
  title: 'Existing and potential threats',
  summary: 'The threats pillar as a whole; it has no numbered elements. Link a labelled threat as well where one fits.',
  source: 'Framework pillar; no numbered catalogue',
  verified: false,
  note: threatsNote,
}

interface ThreatFacts {
  slug: string
  label: string
  title: string
  source: string
}

function threat({ slug, label, title, source }: ThreatFacts): FrameworkElement {
  return {
    id: `threat-${slug}`,
    pillar: 'threats',
    label,
    title,
    summary: `A threat named in ${source}; the paragraph is unverified.`,
    source,
    verified: false,
    note: threatsNote,
  }
}

const finalReport = 'A/80/257'

export const threats: FrameworkElement[] = [
  threatsPillar,
  threat({ slug: 'ransomware', label: 'Ransomware', title: 'Ransomware', source: 'A/78/265 (2023 annual progress report)' }),
  threat({
    slug: 'intrusion-capabilities',
    label: 'Intrusion capabilities',
    title: 'Commercially available ICT intrusion capabilities',
    source: 'A/79/214 (2024 annual progress report)',
  }),
  threat({
    slug: 'ai-systems',
    label: 'AI systems',
    title: 'Security and safety of AI systems and of the data used to train them',
    source: 'A/80/257 (final report, 2025)',
  }),
  threat({ slug: 'quantum', label: 'Quantum computing', title: 'Quantum computing', source: finalReport }),
  threat({ slug: 'undersea-cables', label: 'Undersea cables', title: 'Undersea cables and other critical infrastructure', source: finalReport }),
  threat({
    slug: 'malicious-software',
    label: 'Malicious software',
    title: 'Malicious ICT activities and malicious software',
    source: finalReport,
  }),
]
