/** Applies the secretariat's override to a catalogue: replace by id, add new ids, retire without forgetting. */
import { ApiError } from '../errors/apiError.ts'
import { type CatalogueOverride, type FrameworkCatalogue, type FrameworkElement, isRetirement } from './element.ts'

/** An override retiring ids the catalogue lacks (422, the ids in `details`). */
export class UnknownRetirementError extends ApiError {
  constructor(readonly ids: string[]) {
    super(422, 'catalogue_unknown_retirement', `cannot retire elements the catalogue does not have: ${ids.join(', ')}`, { ids })
    this.name = 'UnknownRetirementError'
  }
}

/**
 * Built-in order is kept, with replaced elements in place; new elements follow in override order.
 * The merged version names both, e.g. "builtin-1+2026-03".
 * Throws UnknownRetirementError when a bare `{ id, retired: true }` names an id the built-in catalogue lacks.
 */
export function mergeCatalogue(builtIn: FrameworkCatalogue, override: CatalogueOverride): FrameworkCatalogue {
  const builtInById = new Map(builtIn.elements.map((element) => [element.id, element]))
  const unknownRetirements = override.elements
    .filter((entry) => isRetirement(entry) && !builtInById.has(entry.id))
    .map((entry) => entry.id)
  if (unknownRetirements.length > 0) throw new UnknownRetirementError(unknownRetirements)

  const replacements = new Map<string, FrameworkElement>()
  for (const entry of override.elements) {
    const base = builtInById.get(entry.id)
    replacements.set(entry.id, isRetirement(entry) ? { ...base!, retired: true } : entry)
  }

  const elements = builtIn.elements.map((element) => replacements.get(element.id) ?? element)
  const added = [...replacements.values()].filter((element) => !builtInById.has(element.id))
  return { version: `${builtIn.version}+${override.version}`, elements: [...elements, ...added] }
}
