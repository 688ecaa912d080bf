import { describe, expect, it } from 'vitest'
import { roles, type Role } from '../schema/member.ts'
import { can, type Action, type Subject } from './permissions.ts'

/**
 * Where a member stands: on a document of a workspace they lead or not, on their own comment or another's, on a
 * proposal of their own delegation (Kenya) or of another (Brazil). The member speaks for Kenya throughout.
 */
const standings = {
  lead: { leadsWorkspace: true, authorId: 99, proposerDelegation: 'Brazil' },
  notLead: { leadsWorkspace: false, authorId: 99 },
  ownComment: { leadsWorkspace: false, authorId: 1 },
  ownProposal: { leadsWorkspace: false, proposerDelegation: 'Kenya' },
  othersProposal: { leadsWorkspace: false, proposerDelegation: 'Brazil' },
} as const
type Standing = keyof typeof standings

const S = 'secretariat'
const C = 'cofacilitator'
const D = 'delegation'
const K = 'stakeholder'

/**
 * The whole matrix: for each action and standing, the roles allowed. Written out in full so that a change
 * to any rule shows up here as a deliberate edit.
 */
const expected: Record<Action, Record<Standing, readonly Role[]>> = {
  'workspace.read': { lead: [S, C, D, K], notLead: [S, C, D, K], ownComment: [S, C, D, K], ownProposal: [S, C, D, K], othersProposal: [S, C, D, K] },
  'workspace.create': { lead: [S], notLead: [S], ownComment: [S], ownProposal: [S], othersProposal: [S] },
  'workspace.lead.assign': { lead: [S], notLead: [S], ownComment: [S], ownProposal: [S], othersProposal: [S] },
  'participation.read': { lead: [S, C, D, K], notLead: [S, C, D, K], ownComment: [S, C, D, K], ownProposal: [S, C, D, K], othersProposal: [S, C, D, K] },
  'document.read': { lead: [S, C, D, K], notLead: [S, C, D, K], ownComment: [S, C, D, K], ownProposal: [S, C, D, K], othersProposal: [S, C, D, K] },
  'document.create': { lead: [S, C, D], notLead: [S], ownComment: [S], ownProposal: [S], othersProposal: [S] },
  'document.write': { lead: [S, C, D], notLead: [S], ownComment: [S], ownProposal: [S], othersProposal: [S] },
  'document.metadata.edit': { lead: [S, C, D], notLead: [S], ownComment: [S], ownProposal: [S], othersProposal: [S] },
  'document.export': { lead: [S, C, D, K], notLead: [S, C, D, K], ownComment: [S, C, D, K], ownProposal: [S, C, D, K], othersProposal: [S, C, D, K] },
  'awareness.publish': { lead: [S, C, D, K], notLead: [S, C, D, K], ownComment: [S, C, D, K], ownProposal: [S, C, D, K], othersProposal: [S, C, D, K] },
  'revision.read': { lead: [S, C, D, K], notLead: [S, C, D, K], ownComment: [S, C, D, K], ownProposal: [S, C, D, K], othersProposal: [S, C, D, K] },
  'revision.cut': { lead: [S, C, D], notLead: [S], ownComment: [S], ownProposal: [S], othersProposal: [S] },
  'revision.restore': { lead: [S, C, D], notLead: [S], ownComment: [S], ownProposal: [S], othersProposal: [S] },
  'history.read': { lead: [S, C, D, K], notLead: [S, C, D, K], ownComment: [S, C, D, K], ownProposal: [S, C, D, K], othersProposal: [S, C, D, K] },
  'history.restore': { lead: [S, C, D], notLead: [S], ownComment: [S], ownProposal: [S], othersProposal: [S] },
  'audit.read': { lead: [S, C, D], notLead: [S], ownComment: [S], ownProposal: [S], othersProposal: [S] },
  'comment.create': { lead: [S, C, D, K], notLead: [S, C, D, K], ownComment: [S, C, D, K], ownProposal: [S, C, D, K], othersProposal: [S, C, D, K] },
  'comment.edit': { lead: [], notLead: [], ownComment: [S, C, D, K], ownProposal: [], othersProposal: [] },
  'comment.delete': { lead: [], notLead: [], ownComment: [S, C, D, K], ownProposal: [], othersProposal: [] },
  'thread.resolve': { lead: [S, C, D], notLead: [S], ownComment: [S], ownProposal: [S], othersProposal: [S] },
  'catalogue.read': { lead: [S, C, D, K], notLead: [S, C, D, K], ownComment: [S, C, D, K], ownProposal: [S, C, D, K], othersProposal: [S, C, D, K] },
  'catalogue.edit': { lead: [S], notLead: [S], ownComment: [S], ownProposal: [S], othersProposal: [S] },
  'proposal.read': { lead: [S, C, D, K], notLead: [S, C, D, K], ownComment: [S, C, D, K], ownProposal: [S, C, D, K], othersProposal: [S, C, D, K] },
  'proposal.create': { lead: [S, C, D], notLead: [S, C, D], ownComment: [S, C, D], ownProposal: [S, C, D], othersProposal: [S, C, D] },
  'proposal.stance': { lead: [C, D], notLead: [], ownComment: [], ownProposal: [], othersProposal: [C, D] },
  'proposal.edit': { lead: [], notLead: [], ownComment: [], ownProposal: [S, C, D], othersProposal: [] },
  'proposal.withdraw': { lead: [], notLead: [], ownComment: [], ownProposal: [S, C, D], othersProposal: [] },
  'proposal.decide': { lead: [S, C, D], notLead: [S], ownComment: [S], ownProposal: [S], othersProposal: [S] },
  'proposal.bracket': { lead: [S, C, D], notLead: [S], ownComment: [S], ownProposal: [S], othersProposal: [S] },
  'period.open': { lead: [S, C, D], notLead: [S], ownComment: [S], ownProposal: [S], othersProposal: [S] },
  'silence.start': { lead: [S, C, D], notLead: [S], ownComment: [S], ownProposal: [S], othersProposal: [S] },
  'silence.break': { lead: [D], notLead: [D], ownComment: [D], ownProposal: [D], othersProposal: [D] },
  'document.submit': { lead: [S, C, D], notLead: [S], ownComment: [S], ownProposal: [S], othersProposal: [S] },
  'block.status.set': { lead: [S, C, D], notLead: [S], ownComment: [S], ownProposal: [S], othersProposal: [S] },
  'block.reopen': { lead: [S, C, D], notLead: [S], ownComment: [S], ownProposal: [S], othersProposal: [S] },
  'member.manage': { lead: [S], notLead: [S], ownComment: [S], ownProposal: [S], othersProposal: [S] },
}

