import { describe, expect, test } from 'vitest'
import { statusLabel } from './statusLabel.ts'

const checkedAt = new Date(2026, 2, 2, 14, 5).toISOString()
const at = new Date(checkedAt).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' })

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
