/** Lookups of framework elements by id; retired elements still resolve but are hidden from pickers. */
import { z } from 'zod'
import type { FrameworkCatalogue, FrameworkElement } from './element.ts'

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
