/** Edits and comments in a workspace per UN regional group over time: two bar charts, a legend, the numbers as a table, and who has not been heard. */
import { Fragment, useEffect, useId, useMemo, useState } from 'react'
import { getParticipation, type Participation, type ParticipationBucket } from '../api/members.ts'
import { LoadState } from '../app/LoadState.tsx'
import { knownRegionalGroupLabel } from '../app/regionalGroupLabels.ts'
import { useLoad } from '../app/useLoad.ts'
import { formatList, formatNumber, t, tx } from '../i18n/i18n.ts'
import { groupColour } from './groupColours.ts'
import { bucketAxisLabel, bucketName, completeSeries, layoutPanel, padSeries, periodName, silentGroups, totals, type BucketCounts, type Metric } from './participationLayout.ts'
import { refreshWhileVisible } from './visibleRefresh.ts'
import '../styles/participation.css'

/** The chart follows the workspace on its own while the page is visible. */
const autoRefreshMs = 60_000

const bucketChoices: readonly ParticipationBucket[] = ['day', 'week']

/** The message ids of each metric: its title, a count of it, "none in this period". */
const metricIds: Record<Metric, { title: string; count: string; none: string }> = {
  edits: { title: 'participation.editingSessions', count: 'participation.editingSessionCount', none: 'participation.noEditsInPeriod' },
  comments: { title: 'participation.comments', count: 'participation.commentCount', none: 'participation.noCommentsInPeriod' },
}

/** A regional group by its official name in the interface language; "no regional group" likewise; the server's label otherwise. */
function groupName(group: { id: string; label: string }): string {
  return knownRegionalGroupLabel(group.id) ?? (group.id === 'none' ? t('participation.noRegionalGroup') : group.label)
}

export function ParticipationChart({ workspaceId }: { workspaceId: string }) {
  const [bucket, setBucket] = useState<ParticipationBucket>('day')
  const [loaded, reload, refresh] = useLoad(() => getParticipation(workspaceId, bucket), [workspaceId, bucket])
  useEffect(() => refreshWhileVisible(refresh, autoRefreshMs), [workspaceId, bucket, refresh])
  return (
    <section className="participation" aria-labelledby="participation-heading" data-testid="participation">
      <div className="participation-head">
        <h2 id="participation-heading">{t('participation.heading')}</h2>
        <div className="participation-controls">
          <div className="segmented" role="group" aria-label={t('participation.barPeriod')}>
            {bucketChoices.map((value) => (
              <button key={value} type="button" aria-pressed={bucket === value} onClick={() => setBucket(value)}>
                {value === 'day' ? t('participation.byDay') : t('participation.byWeek')}
              </button>
            ))}
          </div>
          <button type="button" className="button-quiet" onClick={reload}>
            {t('participation.refresh')}
          </button>
        </div>
      </div>
      <p className="hint">{t('participation.explanation')}</p>
      <LoadState loaded={loaded} what={t('participation.participation')} retry={reload}>
        {(participation) => <ParticipationView participation={participation} />}
      </LoadState>
    </section>
  )
}

function ParticipationView({ participation }: { participation: Participation }) {
  const buckets = useMemo(
    () =>
      padSeries(
        completeSeries(participation, Date.now()),
        participation.bucket,
        participation.groups.map((group) => group.id),
      ),
    [participation],
  )
  const groups = participation.groups
  const sums = totals(
    buckets,
    groups.map((group) => group.id),
  )
  const active = Object.values(sums).some((sum) => sum.edits + sum.comments > 0)
  if (!active) {
    return (
      <div className="participation-empty" role="status">
        <p>{tx('participation.empty', { b: (chunks) => <strong>{chunks}</strong> })}</p>
      </div>
    )
  }
  const silent = silentGroups(buckets, groups)
  return (
    <>
      <p className="participation-period">{periodName(buckets, participation.bucket)}</p>
      {silent.length > 0 ? (
        <p className="participation-silent" data-testid="participation-silent">
          {tx('participation.silentGroups', { b: (chunks) => <strong>{chunks}</strong>, groups: formatList(silent.map(groupName)) })}
        </p>
      ) : (
        <p className="participation-all-heard">{t('participation.allHeard')}</p>
      )}
      <ul className="participation-legend" aria-label={t('participation.regionalGroups')}>
        {groups.map((group) => (
          <li key={group.id}>
            <span className="participation-swatch" style={{ background: groupColour(group.id) }} aria-hidden="true" />
            {groupName(group)}
          </li>
        ))}
      </ul>
      <div className="participation-panels">
        <ParticipationPanel buckets={buckets} participation={participation} metric="edits" />
        <ParticipationPanel buckets={buckets} participation={participation} metric="comments" />
      </div>
      <ParticipationTable buckets={buckets} participation={participation} sums={sums} />
    </>
  )
}

const panelSize = { width: 720, height: 190, margin: { top: 12, right: 8, bottom: 26, left: 44 } }

