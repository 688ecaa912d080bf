import { expect, test } from 'vitest'
import { participants } from './presence.ts'

test('participants: named users only, yourself first, then by name; colours checked', () => {
  const states = new Map<number, Record<string, unknown>>([
    [3, { user: { name: 'Lars Berg', delegation: 'Sweden', color: '#1f6fb2', role: 'cofacilitator' } }],
    [1, { user: { name: 'Amina Odhiambo', delegation: 'Kenya', color: 'red' } }],
    [2, { cursor: null }],
    [7, { user: { name: 'Maria Souza', delegation: '', color: '#2e7d32' } }],
  ])
  const list = participants(states, 7)
  expect(list.map((participant) => participant.name)).toEqual(['Maria Souza', 'Amina Odhiambo', 'Lars Berg'])
  expect(list[0]).toMatchObject({ isSelf: true, delegation: null })
  expect(list[1].color).toBe('#6b6b6b')
  expect(list[2]).toMatchObject({ delegation: 'Sweden', role: 'cofacilitator', color: '#1f6fb2', isSelf: false })
})
