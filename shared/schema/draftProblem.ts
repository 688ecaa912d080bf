/** A problem the recommendation invariant finds in a draft, as validation, refusals (422) and the status stream carry it. */
import { z } from 'zod'

export const draftProblemCodes = [
  'document_malformed',
  'document_too_deep',
  'recommendation_nested',
  'recommendation_unlinked',
  'recommendation_unknown_ref',
  'recommendation_retired_ref',
  'recommendation_duplicate_id',
  'recommendation_missing_id',
  'recommendation_empty',
  'text_bracketed',
  'alternatives_open',
] as const
export type DraftProblemCode = (typeof draftProblemCodes)[number]

export const Severity = z.enum(['error', 'warning'])
export type Severity = z.infer<typeof Severity>

/** Indices from the doc down to a node: [2, 0] is doc.content[2].content[0]. */
export const NodePath = z.array(z.number().int().nonnegative())

export const DraftProblem = z.object({
  code: z.enum(draftProblemCodes),
  severity: Severity,
  message: z.string(),
  recommendationId: z.string().optional(),
  recommendationNumber: z.number().int().positive().optional(),
  /** The offending catalogue id, for ref problems. */
  ref: z.string().optional(),
  path: NodePath,
})
export type DraftProblem = z.infer<typeof DraftProblem>
