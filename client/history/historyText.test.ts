import { afterAll, beforeAll, describe, expect, it, test } from 'vitest'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { retentionText, snapshotAuthorsText, snapshotReasonText } from './historyText.ts'

const amina = { id: 1, name: 'Amina Odhiambo', role: 'cofacilitator' as const, delegation: 'Kenya', regionalGroup: null }
const lee = { id: 2, name: 'Lee', role: 'secretariat' as const, delegation: null, regionalGroup: null }
const ana = { id: 3, name: 'Ana', role: 'cofacilitator' as const, delegation: 'Brazil', regionalGroup: null }

beforeAll(async () => useMessagesForTests('en', await loadMessages('en')))

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

describe('history text in the reader\'s language', () => {
  afterAll(async () => useMessagesForTests('en', await loadMessages('en')))

  test('plurals and lists follow the language', async () => {
    useMessagesForTests('ru', await loadMessages('ru'))
    expect(retentionText({ intervalSeconds: 300, keepAllDays: 7, keepDailyDays: 365 })).toContain('одного раза в 5 минут,')
    expect(retentionText({ intervalSeconds: 120, keepAllDays: 1, keepDailyDays: 22 })).toContain('одного раза в 2 минуты,')
    useMessagesForTests('fr', await loadMessages('fr'))
    expect(retentionText({ intervalSeconds: 60, keepAllDays: 7, keepDailyDays: 365 })).toMatch(/^Un instantané au plus toutes les minutes /)
    expect(snapshotAuthorsText({ authors: [amina, lee, ana] })).toBe('Modifications de Amina Odhiambo (Kenya), Lee et Ana (Brazil)')
    useMessagesForTests('ar', await loadMessages('ar'))
    expect(retentionText({ intervalSeconds: 7200, keepAllDays: 3, keepDailyDays: 365 })).toContain('كل ساعتين')
  })
})
