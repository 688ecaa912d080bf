/** The document store's contract, on SQLite and on PostgreSQL: the same code, the same guarantees. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { backends, testDatabase, type TestDatabase } from '../../tests/helpers/databases.ts'
import { inTransaction } from './database.ts'
import { SqlDocumentStore } from './sqlDocuments.ts'
import { runNowOn } from './sqliteDocuments.ts'

describe.each(backends)('document store on %s', (dialect) => {
  let database: TestDatabase
  beforeEach(async () => {
    database = await testDatabase(dialect)
  })
  afterEach(() => database.cleanup())

  it('compacts exactly the log entries it merged: entries another writer appended meanwhile stay', async () => {
    const mine = new SqlDocumentStore((await database.open()).db)
    const theirs = new SqlDocumentStore((await database.open()).db)
    const [a] = await mine.append([{ documentId: 'd', update: new Uint8Array([1]) }])
    const [b] = await theirs.append([{ documentId: 'd', update: new Uint8Array([2]) }])
    const [c] = await mine.append([{ documentId: 'd', update: new Uint8Array([3]) }])
    expect(a < b && b < c).toBe(true)
    await mine.compact('d', new Uint8Array([9]), [a, c])
    const stored = await mine.load('d')
    expect(stored.state).toEqual(new Uint8Array([9]))
    expect(stored.seqs).toEqual([b])
    expect(stored.updates).toEqual([new Uint8Array([2])])
  })

  it('keeps a state that merged later entries over one a slower compaction writes after it', async () => {
    const store = new SqlDocumentStore((await database.open()).db)
    const [a, b, c] = await store.append([1, 2, 3].map((n) => ({ documentId: 'd', update: new Uint8Array([n]) })))
    // The faster compaction merged all three; the slower one, started earlier, merged the first two and writes last.
    expect(await store.compact('d', new Uint8Array([123]), [a, b, c])).toBe(true)
    expect(await store.compact('d', new Uint8Array([12]), [a, b])).toBe(false)
    const stored = await store.load('d')
    expect(stored.state).toEqual(new Uint8Array([123]))
    expect(stored.seqs).toEqual([])
    expect(stored.throughSeq).toBe(c)
  })

  it('replaces a state with one built on it that merges no log entry (written again without what it could not hold)', async () => {
    const store = new SqlDocumentStore((await database.open()).db)
    const [a, b] = await store.append([1, 2].map((n) => ({ documentId: 'd', update: new Uint8Array([n]) })))
    await store.compact('d', new Uint8Array([12]), [a, b])
    const built = await store.load('d')
    expect(built).toMatchObject({ state: new Uint8Array([12]), seqs: [], throughSeq: b })
    // Without its basis, a state that merges nothing counts as older than the one stored, and is not written.
    expect(await store.compact('d', new Uint8Array([1]), [])).toBe(false)
    expect(await store.compact('d', new Uint8Array([2]), [], built.throughSeq)).toBe(true)
    expect(await store.load('d')).toMatchObject({ state: new Uint8Array([2]), throughSeq: b })
    // A state built on an older one than is stored is not written over it.
    const [c] = await store.append([{ documentId: 'd', update: new Uint8Array([3]) }])
    expect(await store.compact('d', new Uint8Array([23]), [c], b)).toBe(true)
    expect(await store.compact('d', new Uint8Array([9]), [], b)).toBe(false)
    expect(await store.load('d')).toMatchObject({ state: new Uint8Array([23]), throughSeq: c })
  })

  it('appends a batch in order, all or none, and reads an unknown document as empty', async () => {
    const store = new SqlDocumentStore((await database.open()).db)
    expect(await store.load('nothing')).toEqual({ state: null, updates: [], seqs: [], lastSeq: 0, throughSeq: 0, stateDigest: 'absent' })
    const seqs = await store.append([
      { documentId: 'd', update: new Uint8Array([1]) },
      { documentId: 'e', update: new Uint8Array([2]) },
      { documentId: 'd', update: new Uint8Array([3, 4]) },
    ])
    expect(seqs).toHaveLength(3)
    expect([...seqs].sort((x, y) => x - y)).toEqual(seqs)
    const stored = await store.load('d')
    expect(stored.updates).toEqual([new Uint8Array([1]), new Uint8Array([3, 4])])
    expect(stored.seqs).toEqual([seqs[0], seqs[2]])
    expect(stored.lastSeq).toBe(seqs[2])
    expect(await store.size('d')).toEqual({ stateBytes: 0, logBytes: 3, logEntries: 2 })
    // A batch whose second entry cannot be stored stores nothing.
    await expect(store.append([{ documentId: 'd', update: new Uint8Array([5]) }, { documentId: null as unknown as string, update: new Uint8Array([6]) }])).rejects.toThrow()
    expect((await store.load('d')).updates).toHaveLength(2)
  })

  it('compacts concurrently with appends from several writers without losing one', async () => {
    const writers = await Promise.all([1, 2, 3].map(async () => new SqlDocumentStore((await database.open()).db)))
    const appends = writers.flatMap((store, w) => Array.from({ length: 20 }, (_, i) => () => store.append([{ documentId: 'd', update: new Uint8Array([w, i]) }])))
    // PostgreSQL: the instances' writes at once. SQLite has one server process per file: another connection in the same
    // process would wait for the lock on the thread that holds it, so there they take turns.
    const appended = dialect === 'postgres' ? await Promise.all(appends.map((append) => append())) : await appends.reduce<Promise<number[][]>>(async (done, append) => [...(await done), await append()], Promise.resolve([]))
    const first = await writers[0].load('d')
    expect(first.seqs).toEqual(appended.flat().sort((x, y) => x - y))
    // Compaction of what was read, while the others go on appending.
    const more = () => writers[1].append([{ documentId: 'd', update: new Uint8Array([9, 9]) }])
    const [[late]] = dialect === 'postgres' ? await Promise.all([more(), writers[0].compact('d', new Uint8Array([7]), first.seqs)]) : [await more(), await writers[0].compact('d', new Uint8Array([7]), first.seqs)]
    const after = await writers[2].load('d')
    expect(after.state).toEqual(new Uint8Array([7]))
    expect(after.seqs).toEqual([late])
    expect(await writers[2].size('d')).toMatchObject({ stateBytes: 1, logEntries: 1 })
  })

  it('stores a digest with each compacted state, and reads back whether the bytes still match it', async () => {
    const { db } = await database.open()
    const store = new SqlDocumentStore(db)
    const [seq] = await store.append([{ documentId: 'd', update: new Uint8Array([1]) }])
    expect((await store.load('d')).stateDigest).toBe('absent')
    await store.compact('d', new Uint8Array([4, 5, 6]), [seq])
    expect((await store.load('d')).stateDigest).toBe('matches')
    // A later compaction writes the digest of its own state.
    const [next] = await store.append([{ documentId: 'd', update: new Uint8Array([2]) }])
    await store.compact('d', new Uint8Array([7, 8]), [next])
    expect(await store.load('d')).toMatchObject({ state: new Uint8Array([7, 8]), stateDigest: 'matches' })
    // Bytes changed after the compaction (a damaged disk, a hand edit): the digest no longer matches.
    await db.updateTable('document_state').set({ state: new Uint8Array([7, 9]) }).where('document_id', '=', 'd').execute()
    expect((await store.load('d')).stateDigest).toBe('differs')
    // A state stored before digests were kept has none.
    await db.updateTable('document_state').set({ state_digest: null }).where('document_id', '=', 'd').execute()
    expect((await store.load('d')).stateDigest).toBe('absent')
  })

  it('keeps each different set of bytes once, until they are recovered', async () => {
    const store = new SqlDocumentStore((await database.open()).db)
    const stored = { state: new Uint8Array([1]), updates: [new Uint8Array([2]), new Uint8Array([3])], seqs: [5, 6], lastSeq: 6 }
    expect(await store.quarantine('d', stored, 'bad update')).toBe(true)
    // The same bytes again (a document failing at each load): one copy.
    expect(await store.quarantine('d', stored, 'again')).toBe(false)
    const copies = await store.quarantined('d')
    expect(copies).toHaveLength(1)
    expect(copies[0]).toMatchObject({ documentId: 'd', reason: 'bad update', recoveredAt: null, stored })
    // Different bytes before the first copy was recovered: a state rewritten since, or a log entry more. Each is kept.
    const rewritten = { state: new Uint8Array([9]), updates: [], seqs: [], lastSeq: 6 }
    expect(await store.quarantine('d', rewritten, 'pending content')).toBe(true)
    const longer = { ...rewritten, updates: [new Uint8Array([4])], seqs: [7], lastSeq: 7 }
    expect(await store.quarantine('d', longer, 'pending content')).toBe(true)
    expect(await store.quarantine('d', longer, 'pending content')).toBe(false)
    expect((await store.quarantined('d')).map(({ stored: { state, seqs } }) => ({ state, seqs }))).toEqual([stored, rewritten, longer].map(({ state, seqs }) => ({ state, seqs })))
    await store.markRecovered('d')
    expect((await store.quarantined('d'))[0].recoveredAt).toBeGreaterThan(0)
    expect(await store.quarantine('d', stored, 'later')).toBe(true)
  })
})

describe('appending at once (SQLite)', () => {
  let database: TestDatabase
  beforeEach(async () => {
    database = await testDatabase('sqlite')
  })
  afterEach(() => database.cleanup())

  it('stores at once in order with the batched appends, all or none, and never inside another transaction', async () => {
    const open = await database.open()
    const store = new SqlDocumentStore(open.db, { runNow: runNowOn(open.sqlite!) })
    const [first] = await store.append([{ documentId: 'd', update: new Uint8Array([1]) }])
    const now = store.appendNow([{ documentId: 'd', update: new Uint8Array([2]), authorId: null }])
    expect(now).toHaveLength(1)
    expect(now![0]).toBeGreaterThan(first)
    expect((await store.load('d')).updates).toEqual([new Uint8Array([1]), new Uint8Array([2])])
    // One entry (its own path) and a batch count their author's contribution alike.
    const [single] = store.appendNow([{ documentId: 'e', update: new Uint8Array([1, 2]), authorId: 7 }])!
    const batch = store.appendNow([
      { documentId: 'e', update: new Uint8Array([3]), authorId: 7 },
      { documentId: 'e', update: new Uint8Array([4, 5, 6]), authorId: 8 },
    ])!
    expect(batch[0]).toBe(single + 1)
    expect(batch[1]).toBe(single + 2)
    const contributions = await open.db.selectFrom('contributions').select(['member_id', 'updates', 'bytes']).where('document_id', '=', 'e').execute()
    // Summed over minutes: the appends may fall on both sides of a minute's end.
    const byMember = new Map<number, [number, number]>()
    for (const row of contributions) {
      const [updates, bytes] = byMember.get(Number(row.member_id)) ?? [0, 0]
      byMember.set(Number(row.member_id), [updates + Number(row.updates), bytes + Number(row.bytes)])
    }
    expect([...byMember].sort(([a], [b]) => a - b)).toEqual([
      [7, [2, 3]],
      [8, [1, 3]],
    ])
    // All or none: a batch whose second entry cannot be stored stores nothing.
    expect(() => store.appendNow([{ documentId: 'd', update: new Uint8Array([3]) }, { documentId: null as unknown as string, update: new Uint8Array([4]) }])).toThrow()
    expect((await store.load('d')).updates).toHaveLength(2)
    // While the query layer holds a transaction open across its awaits, an append at once would join it: it declines.
    let declined: number[] | null | undefined
    await expect(
      inTransaction(open.db, async (trx) => {
        await trx.insertInto('document_updates').values({ document_id: 'd', data: new Uint8Array([5]) }).execute()
        declined = store.appendNow([{ documentId: 'd', update: new Uint8Array([6]) }])
        throw new Error('rolled back')
      }),
    ).rejects.toThrow('rolled back')
    expect(declined).toBeNull()
    expect((await store.load('d')).updates).toEqual([new Uint8Array([1]), new Uint8Array([2])])
    // A store without a synchronous driver (PostgreSQL) never appends at once.
    expect(new SqlDocumentStore(open.db).appendNow([{ documentId: 'd', update: new Uint8Array([7]) }])).toBeNull()
  })
})
