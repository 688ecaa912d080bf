/** What the history panel says of a snapshot and of the retention policy (pure). */
import type { SnapshotRetention, SnapshotSummary } from '../../shared/schema/history.ts'
import { authorName } from '../revisions/revisionText.ts'

/** "Automatic", "Before a restore by Amina Odhiambo (Kenya)", "Before a proposal was applied by ...". */
export function snapshotReasonText(snapshot: Pick<SnapshotSummary, 'reason' | 'takenBy'>): string {
  const by = snapshot.takenBy ? ` by ${authorName(snapshot.takenBy)}` : ''
  switch (snapshot.reason) {
    case 'auto':
      return 'Automatic'
    case 'restore':
      return `Before a restore${by}`
    case 'proposal':
      return `Before a proposal was applied${by}`
  }
}

/** "Edits by A, B and C", or "No edits recorded" (a snapshot of text no member changed since the one before). */
export function snapshotAuthorsText(snapshot: Pick<SnapshotSummary, 'authors'>): string {
  const names = snapshot.authors.map(authorName)
  if (names.length === 0) return 'No edits recorded since the snapshot before'
  if (names.length === 1) return `Edits by ${names[0]}`
  return `Edits by ${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`

function duration(seconds: number): string {
  if (seconds % 3600 === 0) return plural(seconds / 3600, 'hour')
  if (seconds % 60 === 0) return plural(seconds / 60, 'minute')
  return plural(seconds, 'second')
}

/** "A snapshot at most every 5 minutes while the text changes; every one kept for 7 days, then one a day for 365 days." */
export function retentionText(retention: SnapshotRetention): string {
  const days = (value: number) => plural(Math.round(value * 100) / 100, 'day')
  return (
    `A snapshot at most every ${duration(retention.intervalSeconds)} while the text changes, and before every restore or applied proposal; ` +
    `every one kept for ${days(retention.keepAllDays)}, then one a day up to ${days(retention.keepDailyDays)}.`
  )
}
