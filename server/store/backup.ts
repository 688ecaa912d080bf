/**
 * An online backup of the SQLite database (`npm run admin -- backup <file>`): SQLite's backup API copies a consistent
 * snapshot while the server keeps serving, into a temporary file renamed into place once it is complete and checked,
 * so a half-written backup never carries the final name.
 *
 * The copy is made in one step. The server writes through connections of its own, and a write by any connection but
 * the one copying starts a copy made in several steps over from its first page: with edits arriving every few
 * milliseconds, a large database copied a hundred pages at a time would never finish. One step reads a single snapshot
 * (the server's writes go on into the write-ahead log meanwhile) and ends.
 */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import type { Sqlite } from './sqlite.ts'

export class BackupError extends Error {}

/** The most pages better-sqlite3 copies in one step, which is more than a database holds. */
const allPages = 0x7fffffff

export interface BackupReport {
  file: string
  bytes: number
  pages: number
  ms: number
}

export async function backupDatabase(db: Sqlite, target: string): Promise<BackupReport> {
  const file = path.resolve(target)
  if (fs.existsSync(file)) throw new BackupError(`${file} exists already; choose a new file name (a backup never overwrites one)`)
  if (!fs.existsSync(path.dirname(file))) throw new BackupError(`the folder ${path.dirname(file)} does not exist`)
  const partial = `${file}.partial-${process.pid}`
  const started = performance.now()
  try {
    // Readable by its owner only from the start, as the data directory is: it holds every member's token digests and
    // sessions. SQLite copies into the empty file.
    fs.writeFileSync(partial, '', { flag: 'wx', mode: 0o600 })
    // After the step that opens the copy (no page), every page in the next one: see the header.
    const { totalPages } = await db.backup(partial, { progress: () => allPages })
    const copy = new Database(partial)
    try {
      // A file of its own: no write-ahead log beside it (the server switches back to WAL when it opens a restored copy).
      copy.pragma('journal_mode = DELETE')
      const check = copy.pragma('quick_check', { simple: true })
      if (check !== 'ok') throw new BackupError(`the copy does not pass SQLite's quick_check: ${String(check)}`)
    } finally {
      copy.close()
    }
    fs.renameSync(partial, file)
    return { file, bytes: fs.statSync(file).size, pages: totalPages, ms: Math.round(performance.now() - started) }
  } catch (error) {
    fs.rmSync(partial, { force: true })
    throw error
  }
}
