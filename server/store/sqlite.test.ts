import Database from 'better-sqlite3'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { DatabaseInUse, databasePath, NoDatabase, openSqlite, openSqliteAlone } from './sqlite.ts'

const dirs: string[] = []
function dataDirWithDatabase(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-sqlite-alone-'))
  dirs.push(dir)
  openSqlite(dir).close()
  return dir
}

/** What another process would meet opening the database: a connection that does not wait for locks. */
function readElsewhere(dir: string): unknown {
  const other = new Database(databasePath(dir))
  try {
    other.pragma('busy_timeout = 0')
    return other.prepare(`SELECT count(*) AS n FROM sqlite_master WHERE name = 'probe'`).get()
  } finally {
    other.close()
  }
}

afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true })
})

describe('openSqliteAlone', () => {
  it('keeps every other connection out until it is closed, not only while it checks', () => {
    const dir = dataDirWithDatabase()
    const alone = openSqliteAlone(dir)
    try {
      expect(() => readElsewhere(dir)).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }))
      // Its own reads and writes go on (the copy reads the whole database under the lock).
      alone.exec('CREATE TABLE probe (x)')
      expect(() => readElsewhere(dir)).toThrow(expect.objectContaining({ code: 'SQLITE_BUSY' }))
      expect(() => openSqliteAlone(dir)).toThrow(DatabaseInUse)
    } finally {
      alone.close()
    }
    expect(readElsewhere(dir)).toEqual({ n: 1 })
  })

  it('refuses while another connection has the database open, even idle', () => {
    const dir = dataDirWithDatabase()
    const server = openSqlite(dir)
    try {
      server.prepare('SELECT 1').get()
      expect(() => openSqliteAlone(dir)).toThrow(DatabaseInUse)
    } finally {
      server.close()
    }
    openSqliteAlone(dir).close()
  })

  it('never creates a database', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-sqlite-alone-'))
    dirs.push(dir)
    expect(() => openSqliteAlone(dir)).toThrow(NoDatabase)
    expect(fs.existsSync(databasePath(dir))).toBe(false)
  })
})
