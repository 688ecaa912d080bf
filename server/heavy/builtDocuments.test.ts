/** Documents a heavy-work thread keeps built: always what a build from the store now would give, on both databases. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { backends, testDatabase, type TestDatabase } from '../../tests/helpers/databases.ts'
import { SqlDocumentStore } from '../store/sqlDocuments.ts'
import { applyStoredDocument } from '../store/storedDocument.ts'
import { BuiltDocuments, type BuiltDocument } from './builtDocuments.ts'
import type { StoredBytes } from './tasks.ts'

/** An editor of one document: each call types `text` at the end and returns the update it made. */
function editor(clientID: number) {
  const doc = new Y.Doc()
  doc.clientID = clientID
  return {
    doc,
    type(text: string): Uint8Array {
      const before = Y.encodeStateVector(doc)
      doc.getText('t').insert(doc.getText('t').length, text)
      return Y.encodeStateAsUpdate(doc, before)
    },
  }
}

const builtOf = (read: BuiltDocument | StoredBytes): Y.Doc | null => ('built' in read ? read.built : null)

const textOf = (read: BuiltDocument | StoredBytes): string => {
  if ('built' in read) return read.built.getText('t').toString()
  const doc = new Y.Doc()
  applyStoredDocument(doc, read)
  return doc.getText('t').toString()
}

