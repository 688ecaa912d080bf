import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { backupDatabase } from './backup.ts'

describe('backupDatabase', () => {
  it('finishes while another connection writes every millisecond, with a consistent copy of a 20 MB database', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-backup-'))
    const file = path.join(dir, 'workspace.sqlite')
    const db = new Database(file)
    db.pragma('journal_mode = WAL')
    db.exec('CREATE TABLE rows (id INTEGER PRIMARY KEY, data BLOB NOT NULL)')
    const insert = db.prepare('INSERT INTO rows (data) VALUES (?)')
    db.transaction(() => {
      for (let i = 0; i < 5000; i++) insert.run(Buffer.alloc(4000, i % 256))
    })()
    // The server: a connection of its own, writing as edits arrive, from before the backup starts until it has ended.
    const server = new Database(file)
    const write = server.prepare('INSERT INTO rows (data) VALUES (?)')
    let writes = 0
    const typing = setInterval(() => {
      write.run(Buffer.alloc(100))
      writes++
    }, 1)
    try {
      while (writes < 5) await new Promise((resolve) => setTimeout(resolve, 1))
      const copyFile = path.join(dir, 'copy.sqlite')
      // Copied a hundred pages at a time, the copy started over after every write and never ended.
      const outcome = await Promise.race([
        backupDatabase(db, copyFile),
        new Promise<'unfinished'>((resolve) => setTimeout(() => resolve('unfinished'), 10_000).unref()),
      ])
      expect(outcome).not.toBe('unfinished')
      clearInterval(typing)
      const copy = new Database(copyFile, { readonly: true })
      try {
        const { rows, first } = copy.prepare('SELECT count(*) AS rows, min(id) AS first FROM rows').get() as { rows: number; first: number }
        expect(first).toBe(1)
        // Every row written before the backup began, and the rows the writer added up to the snapshot, without a gap.
        expect(rows).toBeGreaterThanOrEqual(5000 + 5)
        expect(copy.prepare('SELECT max(id) AS last FROM rows').get()).toEqual({ last: rows })
        expect(copy.pragma('quick_check', { simple: true })).toBe('ok')
      } finally {
        copy.close()
      }
    } finally {
      clearInterval(typing)
      server.close()
      db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  }, 30_000)
})
