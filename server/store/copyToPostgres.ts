/**
 * The move from SQLite to PostgreSQL (`npm run admin -- copy-to-postgres <url>`, the server stopped): every row of every
 * table of the SQLite database in DATA_DIR, copied with its ids into an empty PostgreSQL database brought to the same
 * schema version, in one PostgreSQL transaction.
 */
import fs from 'node:fs'
import { sql, type Kysely } from 'kysely'
import type { Database } from './schema.ts'
import { DatabaseInUse, databasePath, openSqliteAlone, type Sqlite } from './sqlite.ts'
import { migratePostgres, migrateSqlite, postgresSchemaVersion } from './migrate.ts'

export type TableName = keyof Database

/**
 * Every table of the schema, each after the tables its foreign keys refer to. `silence_objections` comes before
 * `procedure_outcomes`: PostgreSQL refuses an objection to a procedure whose outcome is already recorded.
 */
export const copyOrder = [
  'members',
  'workspaces',
  'workspace_leads',
  'tokens',
  'sessions',
  'invites',
  'catalogue_versions',
  'documents',
  'document_state',
  'document_updates',
  'document_quarantine',
  'document_quarantine_updates',
  'contributions',
  'revisions',
  'revision_proposals',
  'comment_threads',
  'comments',
  'proposals',
  'proposal_stances',
  'procedures',
  'silence_objections',
  'procedure_outcomes',
  'document_submissions',
  'stage_seen',
  'block_statuses',
  'block_status_audit',
  'document_snapshots',
] as const satisfies readonly TableName[]

// A table added to the schema and not to copyOrder fails the type check here.
type Uncopied = Exclude<TableName, (typeof copyOrder)[number]>
const everyTableCopied: [Uncopied] extends [never] ? true : Uncopied = true
void everyTableCopied

/** Rows one INSERT carries at most, and bytes (a document's log entries can be large): the first reached ends it. */
const rowsPerInsert = 500
const bytesPerInsert = 8 * 1024 * 1024

export class CopyRefused extends Error {}

export interface CopyReport {
  /** The SQLite file copied. */
  source: string
  schemaVersion: number
  /** Rows copied, per table, in the order copied. */
  tables: Array<{ table: TableName; rows: number }>
  /** Each identity column of the target and the value it gives next. */
  identities: Array<{ table: string; column: string; next: number }>
  ms: number
}

