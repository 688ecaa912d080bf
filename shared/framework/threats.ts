/** The threats pillar: it has no numbered elements, so a recommendation links to the pillar as a whole. */
import type { FrameworkElement } from './element.ts'

export const threats: FrameworkElement = {
  id: 'threats',
  pillar: 'threats',
  label: 'Threats',
  title: 'Existing and potential threats',
  summary: 'The threats pillar as a whole (for example ransomware, AI-enabled operations or supply-chain compromise); it has no numbered elements.',
  source: 'Framework pillar; no numbered catalogue',
  verified: false,
}
