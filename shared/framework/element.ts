/** Zod schemas and types of framework elements, catalogues and the secretariat's catalogue override. */
import { z } from 'zod'
import { requiredBoolean, requiredText } from '../schema/fields.ts'
import { Pillar } from './pillars.ts'

export const FrameworkElementId = requiredText('id', { max: 60 }).regex(
  /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
  'id must be lowercase letters and digits joined by single hyphens, like norm-g or cbm-7',
)

export const FrameworkElement = z.object({
  id: FrameworkElementId,
  pillar: Pillar,
  label: requiredText('label', { max: 40 }),
  title: requiredText('title', { max: 200 }),
  summary: requiredText('summary', { max: 600 }),
  source: requiredText('source', { max: 300 }),
  verified: requiredBoolean('verified'),
  group: requiredText('group', { max: 60 }).optional(),
  retired: requiredBoolean('retired').optional(),
})
export type FrameworkElement = z.infer<typeof FrameworkElement>

function duplicateIds(entries: readonly { id: string }[]): string[] {
  const seen = new Set<string>()
  const duplicates = new Set<string>()
  for (const { id } of entries) (seen.has(id) ? duplicates : seen).add(id)
  return [...duplicates]
}

function uniqueIds<T extends { id: string }>(entries: T[], context: z.RefinementCtx<T[]>): void {
  const duplicates = duplicateIds(entries)
  if (duplicates.length > 0) {
    context.addIssue({ code: 'custom', message: `elements must have unique ids; repeated: ${duplicates.join(', ')}` })
  }
}

export const CatalogueVersion = requiredText('version', { max: 60 })

export const FrameworkCatalogue = z.object({
  version: CatalogueVersion,
  elements: z.array(FrameworkElement, { error: 'elements must be a list' }).superRefine(uniqueIds),
})
export type FrameworkCatalogue = z.infer<typeof FrameworkCatalogue>

/** Retires a built-in element while keeping its wording, so old links still resolve. */
export const ElementRetirement = z.strictObject({
  id: FrameworkElementId,
  retired: z.literal(true, { error: 'retired must be true to retire an element' }),
})
export type ElementRetirement = z.infer<typeof ElementRetirement>

export type CatalogueOverrideEntry = FrameworkElement | ElementRetirement

function isRetirementShape(input: unknown): boolean {
  return (
    typeof input === 'object' &&
    input !== null &&
    'retired' in input &&
    Object.keys(input).every((key) => key === 'id' || key === 'retired')
  )
}

/** A complete element (added or replacing the built-in one with its id) or a bare `{ id, retired: true }`. */
export const CatalogueOverrideEntry = z.unknown().transform((input, context): CatalogueOverrideEntry => {
  const result = (isRetirementShape(input) ? ElementRetirement : FrameworkElement).safeParse(input)
  if (result.success) return result.data
  for (const issue of result.error.issues) context.addIssue({ code: 'custom', message: issue.message, path: issue.path, input })
  return z.NEVER
})

export const CatalogueOverride = z.object({
  version: CatalogueVersion,
  elements: z.array(CatalogueOverrideEntry, { error: 'elements must be a list' }).superRefine(uniqueIds),
})
export type CatalogueOverride = z.infer<typeof CatalogueOverride>

export function isRetirement(entry: CatalogueOverrideEntry): entry is ElementRetirement {
  return !('pillar' in entry)
}
