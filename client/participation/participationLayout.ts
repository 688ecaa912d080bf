/** The participation chart's pure core: complete series of time buckets, a nice integer scale, bar geometry, silent groups. */
import type { Participation, ParticipationBucket, ParticipationCounts, ParticipationGroupId } from '../api/members.ts'
import { dateOnly } from '../app/dates.ts'
import { intlLocale, markPseudo, t } from '../i18n/i18n.ts'

export const bucketMs: Record<ParticipationBucket, number> = { day: 86_400_000, week: 7 * 86_400_000 }

/** How many buckets the chart shows at most: the most recent ones. */
export const bucketsShown: Record<ParticipationBucket, number> = { day: 14, week: 12 }

/** How many buckets the chart shows at least, so that a young workspace still shows a stretch of time. */
export const bucketsAtLeast: Record<ParticipationBucket, number> = { day: 7, week: 4 }

export type Metric = keyof ParticipationCounts

export interface BucketCounts {
  start: number
  /** Every group of the answer, zeros included. */
  counts: Record<string, ParticipationCounts>
}

const zero = (): ParticipationCounts => ({ edits: 0, comments: 0 })

function withEveryGroup(start: number, counts: Participation['series'][number]['counts'], groups: readonly ParticipationGroupId[]): BucketCounts {
  return { start, counts: Object.fromEntries(groups.map((id) => [id, { ...zero(), ...counts[id] }])) }
}

/**
 * The buckets to draw, oldest first: the answer's series with the empty buckets between its first and last filled in
 * (when they fall on the bucket step), extended with empty buckets up to the one holding `now`, cut to the most recent
 * `limit`. An empty series stays empty.
 */
export function completeSeries(participation: Participation, now: number, limit = bucketsShown[participation.bucket]): BucketCounts[] {
  const step = bucketMs[participation.bucket]
  const groups = participation.groups.map((group) => group.id)
  const sorted = [...participation.series].sort((a, b) => a.start - b.start)
  const filled: BucketCounts[] = []
  for (const entry of sorted) {
    const previous = filled.at(-1)
    if (previous && entry.start === previous.start) continue
    if (previous && (entry.start - previous.start) % step === 0) {
      // A long gap only needs its last `limit` buckets.
      const first = Math.max(previous.start + step, entry.start - limit * step)
      for (let start = first; start < entry.start; start += step) filled.push(withEveryGroup(start, {}, groups))
    }
    filled.push(withEveryGroup(entry.start, entry.counts, groups))
  }
  const last = filled.at(-1)
  if (last && now >= last.start + step) {
    const current = last.start + Math.floor((now - last.start) / step) * step
    for (let start = Math.max(last.start + step, current - (limit - 1) * step); start <= current; start += step) {
      filled.push(withEveryGroup(start, {}, groups))
    }
  }
  return filled.slice(-limit)
}

/** The buckets with empty ones added before the first, up to `minimum` in all. */
export function padSeries(buckets: readonly BucketCounts[], bucket: ParticipationBucket, groups: readonly ParticipationGroupId[], minimum = bucketsAtLeast[bucket]): BucketCounts[] {
  if (buckets.length === 0 || buckets.length >= minimum) return [...buckets]
  const step = bucketMs[bucket]
  const first = buckets[0].start
  const before = Array.from({ length: minimum - buckets.length }, (_, index) => withEveryGroup(first - (minimum - buckets.length - index) * step, {}, groups))
  return [...before, ...buckets]
}

export interface Scale {
  /** The top of the axis, a multiple of `step`, at least the largest value. */
  max: number
  step: number
  ticks: number[]
}

/** An integer axis from 0 with at most `maxTicks` steps of 1, 2 or 5 times a power of ten. */
export function niceScale(largest: number, maxTicks = 4): Scale {
  if (!(largest > 0)) return { max: 1, step: 1, ticks: [0, 1] }
  let step = 1
  for (let magnitude = 1; ; magnitude *= 10) {
    const found = [1, 2, 5].map((factor) => factor * magnitude).find((candidate) => Math.ceil(largest / candidate) <= maxTicks)
    if (found !== undefined) {
      step = found
      break
    }
  }
  const max = Math.ceil(largest / step) * step
  const ticks: number[] = []
  for (let value = 0; value <= max; value += step) ticks.push(value)
  return { max, step, ticks }
}

export interface PanelSize {
  width: number
  height: number
  /** Room around the plot for the axis labels. */
  margin: { top: number; right: number; bottom: number; left: number }
}

