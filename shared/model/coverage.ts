/** Coverage: for each pillar and framework element, the recommendations of a draft that link to it. */
import type { FrameworkCatalogue } from '../framework/element.ts'
import { activeElements } from '../framework/lookup.ts'
import { type Pillar, pillars, pillarTitles } from '../framework/pillars.ts'
import { type DraftModel, type ModelRef, recommendationsOf } from './draftModel.ts'

export interface ElementCoverage {
  id: string
  label: string
  title?: string
  status: ModelRef['status']
  recommendationIds: string[]
}

export interface PillarCoverage {
  pillar: Pillar
  title: string
  /** Recommendations linking to any element of the pillar, in document order, each once. */
  recommendationIds: string[]
  elements: ElementCoverage[]
}

export interface Coverage {
  pillars: PillarCoverage[]
  /** Links to ids the catalogue does not know. */
  unknown: ElementCoverage[]
}

function unique(ids: string[]): string[] {
  return [...new Set(ids)]
}

/**
 * Elements appear in the order recommendations first link to them. Given the catalogue, every active element of the
 * framework (not the Global Mechanism's tools nor related notes, unless linked) is listed (those no recommendation links to have an empty list), in catalogue order. Recommendations without an id,
 * which validateDraft reports, are left out.
 */
export function coverage(model: DraftModel, catalogue?: FrameworkCatalogue): Coverage {
  const byElement = new Map<string, ElementCoverage>()
  const elementPillar = new Map<string, Pillar | undefined>()

  const entry = (ref: ModelRef): ElementCoverage => {
    let found = byElement.get(ref.id)
    if (!found) {
      found = { id: ref.id, label: ref.label, title: ref.title, status: ref.status, recommendationIds: [] }
      byElement.set(ref.id, found)
      elementPillar.set(ref.id, ref.pillar)
    }
    return found
  }

  // Tools and related notes are not elements of the framework: listed only where a recommendation links to them.
  for (const element of catalogue ? activeElements(catalogue) : []) if (!element.kind) entry({ ...element, status: 'known' })
  for (const recommendation of recommendationsOf(model)) {
    if (recommendation.id === null) continue
    for (const ref of recommendation.refs) entry(ref).recommendationIds.push(recommendation.id)
  }

  const elements = [...byElement.values()].map((element) => ({
    ...element,
    recommendationIds: unique(element.recommendationIds),
  }))
  const inPillar = (pillar: Pillar | undefined) => elements.filter((element) => elementPillar.get(element.id) === pillar)

  return {
    pillars: pillars.map((pillar) => {
      const pillarElements = inPillar(pillar)
      return {
        pillar,
        title: pillarTitles[pillar],
        recommendationIds: orderedAsInModel(model, pillarElements.flatMap((element) => element.recommendationIds)),
        elements: pillarElements,
      }
    }),
    unknown: inPillar(undefined),
  }
}

function orderedAsInModel(model: DraftModel, ids: string[]): string[] {
  const linked = new Set(ids)
  const inOrder = recommendationsOf(model).map((recommendation) => recommendation.id)
  return unique(inOrder.filter((id): id is string => id !== null && linked.has(id)))
}
