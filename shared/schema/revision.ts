/** What the revision routes answer: revisions (named, immutable snapshots), a revision's text, comparisons between versions. */
import { z } from 'zod'
import { Comparison } from '../compare/comparison.ts'
import type { DraftDocJson } from './draftJson.ts'
import { Author } from './member.ts'

/** A revision as listed: who cut it and when, without its text. */
export const RevisionSummary = z.object({
  id: z.number().int().positive(),
  documentId: z.string(),
  label: z.string(),
  note: z.string().nullable(),
  createdBy: Author,
  createdAt: z.number(),
})
export type RevisionSummary = z.infer<typeof RevisionSummary>

/** `GET /api/documents/:id/revisions`. */
export const RevisionList = z.object({ revisions: z.array(RevisionSummary) })
/** `POST /api/documents/:id/revisions` and `.../restore`: the revision cut or restored. */
export const RevisionAnswer = z.object({ revision: RevisionSummary })

/** ProseMirror JSON of a whole draft (its nodes are checked against the editor's schema where it matters, not here). */
export const DraftDoc = z.custom<DraftDocJson>(
  (value) => typeof value === 'object' && value !== null && (value as { type?: unknown }).type === 'doc',
  'content must be ProseMirror JSON of a doc',
)

/** `GET /api/documents/:id/revisions/:rev`. */
export const RevisionDetail = z.object({ revision: RevisionSummary, content: DraftDoc })
export type RevisionDetail = z.infer<typeof RevisionDetail>

/** One side of a comparison: a revision, or the current text (`revision` null). */
export const ComparisonSide = z.object({ revision: RevisionSummary.nullable(), label: z.string() })
export type ComparisonSide = z.infer<typeof ComparisonSide>

/** `GET /api/documents/:id/compare`. */
export const ComparisonResult = z.object({ from: ComparisonSide, to: ComparisonSide, comparison: Comparison })
export type ComparisonResult = z.infer<typeof ComparisonResult>

/** The `restored` event: the revision made the current text again, and who did it. */
export const RevisionRestored = z.object({ revision: RevisionSummary, by: z.string() })
export type RevisionRestored = z.infer<typeof RevisionRestored>
