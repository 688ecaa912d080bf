/** Zod schemas and types of framework elements, catalogues and the secretariat's catalogue override. */
import { z } from 'zod'
import { oneOf, requiredBoolean, requiredText } from '../schema/fields.ts'
import { Pillar } from './pillars.ts'

const FrameworkElementId = requiredText('id', { max: 60 }).regex(
  /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/,
  'id must be lowercase letters and digits joined by single hyphens, like norm-g or cbm-7',
)

/** The official languages besides English in which the secretariat may give an element's title. */
export const titleLanguages = ['ar', 'es', 'fr', 'ru', 'zh'] as const
export type TitleLanguage = (typeof titleLanguages)[number]

/**
 * What an element is, when it is not an element of agreed text: one of the Global Mechanism's tools and processes,
 * or a related note (analysis shown beside the agreed elements, never as an agreed rule).
 */
const elementKinds = ['mechanism-tool', 'related-note'] as const
const ElementKind = oneOf('kind', elementKinds)
export type ElementKind = z.infer<typeof ElementKind>

const ElementTitles = z.partialRecord(
  oneOf('titles language', titleLanguages),
  requiredText('title', { max: 200 }),
  { error: 'titles must be an object of titles by language (ar, es, fr, ru, zh)' },
)

export const FrameworkElement = z.object({
  id: FrameworkElementId,
  pillar: Pillar,
  label: requiredText('label', { max: 40 }),
  title: requiredText('title', { max: 200 }),
  summary: requiredText('summary', { max: 600 }),
  source: requiredText('source', { max: 300 }),
  verified: requiredBoolean('verified'),
  /** What was and was not confirmed against the sources: the explanation of `verified: false`. */
  note: requiredText('note', { max: 600 }).optional(),
  /** The substance is confirmed even though the paragraph numbers (`verified`) are not. */
  substanceConfirmed: requiredBoolean('substanceConfirmed').optional(),
  kind: ElementKind.optional(),
  /** false for text that is not agreed (a draft); absent for agreed text and for tools. */
  agreed: requiredBoolean('agreed').optional(),
  group: requiredText('group', { max: 60 }).optional(),
  /** The title in other official languages, where the secretariat gives one; English (`title`) otherwise. */
  titles: ElementTitles.optional(),
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

const CatalogueVersion = requiredText('version', { max: 60 })

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
