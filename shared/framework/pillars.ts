/** The five pillars of the framework of responsible State behaviour in the use of ICTs, in their customary order. */
import type { z } from 'zod'
import { oneOf } from '../schema/fields.ts'

export const pillars = ['threats', 'norms', 'international-law', 'cbms', 'capacity-building'] as const
export const Pillar = oneOf('pillar', pillars)
export type Pillar = z.infer<typeof Pillar>

export const pillarTitles: Record<Pillar, string> = {
  threats: 'Existing and potential threats',
  norms: 'Rules, norms and principles of responsible State behaviour',
  'international-law': 'International law',
  cbms: 'Confidence-building measures',
  'capacity-building': 'Capacity-building',
}
