/** The catalogue in force, pillar by pillar: each element with its flags explained, and for the secretariat, edit, retire and restore. */
import type { FrameworkElement } from '../../shared/framework/element.ts'
import { pillars } from '../../shared/framework/pillars.ts'
import type { ServedCatalogue } from '../api/catalogue.ts'
import { ElementFlags } from '../editor/ExplainedFlag.tsx'
import { elementFlags } from '../editor/elementExplanation.ts'

export interface ElementActions {
  onEdit: (element: FrameworkElement) => void
  onRetire: (element: FrameworkElement) => void
  onRestore: (element: FrameworkElement) => void
}

export function CatalogueElements({ catalogue, actions, busy }: { catalogue: ServedCatalogue; actions: ElementActions | null; busy: boolean }) {
  const titles = Object.fromEntries(catalogue.pillars.map(({ id, title }) => [id, title]))
  return (
    <>
      {pillars.map((pillar) => {
        const elements = catalogue.elements.filter((element) => element.pillar === pillar)
        return (
          <section key={pillar} className="catalogue-pillar" aria-labelledby={`pillar-${pillar}`}>
            <h2 id={`pillar-${pillar}`}>{titles[pillar] ?? pillar}</h2>
            <table className="catalogue-table">
              <thead>
                <tr>
                  <th scope="col">Element</th>
                  <th scope="col">Title and summary</th>
                  <th scope="col">Source</th>
                  <th scope="col">Status</th>
                  {actions && <th scope="col">Actions</th>}
                </tr>
              </thead>
              <tbody>
                {elements.map((element) => (
                  <tr key={element.id} data-element-id={element.id} className={element.retired ? 'is-retired' : undefined}>
                    <th scope="row">
                      {element.label}
                      <span className="element-id">{element.id}</span>
                    </th>
                    <td>
                      <span className="element-title">{element.title}</span>
                      <span className="element-summary">{element.summary}</span>
                      {element.titles && Object.keys(element.titles).length > 0 && (
                        <span className="element-titles">Also titled in: {Object.keys(element.titles).join(', ')}</span>
                      )}
                    </td>
                    <td className="symbol">{element.source}</td>
                    <td>
                      <ElementFlags flags={elementFlags(element, element.retired ? 'retired' : 'known')} />
                    </td>
                    {actions && (
                      <td className="catalogue-actions">
                        <button type="button" className="button-quiet" disabled={busy} onClick={() => actions.onEdit(element)} aria-label={`Edit ${element.label}`}>
                          Edit
                        </button>
                        {element.retired ? (
                          <button type="button" className="button-quiet" disabled={busy} onClick={() => actions.onRestore(element)} aria-label={`Restore ${element.label}`}>
                            Restore
                          </button>
                        ) : (
                          <button type="button" className="button-quiet" disabled={busy} onClick={() => actions.onRetire(element)} aria-label={`Retire ${element.label}`}>
                            Retire
                          </button>
                        )}
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
        )
      })}
    </>
  )
}
