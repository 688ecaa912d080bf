import { describe, expect, it } from 'vitest'
import { retentionText, snapshotAuthorsText, snapshotReasonText } from './historyText.ts'

const amina = { id: 1, name: 'Amina Odhiambo', role: 'cofacilitator' as const, delegation: 'Kenya', regionalGroup: null }
const lee = { id: 2, name: 'Lee', role: 'secretariat' as const, delegation: null, regionalGroup: null }
const ana = { id: 3, name: 'Ana', role: 'cofacilitator' as const, delegation: 'Brazil', regionalGroup: null }

describe('history text', () => {
  it('says why a snapshot was taken and by whom', () => {
    expect(snapshotReasonText({ reason: 'auto', takenBy: null })).toBe('Automatic')
    expect(snapshotReasonText({ reason: 'restore', takenBy: amina })).toBe('Before a restore by Amina Odhiambo (Kenya)')
    expect(snapshotReasonText({ reason: 'proposal', takenBy: lee })).toBe('Before a proposal was applied by Lee')
  })

  it('names the authors of a snapshot', () => {
    expect(snapshotAuthorsText({ authors: [] })).toBe('No edits recorded since the snapshot before')
    expect(snapshotAuthorsText({ authors: [lee] })).toBe('Edits by Lee')
    expect(snapshotAuthorsText({ authors: [amina, lee, ana] })).toBe('Edits by Amina Odhiambo (Kenya), Lee and Ana (Brazil)')
  })

  it('states the retention policy', () => {
    expect(retentionText({ intervalSeconds: 300, keepAllDays: 7, keepDailyDays: 365 })).toBe(
      'A snapshot at most every 5 minutes while the text changes, and before every restore or applied proposal; every one kept for 7 days, then one a day up to 365 days.',
    )
    expect(retentionText({ intervalSeconds: 1.5, keepAllDays: 1, keepDailyDays: 1 })).toContain('every 1.5 seconds')
  })
})
