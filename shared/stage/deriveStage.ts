/** A document's stage, derived from its records (pure): the latest procedure, its outcome, the latest revision, the submission. */
import type { Objection, Procedure, Stage } from '../schema/procedures.ts'
import { brokenBy, outcomeOf, receivedInTime } from './settle.ts'

export interface StageRecords {
  /** Every procedure of the document, any order. */
  procedures: readonly Pick<Procedure, 'id' | 'kind' | 'revision' | 'deadline' | 'openedAt' | 'outcome' | 'objections'>[]
  /** The id of the document's latest revision, if it has one. */
  latestRevisionId: number | null
  submittedAt: number | null
  /** The server's clock. */
  now: number
}

const empty: Omit<Stage, 'kind'> = { procedureId: null, revision: null, deadline: null, brokenBy: [], submittedAt: null, commentsClosedAt: null }

/** The outcome a procedure has, or will have at its deadline from what it holds now (the timer may not have run yet). */
function settledOutcome(procedure: StageRecords['procedures'][number]) {
  if (procedure.outcome) return { outcome: procedure.outcome.outcome, brokenBy: procedure.outcome.brokenBy.map((entry) => entry.delegation) }
  const inTime = procedure.objections.filter((objection: Objection) => receivedInTime(objection, procedure.deadline))
  return { outcome: outcomeOf(procedure.kind, inTime.length), brokenBy: brokenBy(inTime).map((entry) => entry.delegation) }
}

/**
 * When comments closed on the document's current revision-under-comment: the latest comment period, once its deadline
 * passed, until a newer revision is cut (or a new period opens). Null while comments are accepted.
 */
export function commentsClosedAt({ procedures, latestRevisionId, now }: Omit<StageRecords, 'submittedAt'>): number | null {
  const period = [...procedures].filter((procedure) => procedure.kind === 'comments').sort(newestFirst)[0]
  if (!period || now < period.deadline) return null
  if (latestRevisionId !== null && latestRevisionId > period.revision.id) return null
  return period.deadline
}

const newestFirst = (a: { openedAt: number; id: number }, b: { openedAt: number; id: number }) => b.openedAt - a.openedAt || b.id - a.id

/**
 * Submitted, once marked. Otherwise the latest procedure decides while it runs (`comments`, `silence` until its
 * deadline) and after it (`adopted`, `broken`; a closed comment period leaves the document `drafting`), until a newer
 * revision is cut: then the document is drafting again. `commentsClosedAt` says whether comments are closed, whatever
 * the stage.
 */
export function deriveStage(records: StageRecords): Stage {
  const { procedures, latestRevisionId, submittedAt, now } = records
  if (submittedAt !== null) return { ...empty, kind: 'submitted', submittedAt }
  const closed = { commentsClosedAt: commentsClosedAt(records) }
  const latest = [...procedures].sort(newestFirst)[0]
  if (!latest) return { ...empty, kind: 'drafting' }
  const about = { procedureId: latest.id, revision: latest.revision, deadline: latest.deadline }
  if (now < latest.deadline) return { ...empty, ...about, ...closed, kind: latest.kind }
  if (latestRevisionId !== null && latestRevisionId > latest.revision.id) return { ...empty, ...closed, kind: 'drafting' }
  const settled = settledOutcome(latest)
  if (settled.outcome === 'closed') return { ...empty, ...about, ...closed, kind: 'drafting' }
  return { ...empty, ...about, ...closed, kind: settled.outcome, brokenBy: settled.brokenBy }
}
