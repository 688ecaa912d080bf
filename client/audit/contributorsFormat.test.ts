import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Author } from '../api/members.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { formatBytes, formatWhen, recentSpells, spellSummary } from './contributorsFormat.ts'

beforeAll(async () => useMessagesForTests('en', await loadMessages('en')))
afterAll(async () => useMessagesForTests('en', await loadMessages('en')))

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
  expect(formatWhen(Date.UTC(2026, 10, 20, 14, 30), now, 'UTC')).toBe('20 November 2026, 14:30')
})

test('who and how many', () => {
  expect(spellSummary(1, 20)).toBe('1 update, 20 B')
  expect(spellSummary(12, 1234)).toBe('12 updates, 1.2 kB')
})

test('sizes and counts in the reader\'s language', async () => {
  useMessagesForTests('fr', await loadMessages('fr'))
  expect(formatBytes(1234)).toBe('1,2 ko')
  expect(formatBytes(3_400_000)).toBe('3,4 Mo')
  expect(spellSummary(2, 999)).toBe('2 mises à jour, 999 o')
  useMessagesForTests('ru', await loadMessages('ru'))
  expect(spellSummary(3, 45_600)).toBe('3 обновления, 46 кБ')
  expect(spellSummary(5, 45_600)).toBe('5 обновлений, 46 кБ')
  useMessagesForTests('en', await loadMessages('en'))
})

test('recent changes read as spells of work: one line per member and stretch of minutes', () => {
  const amina: Author = { id: 1, name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Kenya', regionalGroup: 'african' }
  const lars: Author = { id: 2, name: 'Lars Berg', role: 'cofacilitator', delegation: 'Sweden', regionalGroup: 'weog' }
  const minute = 60_000
  const at = (minutes: number) => Date.UTC(2026, 10, 23, 15, 0) + minutes * minute
  const spells = recentSpells([
    { author: amina, at: at(30), updates: 1, bytes: 20 },
    { author: amina, at: at(28), updates: 2, bytes: 30 },
    { author: amina, at: at(24), updates: 1, bytes: 10 },
    { author: lars, at: at(23), updates: 1, bytes: 5 },
    { author: amina, at: at(22), updates: 1, bytes: 5 },
    { author: amina, at: at(10), updates: 1, bytes: 5 },
  ])
  expect(spells).toEqual([
    { author: amina, from: at(24), to: at(30), updates: 4, bytes: 60 },
    { author: lars, from: at(23), to: at(23), updates: 1, bytes: 5 },
    { author: amina, from: at(22), to: at(22), updates: 1, bytes: 5 },
    { author: amina, from: at(10), to: at(10), updates: 1, bytes: 5 },
  ])
  expect(recentSpells([])).toEqual([])
})
