/** Live list of the draft's problems as the member types; each entry leads to its recommendation. */
import type { Editor } from '@tiptap/core'
import type { FrameworkCatalogue } from '../../shared/framework/element.ts'
import type { BlockStatusCounts } from '../../shared/schema/blockStatus.ts'
import { t } from '../i18n/i18n.ts'
import { negotiationSummary } from './negotiationSummary.ts'
import { problemMessage } from './problemMessage.ts'
import { revealRecommendation } from './revealRecommendation.ts'
import { useDraftValidation } from './useDraftValidation.ts'

/** "5 open · 1 under negotiation · 2 agreed ad referendum". */
export function blockCountsLine(counts: BlockStatusCounts): string {
  return t('panels.blockCounts', { open: counts.open, negotiating: counts.negotiating, agreed: counts.agreed })
}

export function ValidationPanel({ editor, catalogue, blockCounts }: { editor: Editor; catalogue: FrameworkCatalogue; blockCounts?: BlockStatusCounts }) {
  const { valid, problems, negotiation } = useDraftValidation(editor, catalogue)
  const contested = negotiationSummary(negotiation)
  const errors = problems.filter((problem) => problem.severity === 'error').length
  return (
    <section className="side-panel validation-panel" aria-labelledby="validation-heading">
      <h2 id="validation-heading">{t('panels.validation')}</h2>
      <p className={valid ? 'panel-summary is-valid' : 'panel-summary is-invalid'} role="status">
        {problems.length === 0 ? t('panels.everyRecommendationLinked') : t('panels.errorsAndWarnings', { errors, warnings: problems.length - errors })}
      </p>
      {contested && (
        <p className="panel-summary is-negotiation" data-testid="negotiation-count">
          {t('panels.notReadyForSubmission', { contested })}
        </p>
      )}
      {blockCounts && (
        <p className="panel-summary block-status-counts" data-testid="block-status-counts">
          {t('panels.paragraphStatus', { counts: blockCountsLine(blockCounts) })}
        </p>
      )}
      {problems.length > 0 && (
        <ol className="problem-list">
          {problems.map((problem, index) => (
            <li key={`${problem.code}-${problem.recommendationId ?? ''}-${problem.ref ?? ''}-${index}`} className={`problem problem-${problem.severity}`}>
              {problem.recommendationId ? (
                <button type="button" className="problem-link" onClick={() => revealRecommendation(editor, problem.recommendationId!)}>
                  <span className="problem-where">
                    {problem.recommendationNumber ? <bdi dir="ltr">{t('panels.recommendationNumber', { number: String(problem.recommendationNumber) })}</bdi> : '—'}
                  </span>
                  <span className="problem-message">{problemMessage(problem)}</span>
                </button>
              ) : (
                <span className="problem-message">{problemMessage(problem)}</span>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}
