/** Which snapshots of one document to keep: every one while recent, then the last of each day, then none. Pure. */

export interface RetentionPolicy {
  /** Every snapshot younger than this is kept. */
  keepAllMs: number
  /** Older ones, up to this age, are thinned to the last of each UTC day; older still are dropped. */
  keepDailyMs: number
}

export interface Dated {
  id: number
  createdAt: number
}

const dayMs = 86_400_000

/**
 * The ids to delete among one document's snapshots at `now`. The newest snapshot is always kept, whatever its age,
 * so a document that stopped changing long ago still has its last text in the history.
 */
export function snapshotsToPrune(snapshots: readonly Dated[], now: number, policy: RetentionPolicy): number[] {
  if (snapshots.length === 0) return []
  const newest = snapshots.reduce((a, b) => (b.createdAt > a.createdAt || (b.createdAt === a.createdAt && b.id > a.id) ? b : a))
  // The last snapshot of each day in the daily window: the text as that day left it.
  const lastOfDay = new Map<number, Dated>()
  for (const snapshot of snapshots) {
    const age = now - snapshot.createdAt
    if (age < policy.keepAllMs || age >= policy.keepDailyMs) continue
    const day = Math.floor(snapshot.createdAt / dayMs)
    const kept = lastOfDay.get(day)
    if (!kept || snapshot.createdAt > kept.createdAt || (snapshot.createdAt === kept.createdAt && snapshot.id > kept.id)) lastOfDay.set(day, snapshot)
  }
  const keep = new Set<number>([newest.id, ...[...lastOfDay.values()].map((snapshot) => snapshot.id)])
  return snapshots
    .filter((snapshot) => !keep.has(snapshot.id) && now - snapshot.createdAt >= policy.keepAllMs)
    .map((snapshot) => snapshot.id)
    .sort((a, b) => a - b)
}
