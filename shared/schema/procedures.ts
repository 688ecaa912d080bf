/** Comment periods, the silence procedure and the document's stage: what their routes take and answer, and their events. */
import { z } from 'zod'
import { Author } from './member.ts'

export const procedureKinds = ['comments', 'silence'] as const
/** `comments`: a period for comments and proposals on a revision; `silence`: the revision adopted unless silence is broken. */
export const ProcedureKind = z.enum(procedureKinds)
export type ProcedureKind = z.infer<typeof ProcedureKind>

/** A block of a revision: its position among the revision's top-level blocks and its number there ("12", "R4"). */
export const BlockRef = z.object({
  position: z.number().int().nonnegative(),
  number: z.string().regex(/^R?\d{1,6}$/, 'number must be a paragraph number ("12") or a recommendation number ("R4")'),
})
export type BlockRef = z.infer<typeof BlockRef>

/** A delegation breaking silence on one block: who, for which delegation, when (by the server's clock), and why. */
export const Objection = z.object({
  procedureId: z.number().int().positive(),
  delegation: z.string(),
  block: BlockRef,
  reason: z.string(),
  member: Author,
  /** Milliseconds since the epoch, as the server received it. */
  at: z.number().int(),
})
export type Objection = z.infer<typeof Objection>

export const outcomes = ['closed', 'adopted', 'broken'] as const
/** `closed`: a comment period ended; `adopted`: no delegation broke silence; `broken`: one or more did. */
export const OutcomeKind = z.enum(outcomes)
export type OutcomeKind = z.infer<typeof OutcomeKind>

/** The record written once at a deadline, never changed: the procedure, its result, and every objection received before it. */
export const OutcomeRecord = z.object({
  procedureId: z.number().int().positive(),
  kind: ProcedureKind,
  outcome: OutcomeKind,
  documentId: z.string(),
  documentTitle: z.string(),
  symbol: z.string().nullable(),
  revision: z.object({ id: z.number().int().positive(), label: z.string() }),
  /** Milliseconds since the epoch, whole seconds. */
  deadline: z.number().int(),
  openedBy: z.string(),
  openedAt: z.number().int(),
  /** When the server wrote the record: at the deadline, or at start-up when the deadline passed while it was down. */
  settledAt: z.number().int(),
  /** Objections received before the deadline, in the order received. */
  objections: z.array(Objection.omit({ member: true, procedureId: true }).extend({ memberName: z.string() })),
  /** The delegations that broke silence, each with the blocks they objected to, in the order they first objected. */
  brokenBy: z.array(z.object({ delegation: z.string(), blocks: z.array(z.string()) })),
})
export type OutcomeRecord = z.infer<typeof OutcomeRecord>

/** A comment period or a silence procedure on a revision, with its objections and, once its deadline passed, its outcome. */
export const Procedure = z.object({
  id: z.number().int().positive(),
  documentId: z.string(),
  kind: ProcedureKind,
  revision: z.object({ id: z.number().int().positive(), label: z.string() }),
  deadline: z.number().int(),
  openedBy: Author,
  openedAt: z.number().int(),
  objections: z.array(Objection),
  outcome: OutcomeRecord.nullable(),
})
export type Procedure = z.infer<typeof Procedure>

export const stageKinds = ['drafting', 'comments', 'silence', 'adopted', 'broken', 'submitted'] as const
export const StageKind = z.enum(stageKinds)
export type StageKind = z.infer<typeof StageKind>

/** Where a document stands, derived from its procedures, revisions and submission (shared/stage/deriveStage.ts). */
export const Stage = z.object({
  kind: StageKind,
  /** The procedure the stage comes from, if any. */
  procedureId: z.number().int().positive().nullable(),
  revision: z.object({ id: z.number().int().positive(), label: z.string() }).nullable(),
  /** `comments`, `silence`: when it ends; `adopted`, `broken`: when it ended. */
  deadline: z.number().int().nullable(),
  /** `broken`: the delegations that broke silence. */
  brokenBy: z.array(z.string()),
  /** `submitted`: when. */
  submittedAt: z.number().int().nullable(),
  /** `drafting` after a comment period on the latest revision ended: new comments and proposals are refused until the next revision. */
  commentsClosedAt: z.number().int().nullable(),
})
export type Stage = z.infer<typeof Stage>

/** Deadlines: an ISO 8601 instant with its offset (`2026-11-29T15:00:00Z`, `2026-11-29T10:00:00-05:00`), to the second. */
export const Deadline = z.iso.datetime({ offset: true, message: 'deadline must be an ISO 8601 date and time with its offset, e.g. 2026-11-29T10:00:00-05:00' })

/** `POST /api/documents/:id/procedures`. */
export const OpenProcedure = z.object({
  kind: ProcedureKind,
  revisionId: z.number().int().positive(),
  deadline: Deadline,
})
export type OpenProcedure = z.infer<typeof OpenProcedure>

/** `POST /api/documents/:id/procedures/:procedure/objections`: break silence on one block. */
export function objectionPayload(maxReasonChars: number) {
  return z.object({
    block: BlockRef,
    reason: z
      .string()
      .trim()
      .min(1, 'reason must not be empty: say why your delegation breaks silence')
      .max(maxReasonChars, `reason must be at most ${maxReasonChars} characters`),
  })
}
export type BreakSilence = z.infer<ReturnType<typeof objectionPayload>>

/** `GET /api/documents/:id/procedures`: the stage, every procedure, what is new to the member, and the server's clock. */
export const ProcedureList = z.object({
  documentId: z.string(),
  stage: Stage,
  procedures: z.array(Procedure),
  /** Stage changes and objections since the member last opened the panel. */
  unseen: z.number().int().nonnegative(),
  /** The server's clock (ms): deadlines follow it, whatever the browser's says. */
  serverTime: z.number().int(),
})
export type ProcedureList = z.infer<typeof ProcedureList>

/** `POST /api/documents/:id/procedures` and `POST .../objections`: the procedure as it now is. */
export const ProcedureAnswer = z.object({ procedure: Procedure, stage: Stage })
export type ProcedureAnswer = z.infer<typeof ProcedureAnswer>

/** `POST /api/documents/:id/procedures/seen`. */
export const StageSeen = z.object({ unseen: z.literal(0), seenAt: z.number().int() })

/** `POST /api/documents/:id/submitted`: the document marked as submitted to the plenary. */
export const SubmittedAnswer = z.object({ stage: Stage })

/** The `stage` event: the stage changed (a procedure opened or settled, the document submitted). */
export const StageEvent = z.object({ documentId: z.string(), stage: Stage, serverTime: z.number().int() })
export type StageEvent = z.infer<typeof StageEvent>

/** The `objection` event: a delegation broke silence. */
export const ObjectionEvent = z.object({ documentId: z.string(), objection: Objection })
export type ObjectionEvent = z.infer<typeof ObjectionEvent>

/** The `deadline` event: a deadline is near (sent once when it comes within the warning, and on connecting within it). */
export const DeadlineEvent = z.object({
  documentId: z.string(),
  procedureId: z.number().int().positive(),
  kind: ProcedureKind,
  deadline: z.number().int(),
  serverTime: z.number().int(),
})
export type DeadlineEvent = z.infer<typeof DeadlineEvent>
