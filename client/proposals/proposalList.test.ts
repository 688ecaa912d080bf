import { describe, expect, test } from 'vitest'
import type { Proposal } from '../../shared/schema/proposals.ts'
import { compareInText, defaultFilters, matches, mayTakeStance, ownProposal, proposingDelegations, toSuggestion, upsertProposal } from './proposalList.ts'

const member = (id: number, delegation: string | null, role: 'delegation' | 'cofacilitator' | 'secretariat' | 'stakeholder' = 'delegation') => ({
  id,
  name: `Member ${id}`,
  role,
  delegation,
  regionalGroup: null,
})

function proposal(id: string, delegation: string, overrides: Partial<Proposal> = {}): Proposal {
  return {
    id,
    documentId: 'doc',
    kind: 'replace',
    anchor: { start: 'AAAA', end: 'AAAA', quote: 'politically neutral' },
    quote: 'politically neutral',
    text: 'impartial',
    refs: null,
    recommendationId: null,
    explanation: null,
    proposer: { member: member(1, delegation), delegation },
    status: 'open',
    outdated: false,
    stances: [],
    decision: null,
    creditedTo: null,
    createdAt: Number(id.replace(/\D/g, '')) || 0,
    updatedAt: 0,
    place: null,
    ...overrides,
  }
}

describe('the proposals panel list', () => {
  test('filters by status, delegation and "mine"', () => {
    const kenya = proposal('p1', 'Kenya')
    const brazil = proposal('p2', 'Brazil', { status: 'accepted' })
    const rejected = proposal('p3', 'Kenya', { status: 'rejected' })
    const all = [kenya, brazil, rejected]
    const pick = (filters: Partial<typeof defaultFilters>) => all.filter((one) => matches(one, { ...defaultFilters, ...filters }, 'Kenya')).map((one) => one.id)
    expect(pick({})).toEqual(['p1'])
    expect(pick({ status: 'accepted' })).toEqual(['p2'])
    expect(pick({ status: 'rejected' })).toEqual(['p3'])
    expect(pick({ status: 'all', mine: true })).toEqual(['p1', 'p3'])
    expect(pick({ status: 'all', delegation: 'Brazil' })).toEqual(['p2'])
    expect(proposingDelegations(all)).toEqual(['Brazil', 'Kenya'])
  })

  test('orders by place in the text, unplaced by the server order, outdated last', () => {
    const at = (from: number) => ({ kind: 'attached' as const, from, to: from + 3 })
    const placed = [
      { proposal: proposal('p1', 'Kenya', { outdated: true }), placement: at(1) },
      { proposal: proposal('p2', 'Kenya'), placement: at(40) },
      { proposal: proposal('p3', 'Kenya'), placement: at(5) },
    ]
    expect(placed.sort(compareInText).map(({ proposal }) => proposal.id)).toEqual(['p3', 'p2', 'p1'])
  })

  test('a live event replaces the proposal it is about', () => {
    const list = [proposal('p1', 'Kenya'), proposal('p2', 'Brazil')]
    const changed = upsertProposal(list, proposal('p2', 'Brazil', { status: 'accepted' }))
    expect(changed.map((one) => one.status)).toEqual(['open', 'accepted'])
    expect(upsertProposal(list, proposal('p3', 'Chile'))).toHaveLength(3)
  })

  test('stances are for other delegations; the proposing delegation edits and withdraws', () => {
    const kenyan = proposal('p1', 'Kenya')
    expect(mayTakeStance(member(2, 'Brazil'), kenyan)).toBe(true)
    expect(mayTakeStance(member(3, 'Kenya'), kenyan)).toBe(false)
    expect(mayTakeStance(member(4, 'ICT4Peace', 'stakeholder'), kenyan)).toBe(false)
    expect(ownProposal(member(3, 'Kenya'), kenyan)).toBe(true)
    expect(ownProposal(member(2, 'Brazil'), kenyan)).toBe(false)
    expect(ownProposal(member(5, null, 'secretariat'), proposal('p4', 'Secretariat'))).toBe(true)
  })

  test('a suggestion names the proposer, supporters and objections; a change of links shows what it adds and removes', () => {
    const stance = (delegation: string, value: 'support' | 'object', reason: string | null = null) => ({ delegation, stance: value, reason, member: member(9, delegation), at: 1 })
    const suggestion = toSuggestion(
      proposal('p1', 'Kenya', { stances: [stance('Brazil', 'support'), stance('Egypt', 'object', 'too broad')] }),
      (ref) => ref.toUpperCase(),
      () => null,
    )
    expect(suggestion).toMatchObject({ proposer: 'Kenya', supporters: ['Brazil'], objections: [{ delegation: 'Egypt', reason: 'too broad' }], open: true })
    const relink = toSuggestion(proposal('p2', 'Kenya', { kind: 'relink', anchor: null, recommendationId: 'rec-1', refs: ['norm-g', 'cbm-7'] }), (ref) => ref.toUpperCase(), () => ['norm-g', 'norm-f'])
    expect(relink).toMatchObject({ addedRefs: ['CBM-7'], removedRefs: ['NORM-F'] })
    expect(toSuggestion(proposal('p3', 'Kenya', { outdated: true }), String, () => null).open).toBe(false)
    // A new paragraph is proposed at a point; the server quotes the block it is after, the editor places the point.
    const block = toSuggestion(proposal('p4', 'Kenya', { kind: 'paragraph', anchor: { start: 'AAAA', end: 'AAAA', quote: 'The whole block.' } }), String, () => null)
    expect(block.anchor).toEqual({ start: 'AAAA', end: 'AAAA', quote: '' })
  })

  test('a change the server could not place keeps the place and the outdated mark the list had', () => {
    const place = { order: 3, blockKind: 'paragraph' as const, number: 4, label: 'para. 4', recommendationId: null }
    const listed = proposal('p1', 'Kenya', { outdated: true, place })
    const supported = proposal('p1', 'Kenya', { stances: [{ delegation: 'Brazil', stance: 'support', reason: null, member: member(2, 'Brazil'), at: 1 }], placeUnknown: true })
    const [kept] = upsertProposal([listed], supported)
    expect(kept).toMatchObject({ outdated: true, place, stances: supported.stances })
    expect(kept.placeUnknown).toBeUndefined()
    // Placed again, the server's answer stands.
    const placed = proposal('p1', 'Kenya', { outdated: false, place: { ...place, number: 5, label: 'para. 5' } })
    expect(upsertProposal([kept], placed)[0]).toEqual(placed)
  })
})