function ParticipationPanel({ buckets, participation, metric }: { buckets: BucketCounts[]; participation: Participation; metric: Metric }) {
  const ids = participation.groups.map((group) => group.id)
  const layout = useMemo(() => layoutPanel(buckets, ids, metric, panelSize), [buckets, participation, metric])
  const labels = Object.fromEntries(participation.groups.map((group) => [group.id, groupName(group)]))
  const titleId = useId()
  const messages = metricIds[metric]
  const title = t(messages.title)
  // Every other axis label when the slots get narrow.
  const labelEvery = layout.slots[0] && layout.slots[0].width < 40 ? 2 : 1
  return (
    <figure className="participation-panel">
      <figcaption id={titleId}>{title}</figcaption>
      <svg
        viewBox={`0 0 ${panelSize.width} ${panelSize.height}`}
        role="img"
        aria-labelledby={titleId}
        aria-describedby={`${titleId}-desc`}
        data-metric={metric}
        preserveAspectRatio="xMinYMin meet"
      >
        <desc id={`${titleId}-desc`}>
          {t('participation.chartDescription', { metric: title, bucket: participation.bucket })}
        </desc>
        {layout.ticks.map((tick) => (
          <g key={tick.value} className="participation-tick">
            <line x1={layout.plot.left} x2={layout.plot.right} y1={tick.y} y2={tick.y} />
            <text x={layout.plot.left - 6} y={tick.y} dy="0.32em" textAnchor="end">
              {formatNumber(tick.value)}
            </text>
          </g>
        ))}
        {layout.slots.map((slot, index) => (
          <text key={slot.start} className="participation-axis-label" x={slot.centre} y={panelSize.height - 8} textAnchor="middle">
            {index % labelEvery === 0 ? bucketAxisLabel(slot.start) : ''}
          </text>
        ))}
        {layout.bars.length === 0 && (
          <text className="participation-none" x={(layout.plot.left + layout.plot.right) / 2} y={(layout.plot.top + layout.plot.bottom) / 2} textAnchor="middle">
            {t(messages.none)}
          </text>
        )}
        <line className="participation-baseline" x1={layout.plot.left} x2={layout.plot.right} y1={layout.plot.bottom} y2={layout.plot.bottom} />
        {layout.bars.map((bar) => (
          <rect
            key={`${bar.bucketStart}-${bar.groupId}`}
            className="participation-bar"
            data-group={bar.groupId}
            x={bar.x}
            y={bar.y}
            width={Math.max(bar.width - 1, 1)}
            height={bar.height}
            fill={groupColour(bar.groupId)}
          >
            <title>
              {t('participation.barTitle', { group: labels[bar.groupId] ?? bar.groupId, bucket: bucketName(bar.bucketStart, participation.bucket), value: t(messages.count, { count: bar.value }) })}
            </title>
          </rect>
        ))}
      </svg>
    </figure>
  )
}

function ParticipationTable({
  buckets,
  participation,
  sums,
}: {
  buckets: BucketCounts[]
  participation: Participation
  sums: ReturnType<typeof totals>
}) {
  const [shown, setShown] = useState(false)
  const tableId = useId()
  const { groups } = participation
  return (
    <div className="participation-table-block">
      <button type="button" className="button-quiet" aria-expanded={shown} aria-controls={tableId} onClick={() => setShown((value) => !value)}>
        {shown ? t('participation.hideTable') : t('participation.showTable')}
      </button>
      <div className={shown ? 'participation-table-scroll' : 'visually-hidden'}>
        <table className="participation-table" id={tableId}>
          <caption>{t('participation.tableCaption', { bucket: participation.bucket })}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {participation.bucket === 'day' ? t('participation.day') : t('participation.week')}
              </th>
              {groups.map((group) => (
                <th key={group.id} scope="colgroup" colSpan={2}>
                  {groupName(group)}
                </th>
              ))}
            </tr>
            <tr>
              {groups.map((group) => (
                <Fragment key={group.id}>
                  <th scope="col">{t('participation.editingSessions')}</th>
                  <th scope="col">{t('participation.comments')}</th>
                </Fragment>
              ))}
            </tr>
          </thead>
          <tbody>
            {buckets.map((bucket) => (
              <tr key={bucket.start}>
                <th scope="row">{bucketName(bucket.start, participation.bucket)}</th>
                {groups.map((group) => (
                  <Fragment key={group.id}>
                    <td>{formatNumber(bucket.counts[group.id].edits)}</td>
                    <td>{formatNumber(bucket.counts[group.id].comments)}</td>
                  </Fragment>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">{t('participation.total')}</th>
              {groups.map((group) => (
                <Fragment key={group.id}>
                  <td>{formatNumber(sums[group.id].edits)}</td>
                  <td>{formatNumber(sums[group.id].comments)}</td>
                </Fragment>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  )
}
