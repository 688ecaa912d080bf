import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { sql } from 'kysely'
import { settle } from '../../shared/stage/settle.ts'
import { backends, testDatabase, type TestDatabase } from '../../tests/helpers/databases.ts'
import { MemberDirectory } from '../auth/members.ts'
import { RevisionStore } from '../revisions/revisionStore.ts'
import { Registry } from '../workspaces/registry.ts'
import { ProcedureStore } from './procedureStore.ts'

let database: TestDatabase

async function setUp() {
  const { db } = await database.open()
  const members = new MemberDirectory(db)
  const lead = await members.ensureMember('Co-facilitator', 'cofacilitator', 'Singapore', null)
  const kenya = await members.ensureMember('Delegate of Kenya', 'delegation', 'Kenya', null)
  const registry = await Registry.open(db)
  await registry.createWorkspace({ dtg: 1, year: 2026, title: 'DTG 1' })
  const document = await registry.createDocument({ workspaceId: 'dtg1-2026', title: 'Recommendations', kind: 'recommendations', symbol: null, createdBy: lead.id })
  const revision = await new RevisionStore(db).cut({ documentId: document.id, label: 'Rev.1', note: null, state: new Uint8Array(), content: { type: 'doc', content: [] }, createdBy: lead.id })
  return { db, store: new ProcedureStore(db), lead, kenya, documentId: document.id, revisionId: revision.id }
}

const record = (settledAt: number) => (procedure: Parameters<Parameters<ProcedureStore['settle']>[1]>[0]) =>
  settle(
    { ...procedure, documentTitle: 'Recommendations', symbol: null, openedBy: procedure.openedBy.name },
    procedure.objections,
    settledAt,
  )

describe.each(backends)('procedure store on %s', (dialect) => {
  beforeEach(async () => {
    database = await testDatabase(dialect)
  })
  afterEach(() => database.cleanup())

  it('settles once: a second settlement writes nothing and the record stays as first written', async () => {
    const { store, lead, kenya, documentId, revisionId } = await setUp()
    const deadline = 1_800_000_000_000
    const procedure = await store.open({ documentId, kind: 'silence', revisionId, deadline, openedBy: lead.id, openedAt: deadline - 60_000 })
    await store.addObjection({ procedureId: procedure.id, delegation: 'Kenya', block: { position: 0, number: '1' }, reason: 'No.', memberId: kenya.id, at: deadline - 1 }, () => {})
    const first = await store.settle(procedure.id, record(deadline + 5))
    expect(first).toMatchObject({ outcome: 'broken', settledAt: deadline + 5, brokenBy: [{ delegation: 'Kenya', blocks: ['1'] }] })
    expect(await store.settle(procedure.id, record(deadline + 999))).toBeNull()
    expect((await store.get(documentId, procedure.id))!.outcome).toEqual(first)
    expect(await store.pending()).toEqual([])
  })

  it('refuses a second objection on the same block, and any after the outcome, storing nothing', async () => {
    const { db, store, lead, kenya, documentId, revisionId } = await setUp()
    const procedure = await store.open({ documentId, kind: 'silence', revisionId, deadline: 2_000_000_000_000, openedBy: lead.id, openedAt: 1 })
    const objection = { procedureId: procedure.id, delegation: 'Kenya', block: { position: 3, number: 'R2' }, reason: 'Too narrow.', memberId: kenya.id, at: 10 }
    await store.addObjection(objection, () => {})
    await expect(store.addObjection({ ...objection, reason: 'Again.' }, () => {})).rejects.toThrow(/once per block/)
    await store.settle(procedure.id, record(20))
    await expect(store.addObjection({ ...objection, block: { position: 0, number: '1' } }, () => {})).rejects.toThrow(/settled/)
    expect(Number((await sql<{ n: number }>`SELECT count(*) AS n FROM silence_objections`.execute(db)).rows[0].n)).toBe(1)
    // Outcomes and objections are immutable on both databases (triggers).
    await expect(sql`UPDATE procedure_outcomes SET outcome = 'adopted'`.execute(db)).rejects.toThrow(/immutable/)
    await expect(sql`DELETE FROM silence_objections`.execute(db)).rejects.toThrow(/immutable/)
  })

  it('keeps one procedure at a time on a document', async () => {
    const { store, lead, documentId, revisionId } = await setUp()
    const running = await store.open({ documentId, kind: 'comments', revisionId, deadline: 2_000_000_000_000, openedBy: lead.id, openedAt: 1 })
    await expect(store.open({ documentId, kind: 'silence', revisionId, deadline: 2_000_000_000_000, openedBy: lead.id, openedAt: 2 })).rejects.toThrow(/one procedure at a time/)
    await store.settle(running.id, record(3))
    expect((await store.open({ documentId, kind: 'silence', revisionId, deadline: 2_000_000_000_000, openedBy: lead.id, openedAt: 4 })).kind).toBe('silence')
  })

  it('counts what others did since the member last looked', async () => {
    const { store, lead, kenya, documentId, revisionId } = await setUp()
    const procedure = await store.open({ documentId, kind: 'silence', revisionId, deadline: 2_000_000_000_000, openedBy: lead.id, openedAt: 100 })
    await store.addObjection({ procedureId: procedure.id, delegation: 'Kenya', block: { position: 0, number: '1' }, reason: 'No.', memberId: kenya.id, at: 200 }, () => {})
    expect(await store.unseen(documentId, kenya.id)).toBe(1)
    expect(await store.unseen(documentId, lead.id)).toBe(1)
    await store.markSeen(documentId, lead.id, 250)
    expect(await store.unseen(documentId, lead.id)).toBe(0)
    await store.settle(procedure.id, record(300))
    expect(await store.unseen(documentId, lead.id)).toBe(1)
  })
})
