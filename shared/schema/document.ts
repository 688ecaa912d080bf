/** What the document routes answer: a document's record with what the member may do, and the server's validation of it. */
import { z } from 'zod'
import { BlockStatusCounts } from './blockStatus.ts'
import { DraftProblem } from './draftProblem.ts'
import { DocumentPermissions } from './permissions.ts'
import { Stage } from './procedures.ts'
import { DocumentRecord, Workspace } from './workspace.ts'

/** `GET /api/documents/:id`. */
export const DocumentDetail = z.object({
  document: DocumentRecord,
  workspace: Workspace,
  permissions: DocumentPermissions,
  /** Where the document stands: drafting, open for comments, under silence, adopted, silence broken, submitted. */
  stage: Stage,
})
export type DocumentDetail = z.infer<typeof DocumentDetail>

/** `GET /api/documents/:id/status` and the `status` event: every problem of the draft as the server last checked it. */
export const DocumentStatus = z.object({
  documentId: z.string(),
  valid: z.boolean(),
  /** The first problems only: the server lists at most MAX_STATUS_PROBLEMS. */
  problems: z.array(DraftProblem),
  /** How many problems the draft has in all, and how many of them are not listed. */
  problemCount: z.number().int().nonnegative(),
  omittedProblems: z.number().int().nonnegative(),
  /** Bracketed passages and blocks of alternatives still in the text. */
  negotiation: z.object({ brackets: z.number().int().nonnegative(), alternatives: z.number().int().nonnegative() }),
  /** Valid with nothing bracketed or in alternatives: it may be exported for submission. */
  submittable: z.boolean(),
  /** How many blocks (top-level paragraphs, headings, recommendations...) are open, under negotiation, agreed ad referendum. */
  blocks: BlockStatusCounts,
  /** ISO 8601. */
  checkedAt: z.string(),
})
export type DocumentStatus = z.infer<typeof DocumentStatus>

/** `PATCH /api/documents/:id` and the `metadata` event: the document's record with its submission metadata as it now is. */
export const DocumentMetadataChanged = z.object({ document: DocumentRecord })
export type DocumentMetadataChanged = z.infer<typeof DocumentMetadataChanged>
