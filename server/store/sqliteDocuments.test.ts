/** The SQLite document store: compaction deletes exactly the log entries it merged. */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { openSqlite } from './sqlite.ts'
import { SqliteDocumentStore } from './sqliteDocuments.ts'

describe('SqliteDocumentStore', () => {
  it('compacts exactly the log entries it merged: entries another writer appended meanwhile stay', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-store-'))
    const first = openSqlite(dataDir)
    const second = openSqlite(dataDir)
    try {
      const mine = new SqliteDocumentStore(first)
      const theirs = new SqliteDocumentStore(second)
      const [a] = await mine.append([{ documentId: 'd', update: new Uint8Array([1]) }])
      const [b] = await theirs.append([{ documentId: 'd', update: new Uint8Array([2]) }])
      const [c] = await mine.append([{ documentId: 'd', update: new Uint8Array([3]) }])
      expect(a < b && b < c).toBe(true)
      await mine.compact('d', new Uint8Array([9]), [a, c])
      const stored = await mine.load('d')
      expect(stored.state).toEqual(new Uint8Array([9]))
      expect(stored.seqs).toEqual([b])
      expect(stored.updates).toEqual([new Uint8Array([2])])
    } finally {
      first.close()
      second.close()
    }
  })
})
