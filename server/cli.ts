/** `npm run admin -- <command>`: administration of the workspace from the shell. */
import { parseArgs } from 'node:util'
import { Delegation, RegionalGroup, Role, regionalGroups, roles } from '../shared/schema/member.ts'
import { Access } from './auth/access.ts'
import { MemberDirectory, MemberError } from './auth/members.ts'
import { Sessions } from './auth/sessions.ts'
import type { ClusterNotice } from './cluster/cluster.ts'
import { publishNoticeOnce } from './cluster/redisCluster.ts'
import { type Config, loadConfig, publicUrlOf } from './config.ts'
import { backupDatabase } from './store/backup.ts'
import { copyToPostgres, CopyRefused } from './store/copyToPostgres.ts'
import { recordedServerAddress } from './serverAddress.ts'
import { recoverDocument } from './store/recovery.ts'
import { isPostgresUrl, openDatabase, type OpenDatabase } from './store/database.ts'
import { postgresSchemaVersion } from './store/migrate.ts'
import { schemaVersion } from './store/migrations.ts'
import { SqlDocumentStore } from './store/sqlDocuments.ts'
import { openSqliteAsItIs } from './store/sqlite.ts'
import { inviteLink } from './workspaces/demo.ts'
import { Registry } from './workspaces/registry.ts'

const usage = `usage: npm run admin -- <command> [options]

commands:
  token --name <name> --role <${roles.join('|')}> [member options]
      adds the member if new and prints a new bearer token as the last line
  invite --name <name> --role <${roles.join('|')}> [member options]
      adds the member if new and prints a one-time sign-in link as the last line
  lead --name <name> --workspace <id> [--remove]
      makes the member a co-facilitator of the workspace (write access to its documents), or no longer
  revoke --name <name>
      revokes the member: tokens, sessions and invites stop working; open connections close within seconds
  members
      lists the members
  migrate
      brings the database's schema up to date (SQLite does so itself when the server starts; PostgreSQL
      when its database is empty, else run this after an upgrade, before starting the server). The other
      commands refuse a database at an older schema rather than migrate it under a server still running
  backup <file>
      copies the SQLite database into a new file while the server runs (SQLite's online backup), checked before
      it takes the name; restore by stopping the server and putting the file in DATA_DIR as workspace.sqlite.
      On PostgreSQL (DATABASE_URL) use pg_dump instead (see the README)
  copy-to-postgres <postgres-url>
      with the server stopped: copies every row of the SQLite database in DATA_DIR, ids kept, into the PostgreSQL
      database at the URL, which must hold no rows (its schema is created first); all in one transaction, so an
      error leaves nothing copied. Then start the server with DATABASE_URL set to that URL
  recover <documentId>
      rebuilds a document whose stored state does not load (close code 4500) from every stored piece that
      decodes, leaving out what cannot be integrated; its raw bytes stay in quarantine

member options:
  --delegation <name>          the State, group or organisation the member speaks for
  --regional-group <group>     ${regionalGroups.join(', ')}
  --leads <id>[,<id>...]       workspaces the member co-facilitates

environment: DATABASE_URL (PostgreSQL; unset: SQLite in DATA_DIR), DATA_DIR (default ./data), PUBLIC_URL (default: the address the server last started at with this DATA_DIR, else http://HOST:PORT)`

function fail(message: string): never {
  console.error(message)
  process.exit(2)
}

const memberOptions = {
  name: { type: 'string' },
  role: { type: 'string' },
  delegation: { type: 'string' },
  'regional-group': { type: 'string' },
  leads: { type: 'string' },
  workspace: { type: 'string' },
  remove: { type: 'boolean' },
} as const

/**
 * The configured database (PostgreSQL when DATABASE_URL is set), at the schema version this build knows. `existing`:
 * a SQLite file must be there already (a command that only makes sense on a workspace, given a mistyped DATA_DIR).
 */
function open(config: Config, migrate: 'if-empty' | 'always' | 'never' = 'if-empty', existing = false): Promise<OpenDatabase> {
  return openDatabase({ dataDir: config.dataDir, databaseUrl: config.databaseUrl, poolSize: 2, migrate, sqlite: { mustExist: existing } })
}

