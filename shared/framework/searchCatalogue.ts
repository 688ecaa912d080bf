/** Search of the active catalogue elements by id, label, title and pillar, exact id or label first. */
import type { FrameworkCatalogue, FrameworkElement } from './element.ts'
import { activeElements } from './lookup.ts'
import { pillarTitles } from './pillars.ts'

/** "Norm g", "norm-g" and "NORM G" all compact to "normg". */
function compact(text: string): string {
  return text.toLowerCase().replace(/[\s\-_.]+/g, '')
}

function words(text: string): string[] {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean)
}

const Rank = {
  ExactIdOrLabel: 0,
  IdOrLabelPrefix: 1,
  TitleWordPrefix: 2,
  AllTermsAnywhere: 3,
  NoMatch: 4,
} as const
type Rank = (typeof Rank)[keyof typeof Rank]

function rank(element: FrameworkElement, query: string): Rank {
  const key = compact(query)
  const idAndLabel = [compact(element.id), compact(element.label)]
  if (idAndLabel.includes(key)) return Rank.ExactIdOrLabel
  if (idAndLabel.some((candidate) => candidate.startsWith(key))) return Rank.IdOrLabelPrefix

  const terms = words(query)
  const titleWords = words(element.title)
  if (terms.length > 0 && terms.every((term) => titleWords.some((word) => word.startsWith(term)))) {
    return Rank.TitleWordPrefix
  }

  const haystack = [element.id, element.label, element.title, element.pillar, pillarTitles[element.pillar]]
    .join(' ')
    .toLowerCase()
  const rawTerms = query.toLowerCase().split(/\s+/).filter(Boolean)
  return rawTerms.every((term) => haystack.includes(term)) ? Rank.AllTermsAnywhere : Rank.NoMatch
}

/** Active elements matching every term of the query, best first, catalogue order within a rank; an empty query lists them all. */
export function searchCatalogue(catalogue: FrameworkCatalogue, query: string): FrameworkElement[] {
  const elements = activeElements(catalogue)
  if (compact(query) === '') return elements
  return elements
    .map((element, order) => ({ element, order, rank: rank(element, query) }))
    .filter((hit) => hit.rank !== Rank.NoMatch)
    .sort((a, b) => a.rank - b.rank || a.order - b.order)
    .map((hit) => hit.element)
}
