/** The annex of framework coverage as rows every writer lays out alike: pillar, element, the recommendations linking to it. */
import type { Coverage, ElementCoverage } from '../../shared/model/coverage.ts'
import { type DraftModel, recommendationsOf } from '../../shared/model/draftModel.ts'
import { recommendationLabel } from './citation.ts'

export const annexTitle = 'Annex: Framework coverage'
export const notCovered = 'Not covered'
export const unknownElementsTitle = 'Not in the framework catalogue'

export interface AnnexRow {
  /** "Norm g — Protect critical infrastructure"; retired elements say so. */
  element: string
  /** "R1, R4", or "Not covered". */
  recommendations: string
}

export interface AnnexPillar {
  title: string
  /** Empty when the pillar has no element listed and none linked. */
  rows: AnnexRow[]
}

function elementName(element: ElementCoverage): string {
  const label = element.status === 'retired' ? `${element.label} (retired)` : element.label
  return element.title ? `${label} — ${element.title}` : label
}

/** Every pillar in order, then links the catalogue does not know (only when there are any). */
export function coverageAnnex(model: DraftModel, coverage: Coverage): AnnexPillar[] {
  const numbers = new Map<string, number>()
  for (const recommendation of recommendationsOf(model)) {
    if (recommendation.id !== null) numbers.set(recommendation.id, recommendation.number)
  }
  const row = (element: ElementCoverage): AnnexRow => {
    const labels = element.recommendationIds.flatMap((id) => {
      const number = numbers.get(id)
      return number === undefined ? [] : [recommendationLabel(number)]
    })
    return { element: elementName(element), recommendations: labels.length > 0 ? labels.join(', ') : notCovered }
  }
  const annex = coverage.pillars.map((pillar) => ({ title: pillar.title, rows: pillar.elements.map(row) }))
  return coverage.unknown.length > 0 ? [...annex, { title: unknownElementsTitle, rows: coverage.unknown.map(row) }] : annex
}
