/** The catalogue shipped with the workspace, in pillar order; the secretariat overrides it with mergeCatalogue. */
import { capacityBuildingPrinciples } from './capacityBuildingPrinciples.ts'
import { cbms } from './cbms.ts'
import type { FrameworkCatalogue } from './element.ts'
import { internationalLaw } from './internationalLaw.ts'
import { norms } from './norms.ts'
import { threats } from './threats.ts'

export const builtInCatalogue: FrameworkCatalogue = {
  version: 'builtin-1',
  elements: [threats, ...norms, ...internationalLaw, ...cbms, ...capacityBuildingPrinciples],
}
