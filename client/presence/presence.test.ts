import { expect, test } from 'vitest'
import { participants, participantsKey } from './presence.ts'

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

test('participantsKey: the same when only carets moved, different when who is there changes', () => {
  const user = { name: 'Lars Berg', delegation: 'Sweden', color: '#1f6fb2' }
  const before = participants(new Map([[3, { user, cursor: { anchor: 1, head: 1 } }]]), 7)
  const moved = participants(new Map([[3, { user, cursor: { anchor: 9, head: 9 } }]]), 7)
  expect(participantsKey(moved)).toBe(participantsKey(before))
  const joined = participants(new Map<number, Record<string, unknown>>([[3, { user }], [4, { user: { name: 'Amina Odhiambo', color: '#aa0000' } }]]), 7)
  expect(participantsKey(joined)).not.toBe(participantsKey(before))
  const renamed = participants(new Map([[3, { user: { ...user, delegation: 'Norway' } }]]), 7)
  expect(participantsKey(renamed)).not.toBe(participantsKey(before))
})
