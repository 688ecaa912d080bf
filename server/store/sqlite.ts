/** Opens the embedded SQLite database in DATA_DIR and brings its schema up to date (server/store/migrations.ts). */
import fs from 'node:fs'
import path from 'node:path'
import Database from 'better-sqlite3'
import { migrateSqlite } from './migrate.ts'
import { schemaVersion } from './migrations.ts'

export type Sqlite = Database.Database

export interface SqliteOptions {
  synchronous?: 'normal' | 'full'
  /** Leave WAL checkpoints to someone else (the server's checkpoint thread) instead of the writing connection. */
  externalCheckpoints?: boolean
  /** Refuse a data directory without a database rather than create one (an admin command given a mistyped DATA_DIR). */
  mustExist?: boolean
  /**
   * A database whose schema is behind this build's: brought up to date ('migrate', the server's start), or refused
   * ('refuse': an admin command, which must not move the database to a new schema under an older server still running
   * on it). A new database is created at this build's schema either way.
   */
  behind?: 'migrate' | 'refuse'
}

/** A database at an older schema than this build's, which the caller may not migrate. */
export class DatabaseBehind extends Error {
  constructor(version: number) {
    super(
      `the database has schema version ${version}, older than this build's (${schemaVersion}): start this version's server, ` +
        'which brings it up to date, or stop the older server and run `npm run admin -- migrate`',
    )
  }
}

/** No database where one was expected. */
export class NoDatabase extends Error {
  constructor(dataDir: string) {
    super(`there is no database at ${databasePath(dataDir)}; check DATA_DIR (the server creates the database when it first starts)`)
  }
}

/**
 * The database as it is, for copying it (`npm run admin -- backup`): never created, never migrated, its settings left
 * as the server set them. A backup made before an upgrade must hold the schema the running server uses.
 */
export function openSqliteAsItIs(dataDir: string): Sqlite {
  if (!fs.existsSync(databasePath(dataDir))) throw new NoDatabase(dataDir)
  const db = new Database(databasePath(dataDir), { fileMustExist: true })
  db.pragma('busy_timeout = 5000')
  return db
}

export const databaseFileName = 'workspace.sqlite'

export function databasePath(dataDir: string): string {
  return path.join(dataDir, databaseFileName)
}

/** Another process has the database open (a server running on it, or an admin command). */
export class DatabaseInUse extends Error {
  constructor(dataDir: string) {
    super(`another process has ${databasePath(dataDir)} open (a server still running on it?)`)
  }
}

/**
 * The existing database, opened for this process alone until it is closed (`npm run admin -- copy-to-postgres`); not
 * migrated (`migrateSqlite` brings it up to date, under the same lock). Throws DatabaseInUse when another process has it open: a connection there,
 * even idle, holds a lock that keeps anyone else from locking the file exclusively; and once this connection has it,
 * no server can open the database until the command ends.
 */
export function openSqliteAlone(dataDir: string): Sqlite {
  if (!fs.existsSync(databasePath(dataDir))) throw new NoDatabase(dataDir)
  const db = new Database(databasePath(dataDir), { fileMustExist: true })
  try {
    db.pragma('busy_timeout = 0')
    // In this mode a connection keeps every lock it takes until it closes: the exclusive one taken here included.
    db.pragma('locking_mode = EXCLUSIVE')
    try {
      db.exec('BEGIN EXCLUSIVE')
      db.exec('ROLLBACK')
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_BUSY') throw new DatabaseInUse(dataDir)
      throw error
    }
    db.pragma('foreign_keys = ON')
    return db
  } catch (error) {
    db.close()
    throw error
  }
}

export function openSqlite(dataDir: string, options: SqliteOptions = {}): Sqlite {
  if (options.mustExist && !fs.existsSync(databasePath(dataDir))) throw new NoDatabase(dataDir)
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 })
  const db = new Database(databasePath(dataDir))
  // First, so that every later statement waits for a lock another process (the admin CLI, the
  // checkpoint thread) holds for a moment instead of failing.
  db.pragma('busy_timeout = 5000')
  // A new database gives freed pages back to the file system bit by bit (see releaseFreePages); an older one keeps
  // them for reuse, as before (switching needs a full VACUUM). Set before anything is written to the file.
  if ((db.pragma('user_version', { simple: true }) as number) === 0) db.pragma('auto_vacuum = INCREMENTAL')
  // Asked first: switching the mode takes a lock that another process starting at the same moment may hold.
  if (db.pragma('journal_mode', { simple: true }) !== 'wal') db.pragma('journal_mode = WAL')
  db.pragma(`synchronous = ${options.synchronous === 'full' ? 'FULL' : 'NORMAL'}`)
  db.pragma('foreign_keys = ON')
  if (options.externalCheckpoints) db.pragma('wal_autocheckpoint = 0')
  const version = db.pragma('user_version', { simple: true }) as number
  if (options.behind === 'refuse' && version > 0 && version < schemaVersion) {
    db.close()
    throw new DatabaseBehind(version)
  }
  migrateSqlite(db)
  return db
}

/**
 * Returns up to `maxPages` free pages to the file system, when the database was created with incremental
 * auto-vacuum: compaction frees the pages of the merged log, which otherwise stay in the file for ever.
 */
export function releaseFreePages(db: Sqlite, maxPages: number): number {
  if (db.pragma('auto_vacuum', { simple: true }) !== 2) return 0
  const free = db.pragma('freelist_count', { simple: true }) as number
  if (free === 0) return 0
  const pages = Math.min(free, maxPages)
  db.pragma(`incremental_vacuum(${pages})`)
  return pages
}
