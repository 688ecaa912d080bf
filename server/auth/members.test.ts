import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backends, testDatabase, type TestDatabase } from '../../tests/helpers/databases.ts'
import { Registry } from '../workspaces/registry.ts'
import { Access } from './access.ts'
import { MemberDirectory, MemberError } from './members.ts'

describe.each(backends)('MemberDirectory on %s', (dialect) => {
  let database: TestDatabase
  beforeEach(async () => {
    database = await testDatabase(dialect)
  })
  afterEach(() => database.cleanup())

  async function directory() {
    const { db } = await database.open()
    const registry = await Registry.open(db)
    return { db, members: new MemberDirectory(db), access: await Access.open(db, registry), registry }
  }

  it('creates a member and their leads in one transaction: when a lead cannot be stored, neither is the member', async () => {
    const { members, access, registry } = await directory()
    const workspace = await registry.createWorkspace({ dtg: 1, year: 2026, title: 'DTG 1' })
    const lead = await members.create({ name: 'Lead from the start', role: 'cofacilitator' }, (member, trx) => access.addLead(workspace.id, member.id, member.id, trx))
    expect(access.leads(lead.id, workspace.id)).toBe(true)
    await expect(
      members.create({ name: 'Half-made lead', role: 'cofacilitator' }, async (member, trx) => {
        await access.addLead(workspace.id, member.id, member.id, trx)
        throw new Error('the disk is full')
      }),
    ).rejects.toThrow('the disk is full')
    expect((await members.list()).map((member) => member.name)).not.toContain('Half-made lead')
    expect((await access.cofacilitators(workspace.id)).map((member) => member.name)).toEqual(['Lead from the start'])
  })

  it('never takes the last secretariat member away, by a change of role or a revocation', async () => {
    const { members } = await directory()
    const first = await members.ensureMember('First officer', 'secretariat')
    await expect(members.update(first.id, { role: 'delegation' })).rejects.toThrow(MemberError)
    await expect(members.revoke(first.id)).rejects.toThrow(/last member of the secretariat/)
    const second = await members.ensureMember('Second officer', 'secretariat')
    expect((await members.update(first.id, { role: 'delegation' }))?.role).toBe('delegation')
    await expect(members.revoke(second.id)).rejects.toThrow(MemberError)
    expect((await members.get(second.id))?.role).toBe('secretariat')
  })

  it('tells listeners of a change, not of a repeat, and ends the leads of a member made stakeholder', async () => {
    const { members, access, registry } = await directory()
    await registry.createWorkspace({ dtg: 1, year: 2026, title: 'DTG 1' })
    const member = await members.ensureMember('Delegate of Chile', 'cofacilitator', 'Chile')
    const changed: number[] = []
    const leads: Array<[number, string]> = []
    members.changeListeners.add((id) => changed.push(id))
    access.leadListeners.add((id, workspaceId) => leads.push([id, workspaceId]))
    await access.addLead('dtg1-2026', member.id, member.id)
    await access.addLead('dtg1-2026', member.id, member.id)
    expect(leads).toEqual([[member.id, 'dtg1-2026']])
    await members.update(member.id, { regionalGroup: 'latin-american-caribbean' })
    await members.update(member.id, { regionalGroup: 'latin-american-caribbean' })
    expect(changed).toEqual([member.id])
    // The directory tells Access (services.ts wires it so): the leads are read again.
    members.changeListeners.add(() => access.invalidate())
    await members.update(member.id, { role: 'stakeholder' })
    await access.reload()
    expect(access.leads(member.id, 'dtg1-2026')).toBe(false)
    expect((await members.record(member.id))?.leads).toEqual([])
  })

  it('authenticates a token until its member is revoked, and lists the revoked among ids', async () => {
    const { members } = await directory()
    await members.ensureMember('Officer', 'secretariat')
    const kenya = await members.ensureMember('Delegate of Kenya', 'delegation', 'Kenya', 'african')
    const token = await members.issueToken(kenya.id)
    expect(await members.authenticateToken(token)).toEqual(kenya)
    expect(await members.revokedAmong([kenya.id])).toEqual([])
    expect(await members.revoke(kenya.id)).toBe(true)
    expect(await members.authenticateToken(token)).toBeNull()
    expect(await members.revokedAmong([kenya.id, 999])).toEqual([kenya.id])
    await expect(members.ensureMember('Delegate of Kenya', 'delegation')).rejects.toThrow(/revoked member/)
  })
})
