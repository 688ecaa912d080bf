import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { sql } from 'kysely'
import { backends, testDatabase, type TestDatabase } from '../../tests/helpers/databases.ts'
import { MemberDirectory } from '../auth/members.ts'
import { SqlDocumentStore } from '../store/sqlDocuments.ts'
import { Registry } from '../workspaces/registry.ts'
import { bucketStart, ParticipationLog } from './participation.ts'

describe.each(backends)('contributors and participation on %s', (dialect) => {
  let database: TestDatabase
  beforeEach(async () => {
    database = await testDatabase(dialect)
  })
  afterEach(async () => {
    vi.useRealTimers()
    await database.cleanup()
  })

  async function setUp() {
    const { db } = await database.open()
    const members = new MemberDirectory(db)
    const registry = await Registry.open(db)
    const workspace = await registry.createWorkspace({ dtg: 1, year: 2026, title: 'DTG 1' })
    const document = await registry.createDocument({ workspaceId: workspace.id, title: 'Draft', kind: 'working-draft', symbol: null, createdBy: null })
    const kenya = await members.ensureMember('Delegate of Kenya', 'delegation', 'Kenya', 'african')
    const chile = await members.ensureMember('Delegate of Chile', 'delegation', 'Chile', 'latin-american-caribbean')
    return { db, store: new SqlDocumentStore(db), log: new ParticipationLog(db), workspace, document, kenya, chile }
  }

  it('adds a member\'s updates of one minute into one row, and counts the server\'s own changes for no one', async () => {
    const { db, store, log, document, kenya, chile } = await setUp()
    vi.useFakeTimers({ toFake: ['Date'] })
    vi.setSystemTime(Date.UTC(2026, 10, 23, 15, 30, 5))
    const update = (bytes: number) => new Uint8Array(bytes)
    await store.append([
      { documentId: document.id, update: update(10), authorId: kenya.id },
      { documentId: document.id, update: update(5), authorId: kenya.id },
      { documentId: document.id, update: update(7), authorId: chile.id },
      { documentId: document.id, update: update(100), authorId: null },
    ])
    vi.setSystemTime(Date.UTC(2026, 10, 23, 15, 30, 50))
    await store.append([{ documentId: document.id, update: update(3), authorId: kenya.id }])
    vi.setSystemTime(Date.UTC(2026, 10, 23, 15, 31, 2))
    await store.append([{ documentId: document.id, update: update(1), authorId: kenya.id }])
    const { rows } = await sql`SELECT member_id AS "memberId", minute, first_at AS "firstAt", last_at AS "lastAt", updates, bytes FROM contributions ORDER BY minute, member_id`.execute(db)
    expect(rows).toEqual([
      { memberId: kenya.id, minute: Date.UTC(2026, 10, 23, 15, 30), firstAt: Date.UTC(2026, 10, 23, 15, 30, 5), lastAt: Date.UTC(2026, 10, 23, 15, 30, 50), updates: 3, bytes: 18 },
      { memberId: chile.id, minute: Date.UTC(2026, 10, 23, 15, 30), firstAt: Date.UTC(2026, 10, 23, 15, 30, 5), lastAt: Date.UTC(2026, 10, 23, 15, 30, 5), updates: 1, bytes: 7 },
      { memberId: kenya.id, minute: Date.UTC(2026, 10, 23, 15, 31), firstAt: Date.UTC(2026, 10, 23, 15, 31, 2), lastAt: Date.UTC(2026, 10, 23, 15, 31, 2), updates: 1, bytes: 1 },
    ])
    const { contributors, recent } = await log.contributors(document.id)
    const byName = Object.fromEntries(contributors.map((entry) => [entry.author.name, entry]))
    expect(byName['Delegate of Kenya']).toMatchObject({
      updates: 4,
      bytes: 19,
      firstAt: Date.UTC(2026, 10, 23, 15, 30, 5),
      lastAt: Date.UTC(2026, 10, 23, 15, 31, 2),
      author: { delegation: 'Kenya', regionalGroup: 'african' },
    })
    expect(byName['Delegate of Chile']).toMatchObject({ updates: 1, bytes: 7 })
    expect(contributors).toHaveLength(2)
    expect(recent.map((entry) => [entry.author.name, entry.updates])).toEqual([
      ['Delegate of Kenya', 1],
      ['Delegate of Kenya', 3],
      ['Delegate of Chile', 1],
    ])
  })

  it('counts edits as editing sessions: many updates without a 5-minute pause are one, a later return another', async () => {
    const { store, log, workspace, document, kenya, chile } = await setUp()
    vi.useFakeTimers({ toFake: ['Date'] })
    const typeAt = async (minutes: number, authorId: number, updates = 1) => {
      vi.setSystemTime(Date.UTC(2026, 10, 23, 9, 0) + minutes * 60_000)
      await store.append(Array.from({ length: updates }, () => ({ documentId: document.id, update: new Uint8Array(2), authorId })))
    }
    // Kenya types for 12 minutes (60 updates, never 5 minutes apart), pauses, and comes back at 10:00; Chile types once.
    for (let minute = 0; minute < 12; minute++) await typeAt(minute, kenya.id, 5)
    await typeAt(60, kenya.id, 3)
    await typeAt(3, chile.id, 40)
    const [day] = (await log.participation(workspace.id, 'day')).series
    expect(day.counts.african?.edits).toBe(2)
    expect(day.counts['latin-american-caribbean']?.edits).toBe(1)
    expect((await log.contributors(document.id)).contributors.find((entry) => entry.author.name === 'Delegate of Kenya')?.updates).toBe(63)
  })

  it('counts edits per regional group and day, every group listed, members without one as "none"', async () => {
    const { db, store, log, workspace, document, kenya } = await setUp()
    await store.append([{ documentId: document.id, update: new Uint8Array(4), authorId: kenya.id }])
    const secretariat = await new MemberDirectory(db).ensureMember('Secretariat', 'secretariat')
    await store.append([{ documentId: document.id, update: new Uint8Array(4), authorId: secretariat.id }])
    const result = await log.participation(workspace.id, 'day')
    expect(result.groups.map((group) => group.id)).toEqual(['african', 'asia-pacific', 'eastern-european', 'latin-american-caribbean', 'weog', 'none'])
    expect(result.series).toHaveLength(1)
    expect(result.series[0].start).toBe(bucketStart(Date.now(), 'day'))
    expect(result.series[0].counts.african).toEqual({ edits: 1, comments: 0 })
    expect(result.series[0].counts.none).toEqual({ edits: 1, comments: 0 })
    expect(result.series[0].counts.weog).toEqual({ edits: 0, comments: 0 })
  })

  it('starts weeks on Monday, in UTC', async () => {
    // Thursday 1 January 1970 belongs to the week of Monday 29 December 1969.
    expect(new Date(bucketStart(0, 'week')).toISOString()).toBe('1969-12-29T00:00:00.000Z')
    expect(new Date(bucketStart(Date.UTC(2026, 10, 23, 15), 'week')).toISOString()).toBe('2026-11-23T00:00:00.000Z')
    expect(new Date(bucketStart(Date.UTC(2026, 10, 29, 23, 59), 'week')).toISOString()).toBe('2026-11-23T00:00:00.000Z')
  })
})
