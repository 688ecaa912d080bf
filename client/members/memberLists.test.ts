import { expect, test } from 'vitest'
import type { MemberRecord } from '../api/members.ts'
import { leadCandidates, splitMembers } from './memberLists.ts'

function member(id: number, name: string, role: MemberRecord['role'], revokedAt: number | null = null): MemberRecord {
  return { id, name, role, delegation: null, regionalGroup: null, createdAt: id, revokedAt, leads: [] }
}

const members = [
  member(1, 'Secretariat', 'secretariat'),
  member(2, 'lars Berg', 'cofacilitator'),
  member(3, 'Amina Odhiambo', 'cofacilitator'),
  member(4, 'Maria Souza', 'delegation'),
  member(5, 'Access Now', 'stakeholder'),
  member(6, 'Old Delegate', 'delegation', 1000),
  member(7, 'Older Delegate', 'cofacilitator', 500),
]

test('current members by name, whatever the case; revoked apart, most recent first', () => {
  const { current, revoked } = splitMembers(members)
  expect(current.map((entry) => entry.name)).toEqual(['Access Now', 'Amina Odhiambo', 'lars Berg', 'Maria Souza', 'Secretariat'])
  expect(revoked.map((entry) => entry.name)).toEqual(['Old Delegate', 'Older Delegate'])
})

test('lead candidates: current co-facilitators and delegations not leading yet; never stakeholders, the secretariat or the revoked', () => {
  const candidates = leadCandidates(members, [{ id: 3 }])
  expect(candidates.cofacilitators.map((entry) => entry.id)).toEqual([2])
  expect(candidates.delegations.map((entry) => entry.id)).toEqual([4])
})
