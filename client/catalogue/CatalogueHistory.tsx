/** The catalogue's kept versions, newest first, and the comparison of any two of them, element by element and field by field. */
import { dateAndTime } from '../app/dates.ts'
import { useState } from 'react'
import { compareCatalogues, type ElementChange } from '../../shared/framework/compareCatalogues.ts'
import type { CatalogueRevision } from '../../shared/schema/catalogue.ts'
import { catalogueVersion } from '../api/catalogue.ts'
import { LoadState } from '../app/LoadState.tsx'
import { useLoad } from '../app/useLoad.ts'

const changeNames: Record<ElementChange['kind'], string> = {
  added: 'Added',
  removed: 'No longer in the catalogue',
  retired: 'Retired',
  restored: 'Restored',
  changed: 'Changed',
}

function when(createdAt: number): string {
  return dateAndTime(createdAt)
}

function revisionName(revision: number, history: readonly CatalogueRevision[]): string {
  if (revision === 0) return 'Built-in catalogue'
  const row = history.find((candidate) => candidate.revision === revision)
  return row ? `Revision ${revision} (${row.version})` : `Revision ${revision}`
}

export function CatalogueHistory({ history }: { history: CatalogueRevision[] }) {
  const latest = history[0]?.revision ?? 0
  const [from, setFrom] = useState(Math.max(0, history[1]?.revision ?? 0))
  const [to, setTo] = useState(latest)
  const options = [...history.map((row) => row.revision), 0]
  return (
    <section className="catalogue-history" aria-labelledby="catalogue-history-heading">
      <h2 id="catalogue-history-heading">Version history</h2>
      {history.length === 0 ? (
        <p>The built-in catalogue is in force; the secretariat has not changed it.</p>
      ) : (
        <ol className="catalogue-revisions" reversed>
          {history.map((row) => (
            <li key={row.revision}>
              <strong>{revisionName(row.revision, history)}</strong>: {row.entries} {row.entries === 1 ? 'entry' : 'entries'} in the override, by {row.createdByName ?? 'a former member'},{' '}
              {when(row.createdAt)}
            </li>
          ))}
        </ol>
      )}
      {history.length > 0 && (
        <>
          <div className="catalogue-compare-choice">
            <label>
              Compare
              <select value={from} onChange={(event) => setFrom(Number(event.target.value))}>
                {options.map((revision) => (
                  <option key={revision} value={revision}>
                    {revisionName(revision, history)}
                  </option>
                ))}
              </select>
            </label>
            <label>
              with
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
    <LoadState loaded={loaded} what="the comparison" retry={reload}>
      {(changes) =>
        changes.length === 0 ? (
          <p role="status">No element differs between these versions.</p>
        ) : (
          <table className="catalogue-comparison" aria-label="Changes between the versions">
            <thead>
              <tr>
                <th scope="col">Element</th>
                <th scope="col">Change</th>
                <th scope="col">Field</th>
                <th scope="col">Before</th>
                <th scope="col">After</th>
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
                          {change.label}
                        </th>
                        <td rowSpan={rows.length}>{changeNames[change.kind]}</td>
                      </>
                    )}
                    <td>{field?.field ?? ''}</td>
                    <td>{field ? <del>{field.before}</del> : ''}</td>
                    <td>{field ? <ins>{field.after}</ins> : ''}</td>
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
