/** A colour per regional group, from the Okabe-Ito palette (told apart with the common colour-vision deficiencies); grey for no group. */
import type { ParticipationGroupId } from '../api/members.ts'

export const groupColours: Record<ParticipationGroupId, string> = {
  african: '#E69F00',
  'asia-pacific': '#009E73',
  'eastern-european': '#CC79A7',
  'latin-american-caribbean': '#D55E00',
  weog: '#0072B2',
  none: '#8C8C8C',
}

export function groupColour(id: string): string {
  return groupColours[id as ParticipationGroupId] ?? '#5f6368'
}
