/** Heat map of the framework: how many recommendations link to each element; choosing one highlights them in the text. */
import type { Editor } from '@tiptap/core'
import { useEditorState } from '@tiptap/react'
import { useMemo } from 'react'
import { coverage } from '../../shared/model/coverage.ts'
import type { ServedCatalogue } from '../api/catalogue.ts'
import { highlightedElement } from '../editor/recommendationHighlight.ts'
import { formatNumber, t } from '../i18n/i18n.ts'
import { coverageRows, type CoverageCell } from './coverageCells.ts'
import { servedPillarTitle } from '../catalogue/catalogueLabels.ts'
import { scrollToRecommendation } from './revealRecommendation.ts'
import { useDraftModel } from './useDraftModel.ts'

export function CoveragePanel({ editor, catalogue }: { editor: Editor; catalogue: ServedCatalogue }) {
  const model = useDraftModel(editor)
  const titles = useMemo(() => Object.fromEntries(catalogue.pillars.map(({ id, title }) => [id, servedPillarTitle(id, title)])), [catalogue])
  const rows = useMemo(() => coverageRows(coverage(model, catalogue), titles), [model, catalogue, titles])
  const highlighted = useEditorState({ editor, selector: ({ editor: current }) => highlightedElement(current.state) })
  const recommendations = model.blocks.filter((block) => block.kind === 'recommendation').length

  const choose = (cell: CoverageCell) => {
    const highlighting = highlighted !== cell.id
    editor.commands.highlightElement(highlighting ? cell.id : null)
    if (highlighting && cell.recommendationIds[0]) scrollToRecommendation(editor, cell.recommendationIds[0])
  }

  return (
    <section className="side-panel coverage-panel" aria-labelledby="coverage-heading">
      <h2 id="coverage-heading">{t('panels.coverage')}</h2>
      <p className="panel-summary">{t('panels.coverageSummary', { count: recommendations })}</p>
      <table className="coverage-matrix">
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">
                <span className="coverage-pillar">{row.title}</span>
                <span className="coverage-pillar-count">{t('panels.pillarLinked', { count: row.recommendationCount })}</span>
              </th>
              <td>
                <ul className="coverage-cells">
                  {row.cells.map((cell) => (
                    <li key={cell.id}>
                      <button
                        type="button"
                        className={`coverage-cell heat-${cell.heat} status-${cell.status}`}
                        aria-pressed={highlighted === cell.id}
                        title={
                          cell.title
                            ? t('panels.coverageCellTitled', { label: cell.label, title: cell.title, count: cell.count })
                            : t('panels.coverageCell', { label: cell.label, count: cell.count })
                        }
                        onClick={() => choose(cell)}
                        data-element-id={cell.id}
                      >
                        <span className="coverage-label" translate="no">
                          {cell.label}
                        </span>
                        <span className="coverage-count">{formatNumber(cell.count)}</span>
                      </button>
                    </li>
                  ))}
                </ul>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="coverage-legend" aria-hidden="true">
        <span className="coverage-cell heat-0">0</span>
        <span className="coverage-cell heat-1">1</span>
        <span className="coverage-cell heat-2">2</span>
        <span className="coverage-cell heat-3" dir="ltr">
          3+
        </span>
        {t('panels.coverageLegend')}
      </p>
    </section>
  )
}
