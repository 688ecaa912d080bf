import { expect, test } from 'vitest'
import { authorName, countUpdates, formatBytes, formatWhen } from './contributorsFormat.ts'

test('sizes in SI units, one decimal below ten', () => {
  expect(formatBytes(0)).toBe('0 B')
  expect(formatBytes(999)).toBe('999 B')
  expect(formatBytes(1234)).toBe('1.2 kB')
  expect(formatBytes(45_600)).toBe('46 kB')
  expect(formatBytes(3_400_000)).toBe('3.4 MB')
  expect(formatBytes(7_200_000_000)).toBe('7.2 GB')
})

test('times show the date unless they are today', () => {
  const now = Date.UTC(2026, 10, 23, 16, 0)
  expect(formatWhen(Date.UTC(2026, 10, 23, 9, 5), now, 'UTC')).toBe('09:05')
  expect(formatWhen(Date.UTC(2026, 10, 20, 14, 30), now, 'UTC')).toBe('20 Nov 2026, 14:30')
})

test('who and how many', () => {
  expect(authorName({ name: 'Amina Odhiambo', delegation: 'Kenya' })).toBe('Amina Odhiambo (Kenya)')
  expect(authorName({ name: 'Secretariat', delegation: null })).toBe('Secretariat')
  expect(countUpdates(1)).toBe('1 update')
  expect(countUpdates(12)).toBe('12 updates')
})
