/** Live list of the draft's problems as the member types; each entry leads to its recommendation. */
import type { Editor } from '@tiptap/core'
import type { FrameworkCatalogue } from '../../shared/framework/element.ts'
import { type BlockStatusCounts, blockStatusLabels } from '../../shared/schema/blockStatus.ts'
import { revealRecommendation } from './revealRecommendation.ts'
import { negotiationSummary } from './negotiationSummary.ts'
import { useDraftValidation } from './useDraftValidation.ts'

/** "5 open · 1 under negotiation · 2 agreed ad referendum". */
export function blockCountsLine(counts: BlockStatusCounts): string {
  return (['open', 'negotiating', 'agreed'] as const).map((status) => `${counts[status]} ${blockStatusLabels[status].toLowerCase()}`).join(' · ')
}

export function ValidationPanel({ editor, catalogue, blockCounts }: { editor: Editor; catalogue: FrameworkCatalogue; blockCounts?: BlockStatusCounts }) {
  const { valid, problems, negotiation } = useDraftValidation(editor, catalogue)
  const contested = negotiationSummary(negotiation)
  const errors = problems.filter((problem) => problem.severity === 'error').length
  return (
    <section className="side-panel validation-panel" aria-labelledby="validation-heading">
      <h2 id="validation-heading">Validation</h2>
      <p className={valid ? 'panel-summary is-valid' : 'panel-summary is-invalid'} role="status">
        {problems.length === 0
          ? 'Every recommendation is linked to the framework.'
          : `${errors} ${errors === 1 ? 'error' : 'errors'}, ${problems.length - errors} ${problems.length - errors === 1 ? 'warning' : 'warnings'}`}
      </p>
      {contested && (
        <p className="panel-summary is-negotiation" data-testid="negotiation-count">
          {contested}: not ready for submission to the plenary.
        </p>
      )}
      {blockCounts && (
        <p className="panel-summary block-status-counts" data-testid="block-status-counts">
          Paragraph status: {blockCountsLine(blockCounts)}
        </p>
      )}
      {problems.length > 0 && (
        <ol className="problem-list">
          {problems.map((problem, index) => (
            <li key={`${problem.code}-${problem.recommendationId ?? ''}-${problem.ref ?? ''}-${index}`} className={`problem problem-${problem.severity}`}>
              {problem.recommendationId ? (
                <button type="button" className="problem-link" onClick={() => revealRecommendation(editor, problem.recommendationId!)}>
                  <span className="problem-where">{problem.recommendationNumber ? `R${problem.recommendationNumber}` : '—'}</span>
                  <span className="problem-message">{problem.message}</span>
                </button>
              ) : (
                <span className="problem-message">{problem.message}</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
