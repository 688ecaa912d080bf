/** The catalogue shipped with the workspace, in pillar order; the secretariat overrides it with mergeCatalogue. */
import { capacityBuildingPrinciples } from './capacityBuildingPrinciples.ts'
import { cbms } from './cbms.ts'
import type { FrameworkCatalogue, FrameworkElement } from './element.ts'
import { internationalLaw } from './internationalLaw.ts'
import { mechanismTools } from './mechanismTools.ts'
import { norms } from './norms.ts'
import { pillars } from './pillars.ts'
import { threats } from './threats.ts'

const agreedElements: FrameworkElement[] = [...threats, ...norms, ...internationalLaw, ...cbms, ...capacityBuildingPrinciples]

/** Each pillar's elements, then the Global Mechanism's tools under that pillar. */
export const builtInCatalogue: FrameworkCatalogue = {
  version: 'builtin-2',
  elements: pillars.flatMap((pillar) => [
    ...agreedElements.filter((element) => element.pillar === pillar),
    ...mechanismTools.filter((tool) => tool.pillar === pillar),
  ]),
}
