/** Block statuses are written by compare and set, on SQLite and on PostgreSQL: a change decided from a stale status writes nothing. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backends, testDatabase, type TestDatabase } from '../../tests/helpers/databases.ts'
import type { Member } from '../../shared/schema/member.ts'
import { MemberDirectory } from '../auth/members.ts'
import type { Db } from '../store/database.ts'
import { BlockStatusStore, StaleBlockStatus, type BlockStatusChange } from './blockStatusStore.ts'

describe.each(backends)('block statuses on %s', (dialect) => {
  let database: TestDatabase
  beforeEach(async () => {
    database = await testDatabase(dialect)
  })
  afterEach(() => database.cleanup())

  const change = (block: string, from: BlockStatusChange['from'], to: BlockStatusChange['to'], memberId: number): BlockStatusChange => ({
    block,
    from,
    to,
    action: 'set',
    reason: null,
    memberId,
  })

  /** A lead and a document 'd' for the statuses to belong to. */
  async function setUp(db: Db): Promise<Member> {
    const lead = await new MemberDirectory(db).ensureMember('Lead', 'cofacilitator')
    const now = Date.now()
    await db.insertInto('workspaces').values({ id: 'w', dtg: 1, year: 2026, title: 'DTG 1', created_at: now }).execute()
    await db.insertInto('documents').values({ id: 'd', workspace_id: 'w', title: 'Draft', kind: 'recommendations', symbol: null, created_by: null, created_at: now, body_name: null, session: null, agenda_item: null }).execute()
    return lead
  }

  it('writes a change only from the status stored: a stale one writes nothing and names the blocks', async () => {
    const open = await database.open()
    const lead = await setUp(open.db)
    const store = new BlockStatusStore(open.db)
    await store.apply('d', [change('b1', 'open', 'agreed', lead.id), change('b2', 'open', 'negotiating', lead.id)])
    // Decided from memory that still said "open" for b1: refused whole, b3 included.
    const refused = store.apply('d', [change('b3', 'open', 'negotiating', lead.id), change('b1', 'open', 'negotiating', lead.id)])
    await expect(refused).rejects.toBeInstanceOf(StaleBlockStatus)
    await expect(refused).rejects.toMatchObject({ blocks: ['b1'] })
    expect((await store.records('d')).map((r) => [r.block, r.status]).sort()).toEqual([
      ['b1', 'agreed'],
      ['b2', 'negotiating'],
    ])
    expect(await store.audit('d', 10)).toHaveLength(2)
    // From the stored status, it is written.
    await store.apply('d', [change('b2', 'negotiating', 'open', lead.id)])
    expect((await store.records('d')).map((r) => r.block)).toEqual(['b1'])
  })

  it('lets exactly one of two writers deciding from the same status at once win', async () => {
    const first = await database.open()
    const lead = await setUp(first.db)
    const a = new BlockStatusStore(first.db)
    // Two connections on PostgreSQL, as two instances have; on SQLite the server's one connection, as two requests have.
    const b = new BlockStatusStore(dialect === 'postgres' ? (await database.open()).db : first.db)
    const results = await Promise.allSettled([
      a.apply('d', [change('b1', 'open', 'agreed', lead.id)]),
      b.apply('d', [change('b1', 'open', 'negotiating', lead.id)]),
    ])
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const loser = results.find((r) => r.status === 'rejected') as PromiseRejectedResult
    expect(loser.reason).toBeInstanceOf(StaleBlockStatus)
    expect(await a.audit('d', 10)).toHaveLength(1)
  })
})
