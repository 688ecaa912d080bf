import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { settle } from '../../shared/stage/settle.ts'
import { MemberDirectory } from '../auth/members.ts'
import { RevisionStore } from '../revisions/revisionStore.ts'
import { openSqlite, type Sqlite } from '../store/sqlite.ts'
import { Registry } from '../workspaces/registry.ts'
import { ProcedureStore } from './procedureStore.ts'

const opened: Sqlite[] = []
afterEach(() => {
  for (const db of opened.splice(0)) db.close()
})

function setUp() {
  const db = openSqlite(fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-procedures-')))
  opened.push(db)
  const members = new MemberDirectory(db)
  const lead = members.ensureMember('Co-facilitator', 'cofacilitator', 'Singapore', null)
  const kenya = members.ensureMember('Delegate of Kenya', 'delegation', 'Kenya', null)
  const registry = new Registry(db)
  registry.createWorkspace({ dtg: 1, year: 2026, title: 'DTG 1' })
  const document = registry.createDocument({ workspaceId: 'dtg1-2026', title: 'Recommendations', kind: 'recommendations', symbol: null, createdBy: lead.id })
  const revision = new RevisionStore(db).cut({ documentId: document.id, label: 'Rev.1', note: null, state: new Uint8Array(), content: { type: 'doc', content: [] }, createdBy: lead.id })
  return { db, store: new ProcedureStore(db), lead, kenya, documentId: document.id, revisionId: revision.id }
}

const record = (settledAt: number) => (procedure: Parameters<Parameters<ProcedureStore['settle']>[1]>[0]) =>
  settle(
    { ...procedure, documentTitle: 'Recommendations', symbol: null, openedBy: procedure.openedBy.name },
    procedure.objections,
    settledAt,
  )

describe('procedure store', () => {
  it('settles once: a second settlement writes nothing and the record stays as first written', () => {
    const { store, lead, kenya, documentId, revisionId } = setUp()
    const deadline = 1_800_000_000_000
    const procedure = store.open({ documentId, kind: 'silence', revisionId, deadline, openedBy: lead.id, openedAt: deadline - 60_000 })
    store.addObjection({ procedureId: procedure.id, delegation: 'Kenya', block: { position: 0, number: '1' }, reason: 'No.', memberId: kenya.id, at: deadline - 1 }, () => {})
    const first = store.settle(procedure.id, record(deadline + 5))
    expect(first).toMatchObject({ outcome: 'broken', settledAt: deadline + 5, brokenBy: [{ delegation: 'Kenya', blocks: ['1'] }] })
    expect(store.settle(procedure.id, record(deadline + 999))).toBeNull()
    expect(store.get(documentId, procedure.id)!.outcome).toEqual(first)
    expect(store.pending()).toEqual([])
  })

  it('refuses a second objection on the same block, and any after the outcome, storing nothing', () => {
    const { db, store, lead, kenya, documentId, revisionId } = setUp()
    const procedure = store.open({ documentId, kind: 'silence', revisionId, deadline: 2_000_000_000_000, openedBy: lead.id, openedAt: 1 })
    const objection = { procedureId: procedure.id, delegation: 'Kenya', block: { position: 3, number: 'R2' }, reason: 'Too narrow.', memberId: kenya.id, at: 10 }
    store.addObjection(objection, () => {})
    expect(() => store.addObjection({ ...objection, reason: 'Again.' }, () => {})).toThrow(/once per block/)
    store.settle(procedure.id, record(20))
    expect(() => store.addObjection({ ...objection, block: { position: 0, number: '1' } }, () => {})).toThrow(/settled/)
    expect(db.prepare('SELECT count(*) AS n FROM silence_objections').get()).toEqual({ n: 1 })
  })

  it('keeps one procedure at a time on a document', () => {
    const { store, lead, documentId, revisionId } = setUp()
    const running = store.open({ documentId, kind: 'comments', revisionId, deadline: 2_000_000_000_000, openedBy: lead.id, openedAt: 1 })
    expect(() => store.open({ documentId, kind: 'silence', revisionId, deadline: 2_000_000_000_000, openedBy: lead.id, openedAt: 2 })).toThrow(/one procedure at a time/)
    store.settle(running.id, record(3))
    expect(store.open({ documentId, kind: 'silence', revisionId, deadline: 2_000_000_000_000, openedBy: lead.id, openedAt: 4 }).kind).toBe('silence')
  })

  it('counts what others did since the member last looked', () => {
    const { store, lead, kenya, documentId, revisionId } = setUp()
    const procedure = store.open({ documentId, kind: 'silence', revisionId, deadline: 2_000_000_000_000, openedBy: lead.id, openedAt: 100 })
    store.addObjection({ procedureId: procedure.id, delegation: 'Kenya', block: { position: 0, number: '1' }, reason: 'No.', memberId: kenya.id, at: 200 }, () => {})
    expect(store.unseen(documentId, kenya.id)).toBe(1)
    expect(store.unseen(documentId, lead.id)).toBe(1)
    store.markSeen(documentId, lead.id, 250)
    expect(store.unseen(documentId, lead.id)).toBe(0)
    store.settle(procedure.id, record(300))
    expect(store.unseen(documentId, lead.id)).toBe(1)
  })
})
