/** The framework picker's list: active elements matching the search, grouped by pillar in pillar order. */
import type { FrameworkCatalogue, FrameworkElement } from '../../shared/framework/element.ts'
import { pillars, pillarTitles, type Pillar } from '../../shared/framework/pillars.ts'
import { searchCatalogue } from '../../shared/framework/searchCatalogue.ts'

export interface PickerGroup {
  pillar: Pillar
  title: string
  elements: FrameworkElement[]
}

export function pickerGroups(catalogue: FrameworkCatalogue, query: string, titles: Partial<Record<Pillar, string>> = {}): PickerGroup[] {
  const hits = searchCatalogue(catalogue, query)
  return pillars
    .map((pillar) => ({
      pillar,
      title: titles[pillar] ?? pillarTitles[pillar],
      elements: hits.filter((element) => element.pillar === pillar),
    }))
    .filter((group) => group.elements.length > 0)
}