describe.each(backends)('documents kept built on %s', (dialect) => {
  let database: TestDatabase
  let store: SqlDocumentStore
  beforeEach(async () => {
    database = await testDatabase(dialect)
    store = new SqlDocumentStore((await database.open()).db)
  })
  afterEach(() => database.cleanup())

  it('applies only what was stored since, and builds again after a compaction', async () => {
    const documents = new BuiltDocuments({ documents: 4, storedBytes: 1_000_000 })
    const alice = editor(1)
    await store.append([{ documentId: 'd', update: alice.type('Zero draft.') }])
    const first = await documents.read(store, 'd')
    expect('built' in first && textOf(first)).toBe('Zero draft.')

    await store.append([{ documentId: 'd', update: alice.type(' Rev.1.') }])
    const second = await documents.read(store, 'd')
    // The same document, brought up to date.
    expect('built' in second && second.built).toBe('built' in first && first.built)
    expect(textOf(second)).toBe('Zero draft. Rev.1.')

    const { seqs } = await store.load('d')
    await store.compact('d', Y.encodeStateAsUpdate(alice.doc), seqs)
    await store.append([{ documentId: 'd', update: alice.type(' Agreed.') }])
    const third = await documents.read(store, 'd')
    expect('built' in third && third.built).not.toBe('built' in first && first.built)
    expect(textOf(third)).toBe('Zero draft. Rev.1. Agreed.')
  })

  it('builds again when a state is written over with the same entries merged (a repair)', async () => {
    const documents = new BuiltDocuments({ documents: 4, storedBytes: 1_000_000 })
    const alice = editor(1)
    const [seq] = await store.append([{ documentId: 'd', update: alice.type('Text.') }])
    await store.compact('d', Y.encodeStateAsUpdate(alice.doc), [seq])
    expect(textOf(await documents.read(store, 'd'))).toBe('Text.')
    // A repair writes a state built on the same one, merging nothing: its text is what is served from then on.
    const repaired = editor(2)
    repaired.type('Repaired.')
    await new Promise((resolve) => setTimeout(resolve, 5))
    expect(await store.compact('d', Y.encodeStateAsUpdate(repaired.doc), [], seq)).toBe(true)
    expect(textOf(await documents.read(store, 'd'))).toBe('Repaired.')
  })

  it('finds an entry with a lower number that became visible after a higher one', async () => {
    const documents = new BuiltDocuments({ documents: 4, storedBytes: 1_000_000 })
    const alice = editor(1)
    const bob = editor(2)
    const [a] = await store.append([{ documentId: 'd', update: alice.type('A') }])
    // A number taken between a and c, by an entry not yet visible.
    const [b] = await store.append([{ documentId: 'elsewhere', update: new Uint8Array([0, 0]) }])
    const [c] = await store.append([{ documentId: 'd', update: alice.type('C') }])
    expect(a < b && b < c).toBe(true)
    expect(textOf(await documents.read(store, 'd'))).toBe('AC')
    // Becomes visible now, as a transaction that took its number earlier and committed later leaves it (PostgreSQL).
    const { db } = await database.open()
    await db.deleteFrom('document_updates').where('seq', '=', b).execute()
    await db.insertInto('document_updates').values({ seq: b, document_id: 'd', data: bob.type('B') }).execute()
    const read = await documents.read(store, 'd')
    const fresh = new Y.Doc()
    applyStoredDocument(fresh, await store.load('d'))
    expect(textOf(read)).toBe(fresh.getText('t').toString())
    expect(textOf(read)).toContain('B')
  })

  it('never keeps a document that does not integrate whole, nor one past the limit', async () => {
    const documents = new BuiltDocuments({ documents: 2, storedBytes: 1000 })
    const alice = editor(1)
    alice.type('First. ')
    // The second edit alone: it waits for the first, which is not stored.
    await store.append([{ documentId: 'gap', update: alice.type('Second.') }])
    const gap = await documents.read(store, 'gap')
    expect('built' in gap).toBe(false)
    expect(documents.size).toBe(0)

    await store.append([{ documentId: 'large', update: editor(3).type('x'.repeat(2000)) }])
    expect('built' in (await documents.read(store, 'large'))).toBe(false)
    expect(documents.size).toBe(0)
  })

  it('lets the least recently used go past the limits', async () => {
    const documents = new BuiltDocuments({ documents: 2, storedBytes: 1_000_000 })
    for (const id of ['a', 'b', 'c']) await store.append([{ documentId: id, update: editor(1).type(id) }])
    const a = await documents.read(store, 'a')
    await documents.read(store, 'b')
    // a used again (the same document): b is now the least recently used.
    expect(builtOf(await documents.read(store, 'a'))).toBe(builtOf(a))
    await documents.read(store, 'c')
    expect(documents.size).toBe(2)
    expect(builtOf(await documents.read(store, 'a'))).toBe(builtOf(a))
    // b was let go: built again.
    const b = await documents.read(store, 'b')
    expect(builtOf(b)).toBeInstanceOf(Y.Doc)
    expect(textOf(b)).toBe('b')
  })

  it('lets a document go when what it was brought up to date with does not integrate, or does not decode, and keeps it again once whole', async () => {
    const documents = new BuiltDocuments({ documents: 4, storedBytes: 1_000_000 })
    const alice = editor(1)
    await store.append([{ documentId: 'd', update: alice.type('A') }])
    const first = builtOf(await documents.read(store, 'd'))
    const missing = alice.type('B')
    // Stored before the edit it builds on (as another instance may store it first): does not integrate yet.
    await store.append([{ documentId: 'd', update: alice.type('C') }])
    const pending = await documents.read(store, 'd')
    expect('built' in pending).toBe(false)
    expect(textOf(pending)).toBe('A')
    expect(documents.size).toBe(0)
    await store.append([{ documentId: 'd', update: missing }])
    const whole = await documents.read(store, 'd')
    expect(builtOf(whole)).not.toBe(first)
    expect(textOf(whole)).toBe('ABC')
    expect(documents.size).toBe(1)
    // Bytes that do not decode: the read fails, and the document is not kept half brought up to date.
    await store.append([{ documentId: 'd', update: new Uint8Array([1, 200, 200, 200]) }])
    await expect(documents.read(store, 'd')).rejects.toThrow()
    expect(documents.size).toBe(0)
  })

  it('keeps the others when one grows past the limit on its own', async () => {
    const documents = new BuiltDocuments({ documents: 4, storedBytes: 3000 })
    const big = editor(1)
    for (const id of ['a', 'b']) await store.append([{ documentId: id, update: editor(2).type(id) }])
    await store.append([{ documentId: 'big', update: big.type('x'.repeat(1000)) }])
    for (const id of ['a', 'b', 'big']) await documents.read(store, id)
    expect(documents.size).toBe(3)
    await store.append([{ documentId: 'big', update: big.type('y'.repeat(2500)) }])
    const grown = await documents.read(store, 'big')
    expect(textOf(grown)).toBe('x'.repeat(1000) + 'y'.repeat(2500))
    expect(documents.size).toBe(2)
  })

  it("after a task, lets documents go, least recently used first, while the heap is full past their share", async () => {
    const documents = new BuiltDocuments({ documents: 4, storedBytes: 1_000_000 })
    for (const id of ['a', 'b', 'c']) await store.append([{ documentId: id, update: editor(1).type(id) }])
    const kept: Record<string, Y.Doc | null> = {}
    // One after the other: the order they are read in is the order they were used in.
    for (const id of ['a', 'b', 'c']) kept[id] = builtOf(await documents.read(store, id))
    // The heap at 40% of its limit, then 30%, then 20% as each goes: two go, a and b, the least recently used.
    const used = [40, 30, 20]
    documents.trim(() => ({ used: used.shift() ?? 0, limit: 100 }))
    expect(documents.size).toBe(1)
    expect(builtOf(await documents.read(store, 'c'))).toBe(kept.c)
    documents.trim(() => ({ used: 25, limit: 100 }))
    expect(documents.size).toBe(1)
  })
})
