/** The catalogue's kept versions, newest first, and the comparison of any two of them, element by element and field by field. */
import { useState, type ReactNode } from 'react'
import { dateAndTime } from '../app/dates.ts'
import { compareCatalogues, type ElementChange } from '../../shared/framework/compareCatalogues.ts'
import { pillars, type Pillar } from '../../shared/framework/pillars.ts'
import type { CatalogueRevision } from '../../shared/schema/catalogue.ts'
import { catalogueVersion } from '../api/catalogue.ts'
import { LoadState } from '../app/LoadState.tsx'
import { useLoad } from '../app/useLoad.ts'
import { t, tx } from '../i18n/i18n.ts'
import { pillarTitle } from './catalogueLabels.ts'
import { fieldName } from './elementDraft.ts'

const changeIds: Record<ElementChange['kind'], string> = {
  added: 'catalogue.changeAdded',
  removed: 'catalogue.changeRemoved',
  retired: 'catalogue.changeRetired',
  restored: 'catalogue.changeRestored',
  changed: 'catalogue.changeChanged',
}

function revisionName(revision: number, history: readonly CatalogueRevision[]): string {
  if (revision === 0) return t('catalogue.builtIn')
  const row = history.find((candidate) => candidate.revision === revision)
  return row ? t('catalogue.revisionWithVersion', { revision, version: row.version }) : t('catalogue.revision', { revision })
}

const booleanFields = new Set(['verified', 'substanceConfirmed', 'agreed'])

/** A field's value as the comparison shows it: yes or no for a flag, a pillar by its title, anything else as written. */
function shownValue(field: string, value: string): ReactNode {
  if (value === '') return ''
  if (booleanFields.has(field) && (value === 'true' || value === 'false')) return value === 'true' ? t('catalogue.yes') : t('catalogue.no')
  if (field === 'pillar' && (pillars as readonly string[]).includes(value)) return pillarTitle(value as Pillar)
  return (
    <span translate="no" dir="auto">
      {value}
    </span>
  )
}

export function CatalogueHistory({ history }: { history: CatalogueRevision[] }) {
  const latest = history[0]?.revision ?? 0
  const [from, setFrom] = useState(Math.max(0, history[1]?.revision ?? 0))
  const [to, setTo] = useState(latest)
  const options = [...history.map((row) => row.revision), 0]
  return (
    <section className="catalogue-history" aria-labelledby="catalogue-history-heading">
      <h2 id="catalogue-history-heading">{t('catalogue.versionHistory')}</h2>
      {history.length === 0 ? (
        <p>{t('catalogue.builtInInForce')}</p>
      ) : (
        <ol className="catalogue-revisions" reversed>
          {history.map((row) => (
            <li key={row.revision}>
              {tx('catalogue.revisionLine', {
                b: (chunks) => <strong>{chunks}</strong>,
                name: revisionName(row.revision, history),
                count: row.entries,
                author:
                  row.createdByName === null ? (
                    t('catalogue.formerMember')
                  ) : (
                    <bdi translate="no" key="author">
                      {row.createdByName}
                    </bdi>
                  ),
                when: dateAndTime(row.createdAt),
              })}
            </li>
          ))}
        </ol>
      )}
      {history.length > 0 && (
        <>
          <div className="catalogue-compare-choice">
            <label>
              {t('catalogue.compare')}
              <select value={from} onChange={(event) => setFrom(Number(event.target.value))}>
                {options.map((revision) => (
                  <option key={revision} value={revision}>
                    {revisionName(revision, history)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              {t('catalogue.compareWith')}
              <select value={to} onChange={(event) => setTo(Number(event.target.value))}>
                {options.map((revision) => (
                  <option key={revision} value={revision}>
                    {revisionName(revision, history)}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <CatalogueComparison key={`${from}-${to}-${latest}`} from={from} to={to} />
        </>
      )}
    </section>
  )
}

function CatalogueComparison({ from, to }: { from: number; to: number }) {
  const [loaded, reload] = useLoad(async () => {
    const [before, after] = await Promise.all([catalogueVersion(from), catalogueVersion(to)])
    return compareCatalogues(before.catalogue, after.catalogue)
  }, [from, to])
  return (
    <LoadState loaded={loaded} what={t('catalogue.theComparison')} retry={reload}>
      {(changes) =>
        changes.length === 0 ? (
          <p role="status">{t('catalogue.noDifference')}</p>
        ) : (
          <table className="catalogue-comparison" aria-label={t('catalogue.changesBetweenVersions')}>
            <thead>
              <tr>
                <th scope="col">{t('catalogue.columnElement')}</th>
                <th scope="col">{t('catalogue.columnChange')}</th>
                <th scope="col">{t('catalogue.columnField')}</th>
                <th scope="col">{t('catalogue.columnBefore')}</th>
                <th scope="col">{t('catalogue.columnAfter')}</th>
              </tr>
            </thead>
            <tbody>
              {changes.flatMap((change) => {
                const rows = change.fields.length > 0 ? change.fields : [null]
                return rows.map((field, index) => (
                  <tr key={`${change.id}-${field?.field ?? ''}`} data-change={change.kind}>
                    {index === 0 && (
                      <>
                        <th scope="rowgroup" rowSpan={rows.length}>
                          <span translate="no" dir="auto">
                            {change.label}
                          </span>
                        </th>
                        <td rowSpan={rows.length}>{t(changeIds[change.kind])}</td>
                      </>
                    )}
                    <td>{field ? fieldName(field.field) : ''}</td>
                    <td>{field ? <del>{shownValue(field.field, field.before)}</del> : ''}</td>
                    <td>{field ? <ins>{shownValue(field.field, field.after)}</ins> : ''}</td>
                  </tr>
                ))
              })}
            </tbody>
          </table>
        )
      }
    </LoadState>
  )
}
