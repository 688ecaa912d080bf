/** Edits and comments in a workspace per UN regional group over time: two bar charts, a legend, the numbers as a table, and who has not been heard. */
import { Fragment, useEffect, useId, useMemo, useState } from 'react'
import { getParticipation, type Participation, type ParticipationBucket } from '../api/members.ts'
import { LoadState } from '../app/LoadState.tsx'
import { useLoad } from '../app/useLoad.ts'
import { groupColour } from './groupColours.ts'
import { bucketAxisLabel, bucketName, completeSeries, layoutPanel, padSeries, periodName, silentGroups, totals, type BucketCounts, type Metric } from './participationLayout.ts'
import { refreshWhileVisible } from './visibleRefresh.ts'
import '../styles/participation.css'

/** The chart follows the workspace on its own while the page is visible. */
const autoRefreshMs = 60_000

const bucketWords: Record<ParticipationBucket, { noun: string; by: string }> = {
  day: { noun: 'day', by: 'By day' },
  week: { noun: 'week', by: 'By week' },
}

const metricWords: Record<Metric, { title: string; one: string; many: string }> = {
  edits: { title: 'Editing sessions', one: 'editing session', many: 'editing sessions' },
  comments: { title: 'Comments', one: 'comment', many: 'comments' },
}

const count = (value: number, metric: Metric) => `${value} ${value === 1 ? metricWords[metric].one : metricWords[metric].many}`

export function ParticipationChart({ workspaceId }: { workspaceId: string }) {
  const [bucket, setBucket] = useState<ParticipationBucket>('day')
  const [loaded, reload, refresh] = useLoad(() => getParticipation(workspaceId, bucket), [workspaceId, bucket])
  useEffect(() => refreshWhileVisible(refresh, autoRefreshMs), [workspaceId, bucket, refresh])
  return (
    <section className="participation" aria-labelledby="participation-heading" data-testid="participation">
      <div className="participation-head">
        <h2 id="participation-heading">Participation by regional group</h2>
        <div className="participation-controls">
          <div className="segmented" role="group" aria-label="Time period of each bar">
            {(Object.keys(bucketWords) as ParticipationBucket[]).map((value) => (
              <button key={value} type="button" aria-pressed={bucket === value} onClick={() => setBucket(value)}>
                {bucketWords[value].by}
              </button>
            ))}
          </div>
          <button type="button" className="button-quiet" onClick={reload}>
            Refresh
          </button>
        </div>
      </div>
      <p className="hint">
        Editing sessions on this workspace's documents (a member's edits to one document, with no pause of five minutes or more) and comments
        on them, counted by the regional group of the member who made them.
      </p>
      <LoadState loaded={loaded} what="participation" retry={reload}>
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
        <p>
          <strong>No comments or edits yet.</strong> The chart fills in as members edit and comment on this workspace's documents.
        </p>
      </div>
    )
  }
  const silent = silentGroups(buckets, groups)
  return (
    <>
      <p className="participation-period">{periodName(buckets, participation.bucket)}</p>
      {silent.length > 0 ? (
        <p className="participation-silent" data-testid="participation-silent">
          <strong>No comments or edits yet from:</strong> {silent.map((group) => group.label).join(', ')}.
        </p>
      ) : (
        <p className="participation-all-heard">Every regional group has edited or commented in this period.</p>
      )}
      <ul className="participation-legend" aria-label="Regional groups">
        {groups.map((group) => (
          <li key={group.id}>
            <span className="participation-swatch" style={{ background: groupColour(group.id) }} aria-hidden="true" />
            {group.label}
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
  const labels = Object.fromEntries(participation.groups.map((group) => [group.id, group.label]))
  const titleId = useId()
  const { title } = metricWords[metric]
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
          {title} per regional group, by {bucketWords[participation.bucket].noun}. The same numbers are in the table below the charts.
        </desc>
        {layout.ticks.map((tick) => (
          <g key={tick.value} className="participation-tick">
            <line x1={layout.plot.left} x2={layout.plot.right} y1={tick.y} y2={tick.y} />
            <text x={layout.plot.left - 6} y={tick.y} dy="0.32em" textAnchor="end">
              {tick.value}
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
            No {metricWords[metric].many} in this period
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
              {labels[bar.groupId] ?? bar.groupId}, {bucketName(bar.bucketStart, participation.bucket)}: {count(bar.value, metric)}
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
  const noun = bucketWords[participation.bucket].noun
  return (
    <div className="participation-table-block">
      <button type="button" className="button-quiet" aria-expanded={shown} aria-controls={tableId} onClick={() => setShown((value) => !value)}>
        {shown ? 'Hide the table' : 'Show the numbers as a table'}
      </button>
      <div className={shown ? 'participation-table-scroll' : 'visually-hidden'}>
        <table className="participation-table" id={tableId}>
          <caption>Edits and comments per regional group, by {noun}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={2}>
                {noun === 'day' ? 'Day' : 'Week'}
              </th>
              {groups.map((group) => (
                <th key={group.id} scope="colgroup" colSpan={2}>
                  {group.label}
                </th>
              ))}
            </tr>
            <tr>
              {groups.map((group) => (
                <Fragment key={group.id}>
                  <th scope="col">Editing sessions</th>
                  <th scope="col">Comments</th>
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
                    <td>{bucket.counts[group.id].edits}</td>
                    <td>{bucket.counts[group.id].comments}</td>
                  </Fragment>
                ))}
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {groups.map((group) => (
                <Fragment key={group.id}>
                  <td>{sums[group.id].edits}</td>
                  <td>{sums[group.id].comments}</td>
                </Fragment>
              ))}
            </tr>
          </tfoot>
        </table>
      </div>
    </div>
  )
}