async function recover(documentId: string | undefined, config: Config): Promise<void> {
  if (!documentId) fail(`recover needs a document id\n\n${usage}`)
  const database = await open(config, 'if-empty', true)
  try {
    const store = new SqlDocumentStore(database.db, { releaseFreePages: database.releaseFreePages })
    const copies = await store.quarantined(documentId)
    const report = await recoverDocument(store, documentId)
    console.log(`quarantined copies of ${documentId}: ${copies.length} (kept)`)
    console.log(`pieces applied: ${report.applied}; left out: ${report.skipped.length}`)
    for (const { piece, error } of report.skipped) console.log(`  left out ${piece}: ${error}`)
    if (report.droppedPending) console.log('content that could not be integrated (pending structs or deletions) was left out')
    console.log(`recovered ${documentId}: ${report.stateBytes} bytes of state`)
  } finally {
    await database.close()
  }
}

async function backup(file: string | undefined, config: Config): Promise<void> {
  if (config.databaseUrl) {
    fail(
      'backup copies the SQLite database; this server uses PostgreSQL (DATABASE_URL). Back it up with pg_dump, e.g.\n' +
        '  pg_dump --format=custom --file=dtg.dump "$DATABASE_URL"\n' +
        'and restore into an empty database with pg_restore (see the README).',
    )
  }
  if (!file) fail(`backup needs a file to write\n\n${usage}`)
  // As it is: a backup taken before an upgrade, while the older server still runs, must not migrate its database.
  const db = openSqliteAsItIs(config.dataDir)
  try {
    const report = await backupDatabase(db, file)
    console.log(`backed up ${report.pages} pages (${report.bytes} bytes) in ${report.ms} ms to:`)
    console.log(report.file)
  } finally {
    db.close()
  }
}

/** Whether something answers at `url` within a second. */
async function answers(url: string): Promise<boolean> {
  try {
    await fetch(url, { signal: AbortSignal.timeout(1000) })
    return true
  } catch {
    return false
  }
}

async function copyToPostgresCommand(url: string | undefined, config: Config): Promise<void> {
  if (!isPostgresUrl(url)) fail(`copy-to-postgres needs the URL of the PostgreSQL database to copy into (postgres://...)\n\n${usage}`)
  // A server still running on the data directory would go on writing to SQLite after the copy: those writes would be lost.
  const running = recordedServerAddress(config.dataDir)
  if (running && (await answers(`${running}/healthz`))) {
    fail(`a server is running on this data directory (${running}): stop it first, then copy; nothing was copied`)
  }
  // Loaded only here, as the server does: a workspace on SQLite never loads the PostgreSQL client otherwise.
  const { postgresPool, postgresQueryLayer } = await import('./store/postgres.ts')
  const db = postgresQueryLayer(postgresPool(url, { max: 2 }))
  try {
    const report = await copyToPostgres(config.dataDir, db)
    const width = Math.max(...report.tables.map(({ table }) => table.length))
    console.log(`copied ${report.source} into PostgreSQL (schema version ${report.schemaVersion}):`)
    for (const { table, rows } of report.tables) console.log(`  ${table.padEnd(width)}  ${rows}`)
    const total = report.tables.reduce((sum, { rows }) => sum + rows, 0)
    console.log(`${total} rows in ${report.tables.length} tables, in ${report.ms} ms; start the server with DATABASE_URL set to this database`)
  } finally {
    await db.destroy()
  }
}

/** With several instances (REDIS_URL), tells them at once; without, or should Redis not answer, their sweep finds it within seconds. */
async function announce(config: Config, notice: ClusterNotice): Promise<void> {
  if (!config.redis.url) return
  await publishNoticeOnce({ url: config.redis.url, prefix: config.redis.prefix }, notice).catch((error: Error) =>
    console.error(`the other instances were not told at once (${error.message}); they notice within seconds`),
  )
}

