import { expect, test } from 'vitest'
import { dateAndTime, dateOnly, timeOnly } from './dates.ts'

const at = Date.UTC(2026, 10, 29, 15, 5, 42)

test('one form everywhere: day, month in words, year, and the 24-hour clock, in the zone given', () => {
  expect(dateAndTime(at, 'UTC')).toBe('29 November 2026, 15:05')
  expect(dateAndTime(at, 'America/New_York')).toBe('29 November 2026, 10:05')
  expect(dateAndTime(at, 'Asia/Tokyo')).toBe('30 November 2026, 00:05')
  expect(dateOnly(at, 'Europe/Paris')).toBe('29 November 2026')
  expect(timeOnly(Date.UTC(2026, 0, 1, 23, 59), 'UTC')).toBe('23:59')
})

test('an invalid time reads as nothing rather than "Invalid Date"', () => {
  expect(dateAndTime(Number.NaN)).toBe('')
  expect(dateOnly(Number.NaN)).toBe('')
  expect(timeOnly(Number.NaN)).toBe('')
})
