/**
 * The one query layer every store is written against: Kysely over the embedded SQLite file in DATA_DIR (the default),
 * or over PostgreSQL when DATABASE_URL is set.
 */
import {
  CompiledQuery,
  Kysely,
  PostgresAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type RawBuilder,
  type SqliteDatabase,
  type SqliteStatement,
  type Transaction,
  type TransactionSettings,
} from 'kysely'
import type { Database } from './schema.ts'
import { openSqlite, releaseFreePages, type Sqlite, type SqliteOptions } from './sqlite.ts'
import { migratePostgres, postgresSchemaVersion } from './migrate.ts'
import { schemaVersion } from './migrations.ts'

export type { Database }
export type Db = Kysely<Database>
export type DialectName = 'sqlite' | 'postgres'

export interface DatabaseOptions {
  dataDir: string
  /** postgres://...: everything persistent goes there; absent: SQLite in `dataDir`. */
  databaseUrl?: string | null
  /** Connections the PostgreSQL pool opens at most. */
  poolSize?: number
  /** PostgreSQL: how long opening a connection, and a query's answer, may take (server/store/postgres.ts). */
  connectTimeoutMs?: number
  queryTimeoutMs?: number
  sqlite?: SqliteOptions
  /**
   * 'if-empty' migrates a database with no schema yet and refuses one that is behind (run `npm run admin -- migrate`);
   * 'always' migrates; 'never' checks (PostgreSQL; SQLite takes it as 'if-empty'). Absent: PostgreSQL takes
   * 'if-empty' (instances start on a schema migrated once), SQLite 'always' (its one server brings its file up to date).
   */
  migrate?: 'if-empty' | 'always' | 'never'
}

export interface OpenDatabase {
  db: Db
  dialect: DialectName
  /** The raw SQLite handle, for what only SQLite has (checkpoints, free pages, the backup API); null on PostgreSQL. */
  sqlite: Sqlite | null
  /** SQLite: gives up to `maxPages` free pages back to the file system, between two uses of the connection; PostgreSQL: 0. */
  releaseFreePages(maxPages: number): Promise<number>
  close(): Promise<void>
}

/** The rows of a query written as SQL (the `sql` tag: parameters bound, the same text on both databases). */
export async function rowsOf<T>(db: Kysely<Database>, query: RawBuilder<T>): Promise<T[]> {
  return (await query.execute(db)).rows
}

/** The first row of such a query, or undefined. */
export async function rowOf<T>(db: Kysely<Database>, query: RawBuilder<T>): Promise<T | undefined> {
  return (await query.execute(db)).rows[0]
}

/** Whether a query layer (or a transaction of one) talks to PostgreSQL. */
export function isPostgres(db: Kysely<Database> | Transaction<Database>): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter
}

/**
 * Runs `work` in a transaction, or inside the one `db` already is. On SQLite every transaction is IMMEDIATE (see
 * ImmediateSqliteDriver); on PostgreSQL a read-then-write takes a lock on what it decides about (`lockKey`).
 * Inside, query through `trx` only: on SQLite the one connection is the transaction's until it ends, and a query on
 * the outer query layer would wait for it for ever.
 */
export function inTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db)
  return db.transaction().execute(work)
}

/**
 * Runs reads that must see one consistent state (a document's state and its log) in a read-only transaction:
 * REPEATABLE READ on PostgreSQL, a deferred transaction on SQLite.
 */
export function readTransaction<T>(db: Kysely<Database>, work: (trx: Kysely<Database>) => Promise<T>): Promise<T> {
  if (db.isTransaction) return work(db)
  return db.transaction().setIsolationLevel('repeatable read').setAccessMode('read only').execute(work)
}

/**
 * Takes a PostgreSQL transaction-scoped advisory lock named by `key` (one writer at a time for what it names, across
 * instances); nothing on SQLite, whose IMMEDIATE transactions already run one at a time.
 */
export async function lockKey(db: Kysely<Database>, key: string): Promise<void> {
  if (!isPostgres(db)) return
  await db.executeQuery(CompiledQuery.raw('SELECT pg_advisory_xact_lock(hashtext($1))', [key]))
}

