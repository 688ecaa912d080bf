/**
 * The storage backends a contract test runs against: SQLite in a temp dir, and PostgreSQL in a schema of its own
 * (tests/helpers/postgres.ts). Each `open()` is a new connection to the same database, as another process would have.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { openDatabase, type DialectName, type OpenDatabase } from '../../server/store/database.ts'
import { createTestSchema, type TestSchema } from './postgres.ts'

export const backends: readonly DialectName[] = ['sqlite', 'postgres']

export interface TestDatabase {
  dialect: DialectName
  /** The data directory (SQLite's file is in it; PostgreSQL's servers still keep their secrets there). */
  dataDir: string
  /** DATABASE_URL for PostgreSQL, null for SQLite. */
  databaseUrl: string | null
  /** A new connection to the database, migrated; closed by `cleanup`. */
  open(): Promise<OpenDatabase>
  /** Closes every connection opened and drops the PostgreSQL schema. */
  cleanup(): Promise<void>
}

export async function testDatabase(dialect: DialectName): Promise<TestDatabase> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `dtg-${dialect}-`))
  const schema: TestSchema | null = dialect === 'postgres' ? await createTestSchema() : null
  const opened: OpenDatabase[] = []
  return {
    dialect,
    dataDir,
    databaseUrl: schema?.url ?? null,
    async open() {
      const database = await openDatabase({ dataDir, databaseUrl: schema?.url ?? null, poolSize: 4 })
      opened.push(database)
      return database
    },
    async cleanup() {
      for (const database of opened.splice(0)) await database.close()
      await schema?.drop()
      fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
