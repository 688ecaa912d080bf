/** What the catalogue routes answer: the framework catalogue in force with its pillars' headings, and its history. */
import { z } from 'zod'
import { FrameworkCatalogue } from '../framework/element.ts'
import { Pillar } from '../framework/pillars.ts'

export const PillarHeading = z.object({ id: Pillar, title: z.string() })
export type PillarHeading = z.infer<typeof PillarHeading>

/** `GET`, `PUT /api/catalogue`: the built-in catalogue merged with the secretariat's override. */
export const ServedCatalogue = FrameworkCatalogue.extend({ pillars: z.array(PillarHeading) })
export type ServedCatalogue = z.infer<typeof ServedCatalogue>

/** `GET /api/catalogue/history`: the overrides, newest first. */
export const CatalogueHistory = z.array(
  z.object({ revision: z.number().int(), version: z.string(), createdBy: z.number().nullable(), createdAt: z.number() }),
)