/** The statements prepared on each SQLite handle, by SQL: prepared once, shared by the query layer and `runNowOn`. */
const preparedByHandle = new WeakMap<Sqlite, Map<string, ReturnType<Sqlite['prepare']>>>()

/** The statement for `sql` on the handle, prepared on first use and kept (at most 1,000 per handle). */
export function preparedStatement(sqlite: Sqlite, sql: string): ReturnType<Sqlite['prepare']> {
  let statements = preparedByHandle.get(sqlite)
  if (!statements) preparedByHandle.set(sqlite, (statements = new Map()))
  let statement = statements.get(sql)
  if (!statement) {
    if (statements.size >= 1000) statements.clear()
    statement = sqlite.prepare(sql)
    statements.set(sql, statement)
  }
  return statement
}

/**
 * better-sqlite3 as Kysely's SQLite driver sees it, with each statement prepared once and kept (Kysely's own driver
 * prepares every query anew, a cost the relay's store-before-relay path pays on each batch).
 */
function cachedStatements(sqlite: Sqlite): SqliteDatabase {
  return {
    close: () => sqlite.close(),
    prepare: (sql: string) => preparedStatement(sqlite, sql) as unknown as SqliteStatement,
  }
}

/**
 * Every transaction BEGIN IMMEDIATE: a deferred one that reads and then writes cannot upgrade to a write when another
 * process (the admin CLI, the server) has written meanwhile, and fails at once with "database is locked".
 */
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection, settings?: TransactionSettings): Promise<void> {
    // A read-only transaction (readTransaction) stays deferred: it takes no write lock, and works on a read-only file.
    await connection.executeQuery(CompiledQuery.raw(settings?.accessMode === 'read only' ? 'begin' : 'begin immediate'))
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly database: SqliteDatabase) {
    super({ database })
  }

  override createDriver() {
    return new ImmediateSqliteDriver({ database: this.database })
  }
}

/** A query layer over an open SQLite handle (the handle stays the caller's to close). */
export function sqliteQueryLayer(sqlite: Sqlite): Db {
  const statements = cachedStatements(sqlite)
  // Closing the query layer leaves the handle open: whoever opened it closes it.
  return new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ ...statements, close: () => {} }) })
}

/** releaseFreePages on the connection the query layer uses, taken as the layer takes it: never inside another's transaction. */
export function sqliteFreePages(db: Db, sqlite: Sqlite): (maxPages: number) => Promise<number> {
  return (maxPages) => db.connection().execute(async () => releaseFreePages(sqlite, maxPages))
}

export function isPostgresUrl(url: string | null | undefined): url is string {
  return !!url && /^postgres(ql)?:\/\//.test(url)
}

export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  if (isPostgresUrl(options.databaseUrl)) {
    // Loaded only here: a server on SQLite never loads the PostgreSQL client.
    const { postgresPool, postgresQueryLayer } = await import('./postgres.ts')
    const pool = postgresPool(options.databaseUrl, { max: options.poolSize, connectTimeoutMs: options.connectTimeoutMs, queryTimeoutMs: options.queryTimeoutMs })
    const db = postgresQueryLayer(pool)
    try {
      const mode = options.migrate ?? 'if-empty'
      const current = await postgresSchemaVersion(db)
      if (mode === 'always' || (mode === 'if-empty' && current === 0)) await migratePostgres(db)
      else if (current !== schemaVersion) {
        throw new Error(
          current < schemaVersion
            ? `the database has schema version ${current}, older than this server's (${schemaVersion}): run \`npm run admin -- migrate\` first`
            : `the database has schema version ${current}, newer than this server knows (${schemaVersion})`,
        )
      }
    } catch (error) {
      await db.destroy()
      throw error
    }
    return { db, dialect: 'postgres', sqlite: null, releaseFreePages: async () => 0, close: () => db.destroy() }
  }
  const sqlite = openSqlite(options.dataDir, { ...options.sqlite, behind: !options.migrate || options.migrate === 'always' ? 'migrate' : 'refuse' })
  const db = sqliteQueryLayer(sqlite)
  return {
    db,
    dialect: 'sqlite',
    sqlite,
    releaseFreePages: sqliteFreePages(db, sqlite),
    close: async () => {
      await db.destroy()
      sqlite.close()
    },
  }
}
