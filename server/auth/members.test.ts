import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { openSqlite, type Sqlite } from '../store/sqlite.ts'
import { Registry } from '../workspaces/registry.ts'
import { Access } from './access.ts'
import { MemberDirectory, MemberError } from './members.ts'

describe('MemberDirectory', () => {
  const dbs: Sqlite[] = []
  afterEach(() => {
    for (const db of dbs.splice(0)) db.close()
  })
  function directory() {
    const db = openSqlite(fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-members-')))
    dbs.push(db)
    return { db, members: new MemberDirectory(db), access: new Access(db, new Registry(db)), registry: new Registry(db) }
  }

  it('creates a member and their leads in one transaction: when a lead cannot be stored, neither is the member', () => {
    const { members, access, registry } = directory()
    const workspace = registry.createWorkspace({ dtg: 1, year: 2026, title: 'DTG 1' })
    const lead = members.create({ name: 'Lead from the start', role: 'cofacilitator' }, (member) => access.addLead(workspace.id, member.id, member.id))
    expect(access.leads(lead.id, workspace.id)).toBe(true)
    expect(() =>
      members.create({ name: 'Half-made lead', role: 'cofacilitator' }, (member) => {
        access.addLead(workspace.id, member.id, member.id)
        throw new Error('the disk is full')
      }),
    ).toThrow('the disk is full')
    expect(members.list().map((member) => member.name)).not.toContain('Half-made lead')
    expect(access.cofacilitators(workspace.id).map((member) => member.name)).toEqual(['Lead from the start'])
  })

  it('never takes the last secretariat member away, by a change of role or a revocation', () => {
    const { members } = directory()
    const first = members.ensureMember('First officer', 'secretariat')
    expect(() => members.update(first.id, { role: 'delegation' })).toThrow(MemberError)
    expect(() => members.revoke(first.id)).toThrow(/last member of the secretariat/)
    const second = members.ensureMember('Second officer', 'secretariat')
    expect(members.update(first.id, { role: 'delegation' })?.role).toBe('delegation')
    expect(() => members.revoke(second.id)).toThrow(MemberError)
    expect(members.get(second.id)?.role).toBe('secretariat')
  })

  it('tells listeners of a change, not of a repeat, and ends the leads of a member made stakeholder', () => {
    const { members, access, registry } = directory()
    registry.createWorkspace({ dtg: 1, year: 2026, title: 'DTG 1' })
    const member = members.ensureMember('Delegate of Chile', 'cofacilitator', 'Chile')
    const changed: number[] = []
    const leads: Array<[number, string]> = []
    members.changeListeners.add((id) => changed.push(id))
    access.leadListeners.add((id, workspaceId) => leads.push([id, workspaceId]))
    access.addLead('dtg1-2026', member.id, member.id)
    access.addLead('dtg1-2026', member.id, member.id)
    expect(leads).toEqual([[member.id, 'dtg1-2026']])
    members.update(member.id, { regionalGroup: 'latin-american-caribbean' })
    members.update(member.id, { regionalGroup: 'latin-american-caribbean' })
    expect(changed).toEqual([member.id])
    members.update(member.id, { role: 'stakeholder' })
    expect(access.leads(member.id, 'dtg1-2026')).toBe(false)
    expect(members.record(member.id)?.leads).toEqual([])
  })
})
