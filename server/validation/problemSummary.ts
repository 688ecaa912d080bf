/** One sentence naming a draft's first errors, for the message of a refused export or revision. */
import type { DraftProblem } from '../../shared/schema/validateDraft.ts'

export function problemSummary(problems: readonly DraftProblem[]): string {
  const errors = problems.filter((problem) => problem.severity === 'error')
  const listed = errors.slice(0, 5).map((problem) => (problem.recommendationNumber ? `R${problem.recommendationNumber}: ${problem.message}` : problem.message))
  const more = errors.length > listed.length ? `; and ${errors.length - listed.length} more` : ''
  return `the draft has ${errors.length} problem${errors.length === 1 ? '' : 's'} to fix first: ${listed.join('; ')}${more}`
}