/** The tables an SQLite database holds, SQLite's own (`sqlite_sequence`) left out. */
export function sqliteTables(sqlite: Sqlite): string[] {
  const rows = sqlite.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name`).all() as Array<{ name: string }>
  return rows.map((row) => row.name)
}

/**
 * Why copyOrder does not fit the SQLite database (a table it lacks or holds, a table before one it refers to), or
 * an empty list.
 */
export function copyOrderProblems(sqlite: Sqlite): string[] {
  const problems: string[] = []
  const tables = new Set(sqliteTables(sqlite))
  const order: readonly string[] = copyOrder
  for (const table of tables) if (!order.includes(table)) problems.push(`the table ${table} is not copied`)
  order.forEach((table, position) => {
    if (!tables.has(table)) {
      problems.push(`the table ${table} is not in the SQLite database`)
      return
    }
    const references = sqlite.prepare(`SELECT "table" AS target FROM pragma_foreign_key_list(?)`).all(table) as Array<{ target: string }>
    for (const { target } of references) {
      if (target !== table && order.indexOf(target) > position) problems.push(`the table ${table} is copied before ${target}, which it refers to`)
    }
  })
  return problems
}

/** The tables of the PostgreSQL schema in use (the search_path's first) that hold rows; `schema_version` left out. */
async function tablesWithRows(db: Kysely<Database>): Promise<string[]> {
  const tables = await sql<{ name: string }>`
    SELECT table_name AS name FROM information_schema.tables
    WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name <> 'schema_version'
    ORDER BY table_name`.execute(db)
  const holding: string[] = []
  for (const { name } of tables.rows) {
    const found = await sql<{ holds: boolean }>`SELECT EXISTS (SELECT 1 FROM ${sql.table(name)}) AS holds`.execute(db)
    if (found.rows[0]?.holds) holding.push(name)
  }
  return holding
}

async function refuseUnlessEmpty(db: Kysely<Database>): Promise<void> {
  const holding = await tablesWithRows(db)
  if (holding.length > 0) {
    throw new CopyRefused(
      `the PostgreSQL database is not empty (rows in ${holding.join(', ')}); copy-to-postgres copies only into an empty ` +
        'database, and changed nothing. Create a new database (createdb) and copy into it.',
    )
  }
}

/** A value read from SQLite as the PostgreSQL column of `type` takes it. */
function toPostgres(value: unknown, type: string): unknown {
  if (value === null) return null
  if (type === 'bytea' && typeof value === 'string') return Buffer.from(value, 'utf8')
  if (type === 'boolean') return Number(value) !== 0
  return value
}

function sizeOf(value: unknown): number {
  if (value instanceof Uint8Array) return value.byteLength
  if (typeof value === 'string') return value.length
  return 8
}

/** Copies one table's rows, INSERT by INSERT; returns how many. */
async function copyTable(sqlite: Sqlite, trx: Kysely<Database>, table: TableName, types: Map<string, string>): Promise<number> {
  // Integers as BigInt: copied exactly, however large (pg sends them as text).
  const rows = sqlite.prepare(`SELECT * FROM "${table}"`).safeIntegers(true).iterate() as IterableIterator<Record<string, unknown>>
  let copied = 0
  let batch: Array<Record<string, unknown>> = []
  let bytes = 0
  const flush = async () => {
    if (batch.length === 0) return
    await trx.insertInto(table).values(batch as never).execute()
    copied += batch.length
    batch = []
    bytes = 0
  }
  for (const row of rows) {
    const converted: Record<string, unknown> = {}
    for (const [column, value] of Object.entries(row)) {
      const type = types.get(column)
      if (type === undefined) throw new Error(`the column ${table}.${column} is not in the PostgreSQL schema`)
      converted[column] = toPostgres(value, type)
      bytes += sizeOf(value)
    }
    batch.push(converted)
    if (batch.length >= rowsPerInsert || bytes >= bytesPerInsert) await flush()
  }
  await flush()
  return copied
}

/**
 * Moves every identity column's next value past the ids copied, and past any SQLite ever gave (an AUTOINCREMENT
 * table's `sqlite_sequence`): a document's compacted state names the log entries it merged by number, so a
 * number must never come again.
 */
async function resetIdentities(sqlite: Sqlite, trx: Kysely<Database>): Promise<CopyReport['identities']> {
  const given = new Map(
    (sqlite.prepare(`SELECT name, seq FROM sqlite_sequence`).all() as Array<{ name: string; seq: number }>).map((row) => [row.name, Number(row.seq)]),
  )
  const columns = await sql<{ table: string; column: string }>`
    SELECT table_name AS "table", column_name AS "column" FROM information_schema.columns
    WHERE table_schema = current_schema() AND is_identity = 'YES' ORDER BY table_name`.execute(trx)
  const identities: CopyReport['identities'] = []
  for (const { table, column } of columns.rows) {
    const next = await sql<{ next: number }>`
      SELECT setval(pg_get_serial_sequence(format('%I.%I', current_schema(), ${table}::text), ${column}),
        GREATEST((SELECT MAX(${sql.ref(column)}) FROM ${sql.table(table)}), ${given.get(table) ?? 0}::bigint, 0) + 1, false) AS next`.execute(trx)
    identities.push({ table, column, next: Number(next.rows[0].next) })
  }
  return identities
}

/**
 * Copies the SQLite database of `dataDir` into the PostgreSQL database `db` talks to, which must hold no rows: it is
 * migrated to this build's schema first, then every table is copied in one transaction (all or nothing).
 */
export async function copyToPostgres(dataDir: string, db: Kysely<Database>): Promise<CopyReport> {
  const started = performance.now()
  const source = databasePath(dataDir)
  if (!fs.existsSync(source)) throw new CopyRefused(`there is no SQLite database at ${source} (set DATA_DIR to the server's data directory)`)
  // Whatever address a running server answers at (PUBLIC_URL may not answer from this shell), its open database says
  // so; and from here until the copy ends, no server can start on the database and write what the copy would miss.
  let sqlite: Sqlite
  try {
    sqlite = openSqliteAlone(dataDir)
  } catch (error) {
    if (error instanceof DatabaseInUse) throw new CopyRefused(`${error.message}: stop it first, then copy; nothing was copied`)
    throw error
  }
  try {
    // Checked before migrating, so that a database in use is left exactly as it was.
    await refuseUnlessEmpty(db)
    // Brings the SQLite file to this build's schema as the server would, so both sides have the same tables and columns.
    migrateSqlite(sqlite)
    const problems = copyOrderProblems(sqlite)
    if (problems.length > 0) throw new Error(`this build cannot copy the SQLite database: ${problems.join('; ')}`)
    await migratePostgres(db)
    const schemaVersion = await postgresSchemaVersion(db)
    const columns = await sql<{ table: string; column: string; type: string }>`
      SELECT table_name AS "table", column_name AS "column", data_type AS type FROM information_schema.columns
      WHERE table_schema = current_schema()`.execute(db)
    const typesOf = (table: string) => new Map(columns.rows.filter((row) => row.table === table).map((row) => [row.column, row.type]))
    // One snapshot of SQLite for the whole copy.
    sqlite.exec('BEGIN')
    try {
      return await db.transaction().execute(async (trx) => {
        // Nothing written meanwhile (another instance started early): checked again under the lock.
        await sql`LOCK TABLE ${sql.join(copyOrder.map((table) => sql.table(table)))} IN SHARE ROW EXCLUSIVE MODE`.execute(trx)
        await refuseUnlessEmpty(trx)
        const tables: CopyReport['tables'] = []
        for (const table of copyOrder) {
          try {
            tables.push({ table, rows: await copyTable(sqlite, trx, table, typesOf(table)) })
          } catch (error) {
            throw new Error(`copying ${table}: ${(error as Error).message}`, { cause: error })
          }
        }
        const identities = await resetIdentities(sqlite, trx)
        return { source, schemaVersion, tables, identities, ms: Math.round(performance.now() - started) }
      })
    } finally {
      sqlite.exec('COMMIT')
    }
  } finally {
    sqlite.close()
  }
}
