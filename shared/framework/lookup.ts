/** Lookups of framework elements by id and by pillar; retired elements still resolve but are hidden from pickers. */
import { z } from 'zod'
import type { FrameworkCatalogue, FrameworkElement } from './element.ts'
import { type Pillar, pillars } from './pillars.ts'

export const RefStatus = z.enum(['known', 'retired', 'unknown'])
export type RefStatus = z.infer<typeof RefStatus>

export type ResolvedRef =
  | { status: 'known' | 'retired'; element: FrameworkElement }
  | { status: 'unknown'; element?: undefined }

export function findElement(catalogue: FrameworkCatalogue, id: string): FrameworkElement | undefined {
  return catalogue.elements.find((element) => element.id === id)
}

export function resolveRef(catalogue: FrameworkCatalogue, id: string): ResolvedRef {
  const element = findElement(catalogue, id)
  if (!element) return { status: 'unknown' }
  return { status: element.retired ? 'retired' : 'known', element }
}

export function activeElements(catalogue: FrameworkCatalogue): FrameworkElement[] {
  return catalogue.elements.filter((element) => !element.retired)
}

export interface ElementsByPillarOptions {
  includeRetired?: boolean
}

export function elementsByPillar(
  catalogue: FrameworkCatalogue,
  options: ElementsByPillarOptions = {},
): Record<Pillar, FrameworkElement[]> {
  const grouped = Object.fromEntries(pillars.map((pillar) => [pillar, [] as FrameworkElement[]])) as Record<
    Pillar,
    FrameworkElement[]
  >
  const elements = options.includeRetired ? catalogue.elements : activeElements(catalogue)
  for (const element of elements) grouped[element.pillar].push(element)
  return grouped
}
