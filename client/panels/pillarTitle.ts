/**
 * A pillar's title in the language in use: the framework's own five titles are translated; a title the secretariat
 * gave in the catalogue is shown as it was written.
 */
import { pillarTitles, type Pillar } from '../../shared/framework/pillars.ts'
import { t } from '../i18n/i18n.ts'

const pillarIds: Record<Pillar, string> = {
  threats: 'panels.pillarThreats',
  norms: 'panels.pillarNorms',
  'international-law': 'panels.pillarInternationalLaw',
  cbms: 'panels.pillarCbms',
  'capacity-building': 'panels.pillarCapacityBuilding',
}

export function pillarTitle(pillar: string, served: string): string {
  const id = pillarIds[pillar as Pillar]
  return id && served === pillarTitles[pillar as Pillar] ? t(id) : served
}
