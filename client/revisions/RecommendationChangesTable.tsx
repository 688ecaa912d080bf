/** The table of recommendation changes: each matched by its stable id, so a renumbered one reads "R4 → R5". */
import { useId, useState } from 'react'
import type { RecommendationChange } from '../../shared/compare/comparison.ts'
import { changedNumber, changeKindMessages, creditLines, linkChanges, recommendationNumberCell, renumberedLine, visibleRecommendationChanges } from './redlineView.ts'
import { formatList, t, tx } from '../i18n/i18n.ts'
import { CreditText } from './CreditText.tsx'

function showInRedline(recommendationId: string) {
  const target = document.querySelector<HTMLElement>(`.redline [data-recommendation-id="${CSS.escape(recommendationId)}"]`)
  if (!target) return
  target.scrollIntoView({ block: 'center', behavior: 'smooth' })
  target.focus({ preventScroll: true })
}

export function RecommendationChangesTable({ changes, fromLabel, toLabel }: { changes: readonly RecommendationChange[]; fromLabel: string; toLabel: string }) {
  const [changedOnly, setChangedOnly] = useState(true)
  const captionId = useId()
  const rows = visibleRecommendationChanges(changes, changedOnly)
  return (
    <section className="recommendation-changes" aria-labelledby={captionId}>
      <div className="recommendation-changes-header">
        <h2 id={captionId}>{t('revisions.recommendationChanges')}</h2>
        <label className="choice">
          <input type="checkbox" checked={changedOnly} onChange={(event) => setChangedOnly(event.target.checked)} />
          {t('revisions.changedOnly')}
        </label>
      </div>
      <p className="panel-summary">
        {tx('revisions.changesMatched', {
          changed: changedNumber(changes),
          total: changes.length,
          from: (
            <bdi key="from" translate="no">
              {fromLabel}
            </bdi>
          ),
          to: (
            <bdi key="to" translate="no">
              {toLabel}
            </bdi>
          ),
        })}
      </p>
      {rows.length === 0 ? (
        <p className="hint">{changes.length === 0 ? t('revisions.noRecommendations') : t('revisions.noRecommendationChanged')}</p>
      ) : (
        <table className="document-table changes-table">
          <thead>
            <tr>
              <th scope="col">{t('revisions.columnRecommendation')}</th>
              <th scope="col">{t('revisions.columnChange')}</th>
              <th scope="col">{t('revisions.columnLinks')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((change) => {
              const links = linkChanges(change)
              return (
                <tr key={change.id} data-recommendation-id={change.id} className={change.changes.length === 0 ? 'is-unchanged' : undefined}>
                  <th scope="row">
                    {change.after || change.before ? (
                      <button type="button" className="problem-link number-link" onClick={() => showInRedline(change.id)} title={t('revisions.showInRedline')}>
                        {recommendationNumberCell(change)}
                      </button>
                    ) : null}
                  </th>
                  {/* The kinds of change say what happened; only who proposed it and the renumbering across versions add to them. */}
                  <td className="change-summary">
                    {change.changes.length === 0 ? (
                      <span className="change-kind change-kind-none">{t('revisions.changeUnchanged')}</span>
                    ) : (
                      <ul className="change-kinds">
                        {change.changes.map((kind) => (
                          <li key={kind} className={`change-kind change-kind-${kind}`}>
                            {t(changeKindMessages[kind])}
                          </li>
                        ))}
                      </ul>
                    )}
                    {creditLines(change).map((line, index) => (
                      <span key={index} className="hint change-credit">
                        <CreditText line={line} />
                      </span>
                    ))}
                    {renumberedLine(change, fromLabel, toLabel) && <span className="hint renumbered-line">{renumberedLine(change, fromLabel, toLabel)}</span>}
                  </td>
                  <td>
                    {links.added.length === 0 && links.removed.length === 0 ? (
                      <span className="hint">{formatList((change.after ?? change.before)!.refs.map((ref) => ref.label))}</span>
                    ) : (
                      <ul className="link-changes">
                        {links.added.map((label) => (
                          <li key={`+${label}`}>
                            <ins>
                              <span className="visually-hidden">{t('revisions.spokenAdded')} </span>+ {label}
                            </ins>
                          </li>
                        ))}
                        {links.removed.map((label) => (
                          <li key={`-${label}`}>
                            <del>
                              <span className="visually-hidden">{t('revisions.spokenRemoved')} </span>− {label}
                            </del>
                          </li>
                        ))}
                      </ul>
                    )}
                  </td>
                </tr>
              )
            })}
          </tbody>
        </table>
      )}
    </section>
  )
}
