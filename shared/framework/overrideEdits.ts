/** The catalogue editor's changes as pure edits of the secretariat's override: put an element, retire it, restore it. */
import { type CatalogueOverride, type CatalogueOverrideEntry, type FrameworkElement, isRetirement } from './element.ts'

export const emptyOverride: CatalogueOverride = { version: 'none', elements: [] }

function replaceEntry(override: CatalogueOverride, id: string, entry: CatalogueOverrideEntry | null): CatalogueOverrideEntry[] {
  const index = override.elements.findIndex((candidate) => candidate.id === id)
  if (entry === null) return override.elements.filter((candidate) => candidate.id !== id)
  if (index === -1) return [...override.elements, entry]
  return override.elements.map((candidate, at) => (at === index ? entry : candidate))
}

function withoutRetiredFlag({ retired: _retired, ...element }: FrameworkElement): FrameworkElement {
  return element
}

/** Adds or replaces an element (retired if it says so); identical to its built-in self, the override entry goes. */
export function putElement(override: CatalogueOverride, builtIn: readonly FrameworkElement[], element: FrameworkElement, version: string): CatalogueOverride {
  const entry = element.retired ? element : withoutRetiredFlag(element)
  const original = builtIn.find((candidate) => candidate.id === element.id)
  const same = original !== undefined && JSON.stringify(withoutRetiredFlag(original)) === JSON.stringify(entry)
  return { version, elements: replaceEntry(override, element.id, same ? null : entry) }
}

/** Retires an element, keeping its wording so links to it still resolve: a bare retirement for an untouched built-in one. */
export function retireElement(override: CatalogueOverride, current: FrameworkElement, builtIn: readonly FrameworkElement[], version: string): CatalogueOverride {
  const entry = override.elements.find((candidate) => candidate.id === current.id)
  const builtInOnly = builtIn.some((candidate) => candidate.id === current.id) && (entry === undefined || isRetirement(entry))
  const retired: CatalogueOverrideEntry = builtInOnly ? { id: current.id, retired: true } : { ...withoutRetiredFlag(current), retired: true }
  return { version, elements: replaceEntry(override, current.id, retired) }
}

/** Brings a retired element back with the wording it had. */
export function restoreElement(override: CatalogueOverride, current: FrameworkElement, builtIn: readonly FrameworkElement[], version: string): CatalogueOverride {
  return putElement(override, builtIn, withoutRetiredFlag(current), version)
}
