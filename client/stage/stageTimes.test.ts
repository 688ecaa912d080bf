import { beforeAll, describe, expect, it } from 'vitest'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { bothTimes, readDeadline, timeLeft } from './stageTimes.ts'

const deadline = Date.UTC(2026, 10, 29, 15, 0)

beforeAll(async () => useMessagesForTests('en', await loadMessages('en')))

describe('deadlines in the interface', () => {
  it('shows New York time and the reader\'s own, once when they are the same', () => {
    expect(bothTimes(deadline, 'Europe/Zurich')).toEqual({ newYork: '29 November 2026, 10:00 New York time', own: '29 November 2026, 16:00 (Europe/Zurich) your time' })
    expect(bothTimes(deadline, 'America/New_York').own).toBeNull()
  })

  it('counts what is left by the server clock', () => {
    expect(timeLeft(deadline, deadline - 40_000)).toBe('40 seconds')
    expect(timeLeft(deadline, deadline - 52 * 60_000)).toBe('52 minutes')
    expect(timeLeft(deadline, deadline - (3 * 60 + 5) * 60_000)).toBe('3 hours 5 minutes')
    expect(timeLeft(deadline, deadline - (3 * 24 + 4) * 3_600_000)).toBe('3 days 4 hours')
    expect(timeLeft(deadline, deadline + 5000)).toBe('0 seconds')
  })

  it('reads a New York time typed in the form, refusing one in the past by the server clock whatever the browser says', () => {
    expect(readDeadline('2026-11-29T10:00', deadline - 60_000)).toEqual({ ok: true, deadline, iso: '2026-11-29T15:00:00.000Z' })
    const past = readDeadline('2026-11-29T10:00', deadline + 1000)
    expect(past.ok).toBe(false)
    expect(!past.ok && past.message).toContain("not in the future by the server's clock")
    expect(readDeadline('2026-03-08T02:30', 0).ok).toBe(false)
    expect(readDeadline('', 0).ok).toBe(false)
  })
})
