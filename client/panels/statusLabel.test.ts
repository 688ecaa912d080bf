import { beforeAll, describe, expect, test } from 'vitest'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { statusLabel } from './statusLabel.ts'

beforeAll(async () => {
  useMessagesForTests('en', await loadMessages('en'))
})

const checkedAt = new Date(2026, 2, 2, 14, 5).toISOString()
// Checked at 14:05 on the reader's own clock: said on the 24-hour clock.
const at = '14:05'

describe('statusLabel', () => {
  test('online: the verdict', () => {
    expect(statusLabel({ valid: true, problems: [], problemCount: 0, checkedAt }, true)).toEqual({ text: 'Valid', tone: 'valid' })
    expect(statusLabel({ valid: true, problems: [], problemCount: 2, checkedAt }, true)).toEqual({ text: 'Valid, 2 warnings', tone: 'valid' })
    expect(statusLabel({ valid: false, problems: [], problemCount: 1, checkedAt }, true)).toEqual({ text: '1 problem', tone: 'invalid' })
  })

  test('offline: the verdict may be out of date, and says when it was checked', () => {
    expect(statusLabel({ valid: true, problems: [], problemCount: 0, checkedAt }, false)).toEqual({ text: `Valid, last checked ${at}`, tone: 'stale' })
    expect(statusLabel({ valid: false, problems: [], problemCount: 3, checkedAt }, false)).toEqual({ text: `3 problems, last checked ${at}`, tone: 'stale' })
  })
})
