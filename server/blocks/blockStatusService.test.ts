/** What the block statuses hold in memory follows the documents that have statuses, not every document ever touched. */
import { afterEach, beforeEach, expect, it } from 'vitest'
import { testDatabase, type TestDatabase } from '../../tests/helpers/databases.ts'
import { MemberDirectory } from '../auth/members.ts'
import type { Rooms } from '../collab/rooms.ts'
import { DocumentEvents } from '../documents/documentEvents.ts'
import type { DocumentStore } from '../store/store.ts'
import { BlockStatusService } from './blockStatusService.ts'
import { BlockStatusStore } from './blockStatusStore.ts'

let database: TestDatabase
beforeEach(async () => {
  database = await testDatabase('sqlite')
})
afterEach(() => database.cleanup())

it('holds nothing for documents without statuses, nor read tickets once their reads are done', async () => {
  const { db } = await database.open()
  const lead = await new MemberDirectory(db).ensureMember('Lead', 'cofacilitator')
  const now = Date.now()
  await db.insertInto('workspaces').values({ id: 'w', dtg: 1, year: 2026, title: 'DTG 1', created_at: now }).execute()
  for (const id of ['d1', 'd2']) {
    await db.insertInto('documents').values({ id, workspace_id: 'w', title: 'Draft', kind: 'recommendations', symbol: null, created_by: null, created_at: now, body_name: null, session: null, agenda_item: null }).execute()
  }
  const statuses = new BlockStatusStore(db)
  const service = new BlockStatusService({ statuses, rooms: {} as Rooms, documents: {} as DocumentStore, events: new DocumentEvents(), maxAuditEntries: 10 })
  // Reads of documents another instance says changed, none of which holds a status (all reopened, say).
  await Promise.all(Array.from({ length: 500 }, (_, i) => service.reload(`elsewhere-${i}`)))
  expect(service.held).toEqual({ documents: 0, agreed: 0, reading: 0 })
  // A document with statuses is held, its agreed blocks too; reopened whole, it goes.
  await statuses.apply('d1', [{ block: 'b1', from: 'open', to: 'agreed', action: 'set', reason: null, memberId: lead.id }])
  await statuses.apply('d2', [{ block: 'b2', from: 'open', to: 'negotiating', action: 'set', reason: null, memberId: lead.id }])
  await Promise.all([service.reload('d1'), service.reload('d2'), service.reload('d1')])
  expect(service.held).toEqual({ documents: 2, agreed: 1, reading: 0 })
  expect([...service.agreed('d1')]).toEqual(['b1'])
  await statuses.apply('d1', [{ block: 'b1', from: 'agreed', to: 'open', action: 'reopen', reason: 'reopened', memberId: lead.id }])
  await service.reload('d1')
  expect(service.held).toEqual({ documents: 1, agreed: 0, reading: 0 })
  expect(service.agreed('d1').size).toBe(0)
  expect(service.list('d1').blocks).toEqual([])
})
