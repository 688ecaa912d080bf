import { describe, expect, it } from 'vitest'
import { formatInZone, formatNewYork, formatNewYorkDate, instantOfWallClock, wallClockInput } from './unTime.ts'

describe('UN-style times', () => {
  it('states an instant in New York time, 24-hour, in English', () => {
    expect(formatNewYork(Date.UTC(2026, 10, 29, 15, 0))).toBe('29 November 2026, 10:00 New York time')
    expect(formatNewYork(Date.UTC(2026, 6, 1, 22, 30))).toBe('1 July 2026, 18:30 New York time')
    expect(formatNewYork(Date.UTC(2026, 10, 29, 15, 0, 7))).toBe('29 November 2026, 10:00:07 New York time')
    expect(formatNewYork(Date.UTC(2026, 10, 30, 4, 0))).toBe('29 November 2026, 23:00 New York time')
    expect(formatNewYork(Date.UTC(2026, 10, 30, 5, 0))).toBe('30 November 2026, 00:00 New York time')
    expect(formatNewYork(Date.UTC(2026, 10, 29, 17, 0))).not.toMatch(/AM|PM/)
    expect(formatNewYorkDate(Date.UTC(2026, 10, 30, 3, 0))).toBe('29 November 2026')
  })

  it('states the same instant on another clock, naming the zone', () => {
    expect(formatInZone(Date.UTC(2026, 10, 29, 15, 0), 'Europe/Paris')).toBe('29 November 2026, 16:00 (Europe/Paris)')
    expect(formatInZone(Date.UTC(2026, 10, 29, 15, 0), 'Asia/Kolkata')).toBe('29 November 2026, 20:30 (Asia/Kolkata)')
  })

  it('reads a New York wall-clock time back to the instant, across daylight saving', () => {
    expect(instantOfWallClock('2026-11-29T10:00')).toBe(Date.UTC(2026, 10, 29, 15, 0))
    expect(instantOfWallClock('2026-07-01T18:30')).toBe(Date.UTC(2026, 6, 1, 22, 30))
    expect(instantOfWallClock('2026-07-01T18:30:15')).toBe(Date.UTC(2026, 6, 1, 22, 30, 15))
    // 8 March 2026, 02:30 does not exist in New York (clocks jump from 02:00 to 03:00).
    expect(instantOfWallClock('2026-03-08T02:30')).toBeNull()
    // 1 November 2026, 01:30 happens twice: the first, daylight-saving one (UTC-4).
    expect(instantOfWallClock('2026-11-01T01:30')).toBe(Date.UTC(2026, 10, 1, 5, 30))
    expect(instantOfWallClock('2026-11-01T03:30')).toBe(Date.UTC(2026, 10, 1, 8, 30))
    expect(instantOfWallClock('29/11/2026 10:00')).toBeNull()
    expect(instantOfWallClock('2026-02-30T10:00')).toBeNull()
    expect(instantOfWallClock('2026-11-29T24:00')).toBeNull()
  })

  it('writes the input value a datetime-local field shows, and reads it back', () => {
    const ms = Date.UTC(2026, 10, 29, 15, 0)
    expect(wallClockInput(ms)).toBe('2026-11-29T10:00')
    expect(instantOfWallClock(wallClockInput(ms))).toBe(ms)
  })
})
