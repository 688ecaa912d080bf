import { describe, expect, it } from 'vitest'
import { snapshotsToPrune } from './retention.ts'

const hour = 3_600_000
const day = 24 * hour
const policy = { keepAllMs: 7 * day, keepDailyMs: 30 * day }
/** Noon UTC, 29 November 2026: a fixed clock. */
const now = Date.UTC(2026, 10, 29, 12)

describe('snapshotsToPrune', () => {
  it('keeps every snapshot younger than the keep-all window', () => {
    const snapshots = Array.from({ length: 50 }, (_, i) => ({ id: i + 1, createdAt: now - i * hour }))
    expect(snapshotsToPrune(snapshots, now, policy)).toEqual([])
  })

  it('keeps only the last snapshot of each day between the two windows', () => {
    // Ten days ago: three snapshots on one UTC day (08:00, 12:00, 20:00); eleven days ago: two.
    const tenDaysAgo = Date.UTC(2026, 10, 19)
    const elevenDaysAgo = Date.UTC(2026, 10, 18)
    const snapshots = [
      { id: 1, createdAt: elevenDaysAgo + 9 * hour },
      { id: 2, createdAt: elevenDaysAgo + 23 * hour },
      { id: 3, createdAt: tenDaysAgo + 8 * hour },
      { id: 4, createdAt: tenDaysAgo + 12 * hour },
      { id: 5, createdAt: tenDaysAgo + 20 * hour },
      { id: 6, createdAt: now - hour },
    ]
    expect(snapshotsToPrune(snapshots, now, policy)).toEqual([1, 3, 4])
  })

  it('drops snapshots older than the daily window, except the newest of the document', () => {
    const snapshots = [
      { id: 1, createdAt: now - 40 * day },
      { id: 2, createdAt: now - 31 * day },
      { id: 3, createdAt: now - 29 * day },
    ]
    expect(snapshotsToPrune(snapshots, now, policy)).toEqual([1, 2])
    // A document untouched for months keeps its last snapshot.
    expect(snapshotsToPrune([{ id: 7, createdAt: now - 400 * day }, { id: 8, createdAt: now - 300 * day }], now, policy)).toEqual([7])
  })

  it('treats the window edges exactly: at keepAllMs the daily rule applies, at keepDailyMs the snapshot goes', () => {
    const snapshots = [
      { id: 1, createdAt: now - 7 * day }, // exactly at the edge: thinned to the last of its day
      { id: 2, createdAt: now - 7 * day + 1 }, // just inside: kept
      { id: 3, createdAt: now - 30 * day }, // exactly 30 days: dropped
      { id: 4, createdAt: now },
    ]
    // Snapshot 1 is the only one of its day in the daily window, so it stays.
    expect(snapshotsToPrune(snapshots, now, policy)).toEqual([3])
  })

  it('is stable when applied again: what it keeps, it keeps', () => {
    const snapshots = Array.from({ length: 24 * 40 }, (_, i) => ({ id: i + 1, createdAt: now - i * hour }))
    const pruned = new Set(snapshotsToPrune(snapshots, now, policy))
    const kept = snapshots.filter((snapshot) => !pruned.has(snapshot.id))
    // 7 days hourly (168) + the days from 7 to 30 days old, one each (23 full days, plus the day cut by the 7-day edge).
    expect(kept.length).toBeGreaterThan(168 + 22)
    expect(kept.length).toBeLessThanOrEqual(168 + 25)
    expect(snapshotsToPrune(kept, now, policy)).toEqual([])
  })

  it('handles no snapshots', () => {
    expect(snapshotsToPrune([], now, policy)).toEqual([])
  })
})
