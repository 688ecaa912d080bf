/** A validation status of bounded size, whatever the document: so many problems at most, each with short fields. */
import { maxDraftDepth } from '../../shared/schema/draftJson.ts'
import type { DraftProblem, DraftValidation } from '../../shared/schema/validateDraft.ts'

export interface BoundedValidation {
  valid: boolean
  /** The first problems in document order, at most the configured number. */
  problems: DraftProblem[]
  /** How many problems the draft has in all. */
  problemCount: number
  /** How many of them are not listed (problemCount - problems.length). */
  omittedProblems: number
  /** Bracketed passages and blocks of alternatives still in the text. */
  negotiation: { brackets: number; alternatives: number }
  /** Valid with nothing bracketed or in alternatives: it may be exported for submission. */
  submittable: boolean
}

const maxMessageChars = 500
const maxIdChars = 200

function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`
}

function boundProblem(problem: DraftProblem): DraftProblem {
  return {
    ...problem,
    message: cut(problem.message, maxMessageChars),
    path: problem.path.slice(0, maxDraftDepth + 1),
    ...(problem.recommendationId === undefined ? {} : { recommendationId: cut(problem.recommendationId, maxIdChars) }),
    ...(problem.ref === undefined ? {} : { ref: cut(problem.ref, maxIdChars) }),
  }
}

/** Keeps validity as computed over every problem, and lists the first `maxProblems`. */
export function boundProblems(validation: Pick<DraftValidation, 'valid' | 'problems' | 'negotiation' | 'submittable'>, maxProblems: number): BoundedValidation {
  const listed = validation.problems.slice(0, maxProblems).map(boundProblem)
  return {
    valid: validation.valid,
    problems: listed,
    problemCount: validation.problems.length,
    omittedProblems: validation.problems.length - listed.length,
    negotiation: validation.negotiation,
    submittable: validation.submittable,
  }
}
