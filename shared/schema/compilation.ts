/** The compilation of written inputs (every comment thread that still says something) as the API lists it. */
import { z } from 'zod'
import { RegionalGroup, Role } from './member.ts'

/** How the compilation groups the inputs. */
export const compilationGroupings = ['delegation', 'paragraph'] as const
export type CompilationGrouping = (typeof compilationGroupings)[number]

/** The files the compilation comes as, besides its JSON. */
export const compilationFormats = ['docx', 'md'] as const
export type CompilationFormat = (typeof compilationFormats)[number]

export const CompiledAuthor = z.object({
  name: z.string(),
  /** The State, group of States or, for a stakeholder, the organisation. */
  delegation: z.string().nullable(),
  role: Role,
})
export type CompiledAuthor = z.infer<typeof CompiledAuthor>

export const CompiledInput = z.object({
  threadId: z.string(),
  author: CompiledAuthor.extend({ regionalGroup: RegionalGroup.nullable() }),
  body: z.string(),
  createdAt: z.number(),
  /** The text commented on. */
  quote: z.string(),
  /** "Paragraph 12", "R4", "General", or "Detached" when the text commented on is no longer in the draft. */
  location: z.string(),
  /** Position of the location in document order. */
  locationOrder: z.number(),
  stakeholder: z.boolean(),
  resolved: z.boolean(),
  replies: z.array(z.object({ author: CompiledAuthor, body: z.string(), createdAt: z.number() })),
})
export type CompiledInput = z.infer<typeof CompiledInput>

/** `GET /api/documents/:id/compilation?format=json`: the inputs in the order of their groups. */
export const Compilation = z.object({
  documentId: z.string(),
  by: z.enum(compilationGroupings),
  inputs: z.array(CompiledInput),
  groups: z.array(z.object({ heading: z.string(), threadIds: z.array(z.string()) })),
})
export type Compilation = z.infer<typeof Compilation>
