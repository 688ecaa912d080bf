import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { describe, expect, it } from 'vitest'
import { databasePath, openSqlite, releaseFreePages } from './sqlite.ts'
import { SqliteDocumentStore } from './sqliteDocuments.ts'

describe('free pages after compaction', () => {
  it('gives the pages of a merged log back to the file system, a bounded step per compaction', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-vacuum-'))
    const db = openSqlite(dataDir)
    try {
      expect(db.pragma('auto_vacuum', { simple: true })).toBe(2)
      const store = new SqliteDocumentStore(db)
      const seqs = await store.append(Array.from({ length: 2000 }, () => ({ documentId: 'd', update: new Uint8Array(2048) })))
      const pagesBefore = db.pragma('page_count', { simple: true }) as number
      await store.compact('d', new Uint8Array(16), seqs)
      const freeAfterOne = db.pragma('freelist_count', { simple: true }) as number
      expect(freeAfterOne).toBeGreaterThan(0) // more was freed than one step gives back
      expect(db.pragma('page_count', { simple: true })).toBe(pagesBefore - 256)
      expect(releaseFreePages(db, Number.MAX_SAFE_INTEGER)).toBe(freeAfterOne)
      expect(db.pragma('freelist_count', { simple: true })).toBe(0)
      db.pragma('wal_checkpoint(TRUNCATE)')
      expect(fs.statSync(databasePath(dataDir)).size).toBeLessThan(pagesBefore * 4096 * 0.1)
      expect((await store.load('d')).state).toEqual(new Uint8Array(16))
    } finally {
      db.close()
    }
  })

  it('leaves a database made before incremental vacuum as it was: free pages stay for reuse', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-vacuum-'))
    // A file written without incremental auto-vacuum, as every database made before it was.
    const legacy = new Database(databasePath(dataDir))
    legacy.exec('CREATE TABLE earlier (x)')
    legacy.close()
    const db = openSqlite(dataDir)
    try {
      expect(db.pragma('auto_vacuum', { simple: true })).toBe(0)
      const store = new SqliteDocumentStore(db)
      const seqs = await store.append(Array.from({ length: 500 }, () => ({ documentId: 'd', update: new Uint8Array(2048) })))
      const pages = db.pragma('page_count', { simple: true }) as number
      await store.compact('d', new Uint8Array(8), seqs)
      expect(db.pragma('freelist_count', { simple: true })).toBeGreaterThan(100)
      expect(releaseFreePages(db, 100)).toBe(0)
      expect(db.pragma('page_count', { simple: true })).toBe(pages)
    } finally {
      db.close()
    }
  })
})
