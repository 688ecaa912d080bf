/** The catalogue in force, pillar by pillar: each element with its flags explained, and for the secretariat, edit, retire and restore. */
import type { FrameworkElement } from '../../shared/framework/element.ts'
import { pillars } from '../../shared/framework/pillars.ts'
import type { ServedCatalogue } from '../api/catalogue.ts'
import { ElementFlags } from '../editor/ExplainedFlag.tsx'
import { elementFlags } from '../editor/elementExplanation.ts'
import { formatList, t } from '../i18n/i18n.ts'
import { elementTitle, languageName, pillarTitle } from './catalogueLabels.ts'

export interface ElementActions {
  onEdit: (element: FrameworkElement) => void
  onRetire: (element: FrameworkElement) => void
  onRestore: (element: FrameworkElement) => void
}

export function CatalogueElements({ catalogue, actions, busy }: { catalogue: ServedCatalogue; actions: ElementActions | null; busy: boolean }) {
  return (
    <>
      {pillars.map((pillar) => {
        const elements = catalogue.elements.filter((element) => element.pillar === pillar)
        return (
          <section key={pillar} className="catalogue-pillar" aria-labelledby={`pillar-${pillar}`}>
            <h2 id={`pillar-${pillar}`}>{pillarTitle(pillar)}</h2>
            <div className="table-scroll">
              <table className="catalogue-table">
                <thead>
                  <tr>
                    <th scope="col">{t('catalogue.columnElement')}</th>
                    <th scope="col">{t('catalogue.columnTitleAndSummary')}</th>
                    <th scope="col">{t('catalogue.columnSource')}</th>
                    <th scope="col">{t('catalogue.columnStatus')}</th>
                    {actions && <th scope="col">{t('catalogue.columnActions')}</th>}
                  </tr>
                </thead>
                <tbody>
                  {elements.map((element) => (
                    <ElementRow key={element.id} element={element} actions={actions} busy={busy} />
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        )
      })}
    </>
  )
}

/** One element: label and id, its title (in the interface language when the override gives one) and summary, source, flags, actions. */
function ElementRow({ element, actions, busy }: { element: FrameworkElement; actions: ElementActions | null; busy: boolean }) {
  const title = elementTitle(element)
  const otherTitles = Object.keys(element.titles ?? {})
  const label = { label: element.label }
  return (
    <tr data-element-id={element.id} className={element.retired ? 'is-retired' : undefined}>
      <th scope="row">
        <span translate="no" dir="auto">
          {element.label}
        </span>
        <span className="element-id" translate="no" dir="ltr">
          {element.id}
        </span>
      </th>
      <td>
        <span className="element-title" translate="no" lang={title.lang} dir="auto">
          {title.text}
        </span>
        <span className="element-summary" translate="no" lang="en" dir="auto">
          {element.summary}
        </span>
        {otherTitles.length > 0 && <span className="element-titles">{t('catalogue.alsoTitledIn', { languages: formatList(otherTitles.map(languageName)) })}</span>}
      </td>
      <td className="symbol">
        <bdi dir="ltr" translate="no">
          {element.source}
        </bdi>
      </td>
      <td>
        <ElementFlags flags={elementFlags(element, element.retired ? 'retired' : 'known')} />
      </td>
      {actions && (
        <td className="catalogue-actions">
          <button type="button" className="button-quiet" disabled={busy} onClick={() => actions.onEdit(element)} aria-label={t('catalogue.editElement', label)}>
            {t('catalogue.edit')}
          </button>
          {element.retired ? (
            <button type="button" className="button-quiet" disabled={busy} onClick={() => actions.onRestore(element)} aria-label={t('catalogue.restoreElement', label)}>
              {t('catalogue.restore')}
            </button>
          ) : (
            <button type="button" className="button-quiet" disabled={busy} onClick={() => actions.onRetire(element)} aria-label={t('catalogue.retireElement', label)}>
              {t('catalogue.retire')}
            </button>
          )}
        </td>
      )}
    </tr>
  )
}
