/** Brings a database's schema up to date with the migrations (server/store/migrations.ts), one transaction per version. */
import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.ts'
import type { Sqlite } from './sqlite.ts'
import { postgresMigrations, schemaVersion, sqliteMigrations } from './migrations.ts'

/** Any number: the lock only has to be the same for every process migrating the same database. */
const migrationLock = 4_227_031

/** SQLite: the version is `PRAGMA user_version`, as it always was. Returns the versions applied. */
export function migrateSqlite(db: Sqlite): number {
  const current = db.pragma('user_version', { simple: true }) as number
  if (current > schemaVersion) {
    throw new Error(`the database has schema version ${current}, newer than this server knows (${schemaVersion})`)
  }
  let applied = 0
  for (let version = current; version < schemaVersion; version++) {
    // IMMEDIATE, and the version read again inside: another process (the admin CLI) may have migrated meanwhile.
    db.transaction(() => {
      if ((db.pragma('user_version', { simple: true }) as number) !== version) return
      db.exec(sqliteMigrations[version])
      db.pragma(`user_version = ${version + 1}`)
      applied++
    }).immediate()
  }
  return applied
}

/** PostgreSQL: the schema version of the database (0: nothing created yet). */
export async function postgresSchemaVersion(db: Kysely<Database>): Promise<number> {
  const exists = await sql<{ found: string | null }>`SELECT to_regclass('schema_version')::text AS found`.execute(db)
  if (!exists.rows[0]?.found) return 0
  const row = await sql<{ version: number }>`SELECT version FROM schema_version`.execute(db)
  return row.rows[0]?.version ?? 0
}

/**
 * PostgreSQL: applies the missing migrations, each in a transaction holding an advisory lock, so two processes
 * starting at once apply each migration once. Returns the versions applied.
 */
export async function migratePostgres(db: Kysely<Database>): Promise<number> {
  let applied = 0
  for (;;) {
    const done = await db.transaction().execute(async (trx) => {
      await sql`SELECT pg_advisory_xact_lock(${migrationLock})`.execute(trx)
      await sql`CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)`.execute(trx)
      const row = await sql<{ version: number }>`SELECT version FROM schema_version`.execute(trx)
      let version = row.rows[0]?.version
      if (version === undefined) {
        await sql`INSERT INTO schema_version (version) VALUES (0)`.execute(trx)
        version = 0
      }
      if (version > schemaVersion) {
        throw new Error(`the database has schema version ${version}, newer than this server knows (${schemaVersion})`)
      }
      if (version === schemaVersion) return true
      // No parameters: the statements of one migration go as one simple query.
      await sql.raw(postgresMigrations[version]).execute(trx)
      await sql`UPDATE schema_version SET version = ${version + 1}`.execute(trx)
      applied++
      return false
    })
    if (done) return applied
  }
}