export interface Bar {
  bucketStart: number
  groupId: string
  value: number
  x: number
  y: number
  width: number
  height: number
}

export interface Slot {
  start: number
  x: number
  width: number
  centre: number
}

export interface PanelLayout {
  bars: Bar[]
  ticks: { value: number; y: number }[]
  slots: Slot[]
  scale: Scale
  plot: { left: number; top: number; right: number; bottom: number }
}

/** The widest a bar gets, so that a few buckets do not make slabs. */
export const maxBarWidth = 24

/** Grouped bars: one slot per bucket, in it one bar per group, side by side and centred; bars of zero are left out. */
export function layoutPanel(buckets: readonly BucketCounts[], groups: readonly string[], metric: Metric, size: PanelSize): PanelLayout {
  const plot = {
    left: size.margin.left,
    top: size.margin.top,
    right: size.width - size.margin.right,
    bottom: size.height - size.margin.bottom,
  }
  const largest = Math.max(0, ...buckets.flatMap((bucket) => groups.map((group) => bucket.counts[group]?.[metric] ?? 0)))
  const scale = niceScale(largest)
  const plotHeight = plot.bottom - plot.top
  const y = (value: number) => plot.bottom - (value / scale.max) * plotHeight
  const slotWidth = buckets.length > 0 ? (plot.right - plot.left) / buckets.length : 0
  const barWidth = groups.length > 0 ? Math.min((slotWidth * 0.8) / groups.length, maxBarWidth) : 0
  const inset = (slotWidth - barWidth * groups.length) / 2
  const slots: Slot[] = []
  const bars: Bar[] = []
  buckets.forEach((bucket, index) => {
    const x = plot.left + index * slotWidth
    slots.push({ start: bucket.start, x, width: slotWidth, centre: x + slotWidth / 2 })
    groups.forEach((group, position) => {
      const value = bucket.counts[group]?.[metric] ?? 0
      if (value <= 0) return
      const top = y(value)
      bars.push({ bucketStart: bucket.start, groupId: group, value, x: x + inset + position * barWidth, y: top, width: barWidth, height: plot.bottom - top })
    })
  })
  return { bars, slots, scale, plot, ticks: scale.ticks.map((value) => ({ value, y: y(value) })) }
}

/** Totals over the buckets shown, per group. */
export function totals(buckets: readonly BucketCounts[], groups: readonly string[]): Record<string, ParticipationCounts> {
  const sums: Record<string, ParticipationCounts> = Object.fromEntries(groups.map((group) => [group, zero()]))
  for (const bucket of buckets) {
    for (const group of groups) {
      sums[group].edits += bucket.counts[group]?.edits ?? 0
      sums[group].comments += bucket.counts[group]?.comments ?? 0
    }
  }
  return sums
}

/** The regional groups (not "no group") with neither an edit nor a comment in the buckets shown. */
export function silentGroups<G extends { id: string }>(buckets: readonly BucketCounts[], groups: readonly G[]): G[] {
  const sums = totals(
    buckets,
    groups.map((group) => group.id),
  )
  return groups.filter((group) => group.id !== 'none' && sums[group.id].edits + sums[group.id].comments === 0)
}

const axisFormats = new Map<string, Intl.DateTimeFormat>()

/** The short axis label of a bucket ("23 Nov", "23 nov.", "11月23日"): buckets start at midnight UTC. */
export function bucketAxisLabel(start: number): string {
  const locale = intlLocale()
  let format = axisFormats.get(locale)
  if (!format) axisFormats.set(locale, (format = new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: 'UTC' })))
  return markPseudo(format.format(start))
}

const fullDay = (start: number) => dateOnly(start, 'UTC')

/** The full name of a bucket ("23 November 2026", "Week of 23 November 2026"). */
export function bucketName(start: number, bucket: ParticipationBucket): string {
  return bucket === 'week' ? t('participation.weekOf', { date: fullDay(start) }) : fullDay(start)
}

/** The period the chart covers ("3 days: 21 November 2026 to 23 November 2026"). */
export function periodName(buckets: readonly BucketCounts[], bucket: ParticipationBucket): string {
  if (buckets.length === 0) return ''
  const first = fullDay(buckets[0].start)
  if (buckets.length === 1) return bucket === 'week' ? t('participation.periodOneWeek', { first }) : t('participation.periodOneDay', { first })
  const values = { count: buckets.length, first, last: fullDay(buckets.at(-1)!.start) }
  return bucket === 'week' ? t('participation.periodWeeks', values) : t('participation.periodDays', values)
}
