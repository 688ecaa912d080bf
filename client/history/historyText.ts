/** What the history panel says of a snapshot and of the retention policy (pure). */
import type { SnapshotRetention, SnapshotSummary } from '../../shared/schema/history.ts'
import { formatList, t } from '../i18n/i18n.ts'
import { nameWithDelegation } from '../app/memberLine.ts'

/** "Automatic", "Before a restore by Amina Odhiambo (Kenya)", "Before a proposal was applied by ...". */
export function snapshotReasonText(snapshot: Pick<SnapshotSummary, 'reason' | 'takenBy'>): string {
  const by = snapshot.takenBy ? nameWithDelegation(snapshot.takenBy) : null
  switch (snapshot.reason) {
    case 'auto':
      return t('history.reasonAuto')
    case 'restore':
      return by ? t('history.reasonRestoreBy', { by }) : t('history.reasonRestore')
    case 'proposal':
      return by ? t('history.reasonProposalBy', { by }) : t('history.reasonProposal')
  }
}

/** "Edits by A, B and C", or "No edits recorded" (a snapshot of text no member changed since the one before). */
export function snapshotAuthorsText(snapshot: Pick<SnapshotSummary, 'authors'>): string {
  const names = snapshot.authors.map(nameWithDelegation)
  if (names.length === 0) return t('history.noEdits')
  return t('history.editsBy', { names: formatList(names) })
}

/** The interval's largest whole unit: 300 s is 5 minutes, 90 s stays 90 seconds. */
function interval(seconds: number): { unit: 'hour' | 'minute' | 'second'; count: number } {
  if (seconds % 3600 === 0) return { unit: 'hour', count: seconds / 3600 }
  if (seconds % 60 === 0) return { unit: 'minute', count: seconds / 60 }
  return { unit: 'second', count: seconds }
}

/** "A snapshot at most every 5 minutes while the text changes; every one kept for 7 days, then one a day for 365 days." */
export function retentionText(retention: SnapshotRetention): string {
  const { unit, count } = interval(retention.intervalSeconds)
  const days = (value: number) => Math.round(value * 100) / 100
  return t('history.retention', { unit, interval: count, keepAll: days(retention.keepAllDays), keepDaily: days(retention.keepDailyDays) })
}