describe('permission rules', () => {
  for (const [action, byStanding] of Object.entries(expected) as Array<[Action, Record<Standing, readonly Role[]>]>) {
    it(`${action}: ${Object.entries(byStanding).map(([standing, allowed]) => `${standing} -> ${allowed.join(',') || 'nobody'}`).join('; ')}`, () => {
      for (const standing of Object.keys(standings) as Standing[]) {
        const allowed = roles.filter((role) => can({ member: { id: 1, role, delegation: 'Kenya' }, ...standings[standing] }, action))
        expect(allowed, `${action} when ${standing}`).toEqual(byStanding[standing])
      }
    })
  }

  it('never lets a stakeholder edit, even when wrongly assigned as a lead', () => {
    const subject: Subject = { member: { id: 1, role: 'stakeholder' }, leadsWorkspace: true }
    expect(can(subject, 'document.write')).toBe(false)
    expect(can(subject, 'thread.resolve')).toBe(false)
  })

  it('lets a secretariat member without a delegation speak as the Secretariat: edit its proposals, take no stance', () => {
    const secretariat = { id: 1, role: 'secretariat' as const, name: 'Ana', delegation: null }
    expect(can({ member: secretariat, proposerDelegation: 'Secretariat' }, 'proposal.edit')).toBe(true)
    expect(can({ member: secretariat, proposerDelegation: 'Kenya' }, 'proposal.edit')).toBe(false)
    expect(can({ member: secretariat, proposerDelegation: 'Kenya' }, 'proposal.stance')).toBe(false)
  })

  it('gives no stance to a member who speaks for no delegation, nor on a proposal whose proposer is not known', () => {
    expect(can({ member: { id: 1, role: 'delegation', delegation: null }, proposerDelegation: 'Brazil' }, 'proposal.stance')).toBe(false)
    expect(can({ member: { id: 1, role: 'delegation', delegation: 'Kenya' } }, 'proposal.stance')).toBe(false)
    expect(can({ member: { id: 1, role: 'delegation', delegation: 'Kenya' } }, 'proposal.edit')).toBe(false)
  })

  it('lets only a delegation that speaks for a State or group break silence', () => {
    expect(can({ member: { id: 1, role: 'delegation', delegation: null } }, 'silence.break')).toBe(false)
    expect(can({ member: { id: 1, role: 'delegation', delegation: '' } }, 'silence.break')).toBe(false)
    expect(can({ member: { id: 1, role: 'cofacilitator', delegation: 'Kenya' }, leadsWorkspace: true }, 'silence.break')).toBe(false)
    expect(can({ member: { id: 1, role: 'stakeholder', delegation: 'ICRC' } }, 'silence.break')).toBe(false)
  })

  it('lets nobody edit a comment whose author is not known', () => {
    for (const role of roles) expect(can({ member: { id: 1, role } }, 'comment.edit')).toBe(false)
  })
})
