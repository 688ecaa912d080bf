/** The catalogue API's wire shapes: the override a secretariat member saves, and the versions kept. */
import { z } from 'zod'
import { CatalogueOverride, FrameworkCatalogue } from '../framework/element.ts'
import { Pillar } from '../framework/pillars.ts'

/** `PUT /api/catalogue`: the whole new override; `baseRevision` (the revision it was made from) refuses a lost update with 409. */
export const CatalogueUpdate = CatalogueOverride.extend({
  baseRevision: z
    .number({ error: 'baseRevision must be a whole number (0: the built-in catalogue)' })
    .int('baseRevision must be a whole number (0: the built-in catalogue)')
    .min(0, 'baseRevision must be a whole number (0: the built-in catalogue)')
    .optional(),
})
export type CatalogueUpdate = z.infer<typeof CatalogueUpdate>

/** One saved override: revision 1, 2, ... (0 is the built-in catalogue alone). */
export const CatalogueRevision = z.object({
  revision: z.number().int(),
  version: z.string(),
  createdBy: z.number().int().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.number(),
  /** How many override entries it holds. */
  entries: z.number().int(),
})
export type CatalogueRevision = z.infer<typeof CatalogueRevision>

/** `GET /api/catalogue/history`: the overrides, newest first. */
export const CatalogueHistory = z.array(CatalogueRevision)
export type CatalogueHistory = z.infer<typeof CatalogueHistory>

export const PillarHeading = z.object({ id: Pillar, title: z.string() })
export type PillarHeading = z.infer<typeof PillarHeading>

/** `GET`, `PUT /api/catalogue`: the built-in catalogue merged with the secretariat's override, with the pillar headings and the revision it comes from. */
export const ServedCatalogue = FrameworkCatalogue.extend({
  revision: z.number().int(),
  pillars: z.array(PillarHeading),
})
export type ServedCatalogue = z.infer<typeof ServedCatalogue>

/** `GET /api/catalogue/revisions/:revision`: a kept version, its override and the catalogue it made. */
export const CatalogueVersionDetail = z.object({
  revision: z.number().int(),
  override: CatalogueOverride,
  catalogue: FrameworkCatalogue,
})
export type CatalogueVersionDetail = z.infer<typeof CatalogueVersionDetail>

/** The event document streams send when the catalogue in force changes. */
export const CatalogueChanged = z.object({ revision: z.number().int(), version: z.string() })
export type CatalogueChanged = z.infer<typeof CatalogueChanged>
