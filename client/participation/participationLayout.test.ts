import { beforeAll, describe, expect, test } from 'vitest'
import type { Participation } from '../api/members.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { bucketAxisLabel, bucketMs, bucketName, completeSeries, layoutPanel, maxBarWidth, niceScale, padSeries, periodName, silentGroups, totals } from './participationLayout.ts'

const day = bucketMs.day

beforeAll(async () => useMessagesForTests('en', await loadMessages('en')))
const monday = Date.UTC(2026, 10, 23)
const groups: Participation['groups'] = [
  { id: 'african', label: 'African Group' },
  { id: 'weog', label: 'Western European and Others Group' },
  { id: 'none', label: 'No regional group' },
]

function participation(series: Participation['series'], bucket: Participation['bucket'] = 'day'): Participation {
  return { bucket, groups, series }
}

describe('complete series', () => {
  test('every group is present in every bucket, and gaps between buckets are filled with zeros', () => {
    const series = completeSeries(
      participation([
        { start: monday, counts: { african: { edits: 3, comments: 1 } } },
        { start: monday + 3 * day, counts: { weog: { edits: 0, comments: 2 } } },
      ]),
      monday + 3 * day + 5,
    )
    expect(series.map((bucket) => (bucket.start - monday) / day)).toEqual([0, 1, 2, 3])
    expect(series[0].counts).toEqual({ african: { edits: 3, comments: 1 }, weog: { edits: 0, comments: 0 }, none: { edits: 0, comments: 0 } })
    expect(series[1].counts.african).toEqual({ edits: 0, comments: 0 })
    expect(series[3].counts.weog).toEqual({ edits: 0, comments: 2 })
  })

  test('extends to the bucket holding now, and keeps only the most recent buckets', () => {
    const series = completeSeries(participation([{ start: monday, counts: { african: { edits: 1, comments: 0 } } }]), monday + 2 * day + 60_000)
    expect(series.map((bucket) => (bucket.start - monday) / day)).toEqual([0, 1, 2])

    const long = completeSeries(participation([{ start: monday, counts: { african: { edits: 1, comments: 0 } } }]), monday + 100 * day, 14)
    expect(long).toHaveLength(14)
    expect((long[0].start - monday) / day).toBe(87)
    expect((long.at(-1)!.start - monday) / day).toBe(100)
  })

  test('a long gap between buckets still ends with the most recent buckets, in order', () => {
    const series = completeSeries(
      participation([
        { start: monday, counts: { african: { edits: 1, comments: 0 } } },
        { start: monday + 500 * day, counts: { weog: { edits: 1, comments: 0 } } },
      ]),
      monday + 500 * day,
      5,
    )
    expect(series.map((bucket) => (bucket.start - monday) / day)).toEqual([496, 497, 498, 499, 500])
  })

  test('weeks step by seven days; an empty answer stays empty', () => {
    const weeks = completeSeries(
      participation(
        [
          { start: monday, counts: {} },
          { start: monday + 14 * day, counts: {} },
        ],
        'week',
      ),
      monday + 14 * day,
    )
    expect(weeks.map((bucket) => (bucket.start - monday) / day)).toEqual([0, 7, 14])
    expect(completeSeries(participation([]), monday)).toEqual([])
  })

  test('unsorted and duplicate buckets are read in time order, once', () => {
    const series = completeSeries(
      participation([
        { start: monday + day, counts: { african: { edits: 2, comments: 0 } } },
        { start: monday, counts: { african: { edits: 1, comments: 0 } } },
        { start: monday + day, counts: { african: { edits: 9, comments: 9 } } },
      ]),
      monday + day,
    )
    expect(series.map((bucket) => bucket.counts.african.edits)).toEqual([1, 2])
  })
})

test('a short series is padded with empty buckets before it, to a minimum', () => {
  const ids = groups.map((group) => group.id)
  const one = completeSeries(participation([{ start: monday, counts: { african: { edits: 1, comments: 0 } } }]), monday)
  const padded = padSeries(one, 'day', ids, 4)
  expect(padded.map((bucket) => (bucket.start - monday) / day)).toEqual([-3, -2, -1, 0])
  expect(padded[0].counts.weog).toEqual({ edits: 0, comments: 0 })
  expect(padded[3].counts.african.edits).toBe(1)
  expect(padSeries(padded, 'day', ids, 2)).toEqual(padded)
  expect(padSeries([], 'day', ids, 4)).toEqual([])
  expect(padSeries(one, 'week', ids, 2).map((bucket) => (bucket.start - monday) / day)).toEqual([-7, 0])
})

