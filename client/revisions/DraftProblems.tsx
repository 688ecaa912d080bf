/** The problems a refused revision or export lists (422 draft_invalid), each leading to its recommendation when it can. */
import type { ReactNode } from 'react'
import type { DraftProblem } from '../api/revisions.ts'
import { t, tx } from '../i18n/i18n.ts'
import { problemMessage } from '../panels/problemMessage.ts'
import { problemWhere } from './revisionText.ts'
import '../styles/panels.css'

export function DraftProblemList({ problems, onReveal }: { problems: readonly DraftProblem[]; onReveal?: (recommendationId: string) => void }) {
  return (
    <ol className="problem-list draft-problems">
      {problems.map((problem, index) => (
        <li key={`${problem.code}-${problem.recommendationId ?? ''}-${problem.ref ?? ''}-${index}`} className={`problem problem-${problem.severity}`}>
          {problem.recommendationId && onReveal ? (
            <button type="button" className="problem-link" onClick={() => onReveal(problem.recommendationId!)} title={t('revisions.showProblemInText', { where: problemWhere(problem) })}>
              <span className="problem-where">{problemWhere(problem)}</span>
              <span className="problem-message">{problemMessage(problem)}</span>
            </button>
          ) : (
            <span className="problem-link problem-static">
              <span className="problem-where">{problemWhere(problem)}</span>
              <span className="problem-message">{problemMessage(problem)}</span>
            </span>
          )}
        </li>
      ))}
    </ol>
  )
}

/** A refusal because the draft is invalid: what was refused, why, and the list of problems. */
export function DraftInvalidNotice({
  what,
  problems,
  onReveal,
  children,
}: {
  what: string
  problems: readonly DraftProblem[]
  onReveal?: (recommendationId: string) => void
  children?: ReactNode
}) {
  const errors = problems.filter((problem) => problem.severity === 'error').length || problems.length
  return (
    <div className="notice notice-error draft-invalid" role="alert">
      <p>{tx('revisions.draftProblems', { what: <strong key="what">{what}</strong>, count: errors })}</p>
      <DraftProblemList problems={problems} onReveal={onReveal} />
      {children}
    </div>
  )
}