async function migrate(config: Config): Promise<void> {
  // Opening with 'always' brings either database up to date.
  const database = await open(config, 'always')
  try {
    const version = database.dialect === 'postgres' ? await postgresSchemaVersion(database.db) : schemaVersion
    console.log(`the ${database.dialect === 'postgres' ? 'PostgreSQL' : 'SQLite'} database is at schema version ${version}`)
  } finally {
    await database.close()
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv
  if (!command || command === 'help' || command === '--help') {
    console.log(usage)
    return
  }
  const config = loadConfig()
  if (command === 'backup') {
    await backup(rest[0], config).catch((error: Error) => fail(`backup failed: ${error.message}`))
    return
  }
  if (command === 'copy-to-postgres') {
    await copyToPostgresCommand(rest[0], config).catch((error: Error) =>
      fail(error instanceof CopyRefused ? error.message : `copy-to-postgres failed, nothing was copied: ${error.message}`),
    )
    return
  }
  if (command === 'recover') {
    await recover(rest[0], config).catch((error: Error) => fail(`recover failed: ${error.message}`))
    return
  }
  if (command === 'migrate') {
    await migrate(config).catch((error: Error) => fail(`migrate failed: ${error.message}`))
    return
  }
  const database = await open(config)
  const { db } = database
  const members = new MemberDirectory(db)
  const registry = await Registry.open(db)
  const access = await Access.open(db, registry)
  const { values } = parseArgs({ args: rest, options: memberOptions })
  const workspaceOf = (id: string) => registry.workspace(id) ?? fail(`there is no workspace "${id}"`)
  const readMember = async () => {
    if (!values.name?.trim()) fail(`${command} needs --name\n\n${usage}`)
    const role = Role.safeParse(values.role)
    if (!role.success) fail(`${command} needs --role, one of: ${roles.join(', ')}`)
    const delegation = values.delegation === undefined ? null : Delegation.safeParse(values.delegation)
    if (delegation && !delegation.success) fail(`--delegation: ${delegation.error.issues[0].message}`)
    const group = values['regional-group'] === undefined ? null : RegionalGroup.safeParse(values['regional-group'])
    if (group && !group.success) fail(`--regional-group: ${group.error.issues[0].message}`)
    const leads = (values.leads ?? '').split(',').map((id) => id.trim()).filter(Boolean).map(workspaceOf)
    if (leads.length > 0 && role.data === 'stakeholder') fail('a stakeholder cannot lead a workspace')
    const member = await members.ensureMember(values.name.trim(), role.data, delegation?.data ?? null, group?.data ?? null)
    for (const workspace of leads) await access.addLead(workspace.id, member.id, member.id)
    return member
  }
  const namedMember = async () => {
    if (!values.name?.trim()) fail(`${command} needs --name\n\n${usage}`)
    return (await members.list()).find((member) => member.name === values.name!.trim() && member.revokedAt === null) ?? fail(`there is no current member "${values.name}"`)
  }
  try {
    switch (command) {
      case 'token': {
        const member = await readMember()
        const token = await members.issueToken(member.id)
        console.log(`token for ${member.name} (${member.role}); it is shown once, keep it secret:`)
        console.log(token)
        break
      }
      case 'invite': {
        const member = await readMember()
        const sessions = new Sessions(db, { sessionTtlMs: config.sessionTtlMs, inviteTtlMs: config.inviteTtlMs })
        const token = await sessions.createInvite(member.id)
        const hours = Math.round(config.inviteTtlMs / 3_600_000)
        console.log(`one-time sign-in link for ${member.name} (${member.role}), valid for ${hours} hours:`)
        // PUBLIC_URL when set; else where the server really listens (its PORT may not be the one this shell has).
        console.log(inviteLink(config.publicUrl ?? recordedServerAddress(config.dataDir) ?? publicUrlOf(config), token))
        break
      }
      case 'lead': {
        const member = await namedMember()
        if (!values.workspace) fail(`lead needs --workspace\n\n${usage}`)
        const workspace = workspaceOf(values.workspace)
        if (values.remove) {
          await access.removeLead(workspace.id, member.id)
          console.log(`${member.name} no longer co-facilitates ${workspace.id}`)
          await announce(config, { kind: 'leadChanged', memberId: member.id, workspaceId: workspace.id })
        } else {
          if (member.role === 'stakeholder') fail('a stakeholder cannot lead a workspace')
          await access.addLead(workspace.id, member.id, member.id)
          console.log(`${member.name} co-facilitates ${workspace.id}`)
          await announce(config, { kind: 'leadChanged', memberId: member.id, workspaceId: workspace.id })
        }
        break
      }
      case 'revoke': {
        const member = await namedMember()
        await members.revoke(member.id)
        console.log(`revoked ${member.name}`)
        await announce(config, { kind: 'memberRevoked', memberId: member.id })
        break
      }
      case 'members':
        for (const member of await members.list()) {
          const state = member.revokedAt === null ? 'current' : `revoked ${new Date(member.revokedAt).toISOString()}`
          console.log(
            [member.id, member.role, member.name, member.delegation ?? '', member.regionalGroup ?? '', member.leads.join(','), state].join('\t'),
          )
        }
        break
      default:
        fail(`unknown command "${command}"\n\n${usage}`)
    }
  } catch (error) {
    if (error instanceof MemberError) fail(error.message)
    throw error
  } finally {
    await database.close()
  }
}

main(process.argv.slice(2)).catch((error: Error) => fail(error.message))