describe('scale', () => {
  test('integer steps of 1, 2 or 5 times a power of ten, at most four of them', () => {
    expect(niceScale(0)).toEqual({ max: 1, step: 1, ticks: [0, 1] })
    expect(niceScale(3)).toEqual({ max: 3, step: 1, ticks: [0, 1, 2, 3] })
    expect(niceScale(7)).toEqual({ max: 8, step: 2, ticks: [0, 2, 4, 6, 8] })
    expect(niceScale(17)).toEqual({ max: 20, step: 5, ticks: [0, 5, 10, 15, 20] })
    expect(niceScale(230)).toEqual({ max: 300, step: 100, ticks: [0, 100, 200, 300] })
    expect(niceScale(1234).max).toBeGreaterThanOrEqual(1234)
    expect(niceScale(1234).ticks.length).toBeLessThanOrEqual(5)
  })
})

describe('panel layout', () => {
  const size = { width: 500, height: 200, margin: { top: 10, right: 10, bottom: 30, left: 40 } }
  const buckets = completeSeries(
    participation([
      { start: monday, counts: { african: { edits: 4, comments: 1 }, weog: { edits: 2, comments: 0 } } },
      { start: monday + day, counts: { none: { edits: 1, comments: 0 } } },
    ]),
    monday + day,
  )
  const ids = groups.map((group) => group.id)

  test('one slot per bucket across the plot; bars side by side inside their slot, zero bars left out', () => {
    const layout = layoutPanel(buckets, ids, 'edits', size)
    expect(layout.plot).toEqual({ left: 40, top: 10, right: 490, bottom: 170 })
    expect(layout.slots.map((slot) => [slot.x, slot.width])).toEqual([
      [40, 225],
      [265, 225],
    ])
    expect(layout.bars.map((bar) => [bar.groupId, bar.value])).toEqual([
      ['african', 4],
      ['weog', 2],
      ['none', 1],
    ])
    const [african, weog, none] = layout.bars
    expect(african.width).toBe(maxBarWidth)
    expect(african.x).toBe(40 + (225 - 3 * maxBarWidth) / 2)
    expect(african.height).toBe(160)
    expect(african.y).toBe(10)
    expect(weog.height).toBe(80)
    expect(weog.x).toBeCloseTo(african.x + african.width)
    expect(none.x).toBeGreaterThanOrEqual(265)
    expect(none.x + none.width).toBeLessThanOrEqual(265 + 225)
    for (const bar of layout.bars) expect(bar.y + bar.height).toBe(170)
    expect(layout.ticks.map((tick) => [tick.value, tick.y])).toEqual([
      [0, 170],
      [1, 130],
      [2, 90],
      [3, 50],
      [4, 10],
    ])
  })

  test('each metric has its own scale', () => {
    const comments = layoutPanel(buckets, ids, 'comments', size)
    expect(comments.bars).toHaveLength(1)
    expect(comments.scale.max).toBe(1)
    expect(comments.bars[0].height).toBe(160)
  })

  test('no buckets: no bars, an axis from 0 to 1', () => {
    const empty = layoutPanel([], ids, 'edits', size)
    expect(empty.bars).toEqual([])
    expect(empty.slots).toEqual([])
    expect(empty.scale.max).toBe(1)
  })
})

test('totals and the regional groups not heard in the period ("no group" is never flagged)', () => {
  const buckets = completeSeries(participation([{ start: monday, counts: { african: { edits: 0, comments: 2 } } }]), monday)
  expect(totals(buckets, ['african', 'weog'])).toEqual({ african: { edits: 0, comments: 2 }, weog: { edits: 0, comments: 0 } })
  expect(silentGroups(buckets, groups).map((group) => group.label)).toEqual(['Western European and Others Group'])
  expect(silentGroups([], groups).map((group) => group.id)).toEqual(['african', 'weog'])
})

test('bucket labels are in UTC, where buckets start', () => {
  expect(bucketAxisLabel(monday)).toBe('23 Nov')
  expect(bucketName(monday, 'day')).toBe('23 November 2026')
  expect(bucketName(monday, 'week')).toBe('Week of 23 November 2026')
})

test('the period covered, named in full', () => {
  const days = completeSeries(participation([{ start: monday - 2 * day, counts: {} }]), monday)
  expect(periodName(days, 'day')).toBe('3 days: 21 November 2026 to 23 November 2026')
  expect(periodName(days.slice(-1), 'day')).toBe('1 day: 23 November 2026')
  const weeks = completeSeries(participation([{ start: monday - 7 * day, counts: {} }], 'week'), monday)
  expect(periodName(weeks, 'week')).toBe('2 weeks: from the week of 16 November 2026 to the week of 23 November 2026')
  expect(periodName([], 'week')).toBe('')
})

test('bucket labels and the period in the interface language', async () => {
  useMessagesForTests('fr', await loadMessages('fr'))
  try {
    expect(bucketAxisLabel(monday)).toBe('23 nov.')
    expect(bucketName(monday, 'week')).toBe('Semaine du 23 novembre 2026')
    const days = completeSeries(participation([{ start: monday - 2 * day, counts: {} }]), monday)
    expect(periodName(days, 'day')).toBe('3 jours\u00a0: du 21 novembre 2026 au 23 novembre 2026')
  } finally {
    useMessagesForTests('en', await loadMessages('en'))
  }
})
