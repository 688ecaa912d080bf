/**
 * The audit of a document: who sent content updates (how many, how large, when), and the most recent ones. Loaded when
 * opened, and kept current while open: the document's `status` event follows edits, so it asks for a refresh, at most
 * once per 10 s.
 */
import { useEffect, useState } from 'react'
import { followDocumentEvents } from '../api/documentEvents.ts'
import { getContributors, type Contributors } from '../api/members.ts'
import { LoadState } from '../app/LoadState.tsx'
import { nameWithDelegation } from '../app/memberLine.ts'
import { roleLabel } from '../app/roleLabels.ts'
import { useLoad } from '../app/useLoad.ts'
import { formatNumber, t, tx } from '../i18n/i18n.ts'
import { formatBytes, formatWhen, recentSpells, spellSummary } from './contributorsFormat.ts'
import { throttledRefresh } from './throttledRefresh.ts'
import '../styles/audit.css'

const recentShown = 20
const refreshIntervalMs = 10_000

export function ContributorsPanel({ documentId }: { documentId: string }) {
  const [open, setOpen] = useState(false)
  return (
    <details className="side-panel contributors-panel" onToggle={(event) => setOpen(event.currentTarget.open)} data-testid="contributors-panel">
      <summary>
        <h2>{t('audit.heading')}</h2>
        <span className="hint">{t('audit.headingHint')}</span>
      </summary>
      {open && <ContributorsBody documentId={documentId} />}
    </details>
  )
}

function ContributorsBody({ documentId }: { documentId: string }) {
  const [loaded, reload, refresh] = useLoad(() => getContributors(documentId), [documentId])
  useEffect(() => {
    const throttle = throttledRefresh(refresh, refreshIntervalMs)
    const stop = followDocumentEvents(documentId, 'status', { onEvent: throttle.request, onReconnect: throttle.request })
    return () => {
      stop()
      throttle.cancel()
    }
  }, [documentId, refresh])
  return (
    <>
      <button type="button" className="button-quiet contributors-refresh" onClick={reload}>
        {t('audit.refresh')}
      </button>
      <LoadState loaded={loaded} what={t('audit.loadingWhatContributors')} retry={reload}>
        {(contributors) => <ContributorsView contributors={contributors} />}
      </LoadState>
    </>
  )
}

function ContributorsView({ contributors: { contributors, recent } }: { contributors: Contributors }) {
  const [showAll, setShowAll] = useState(false)
  const now = Date.now()
  if (contributors.length === 0) return <p className="panel-summary">{t('audit.nobodyYet')}</p>
  const spells = recentSpells(recent)
  const shown = showAll ? spells : spells.slice(0, recentShown)
  return (
    <>
      <table className="contributors-table">
        <caption className="visually-hidden">{t('audit.tableCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('audit.columnMember')}</th>
            <th scope="col">{t('audit.columnUpdates')}</th>
            <th scope="col">{t('audit.columnSize')}</th>
            <th scope="col">{t('audit.columnFirstAndLast')}</th>
          </tr>
        </thead>
        <tbody>
          {contributors.map(({ author, updates, bytes, firstAt, lastAt }) => (
            <tr key={author.id}>
              <th scope="row">
                <span className="contributor-name" translate="no" dir="auto">
                  {author.name}
                </span>
                <span className="contributor-meta">
                  {author.delegation
                    ? tx('audit.roleAndDelegation', {
                        role: roleLabel(author.role),
                        delegation: (
                          <bdi key="delegation" translate="no">
                            {author.delegation}
                          </bdi>
                        ),
                      })
                    : roleLabel(author.role)}
                </span>
              </th>
              <td>{formatNumber(updates)}</td>
              <td>{formatBytes(bytes)}</td>
              <td className="contributor-times">
                <time dateTime={new Date(firstAt).toISOString()}>{formatWhen(firstAt, now)}</time>
                {lastAt !== firstAt && (
                  <>
                    {' – '}
                    <time dateTime={new Date(lastAt).toISOString()}>{formatWhen(lastAt, now)}</time>
                  </>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h3 className="contributors-recent-heading">{t('audit.recentChanges')}</h3>
      <ol className="contributors-recent">
        {shown.map((entry, index) => (
          <li key={`${entry.to}-${entry.author.id}-${index}`}>
            <span className="contributor-when">
              {entry.from !== entry.to && (
                <>
                  <time dateTime={new Date(entry.from).toISOString()}>{formatWhen(entry.from, now)}</time>
                  {' – '}
                </>
              )}
              <time dateTime={new Date(entry.to).toISOString()}>{formatWhen(entry.to, now)}</time>
            </span>
            <span className="contributor-name" translate="no" dir="auto">
              {nameWithDelegation(entry.author)}
            </span>
            <span className="contributor-meta">{spellSummary(entry.updates, entry.bytes)}</span>
          </li>
        ))}
      </ol>
      {spells.length > recentShown && (
        <button type="button" className="button-quiet" onClick={() => setShowAll((value) => !value)}>
          {showAll ? t('audit.showLatest', { count: recentShown }) : t('audit.showAll', { count: spells.length })}
        </button>
      )}
      {recent.length > 0 && <p className="hint">{t('audit.spellHint')}</p>}
    </>
  )
}
