/**
 * `npm run admin -- backup <file>` while the server runs and takes edits: the copy holds every edit stored before it
 * began, restores as a data directory, and never overwrites a file.
 */
import { spawn } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import Database from 'better-sqlite3'
import { databaseFileName, databasePath, openSqlite } from '../../server/store/sqlite.ts'
import { schemaVersion } from '../../server/store/migrations.ts'
import { connectClient, waitFor, type TestClient } from '../helpers/clients.ts'
import { mintToken, registerDocument, repoRoot, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'
import { readStored } from '../helpers/stored.ts'

/** Runs the admin command as an operator would (`npm run admin -- ...` is this launcher). */
function admin(dataDir: string, args: string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['server/build/launch.mjs', 'cli', ...args], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk) => (stdout += chunk))
    child.stderr.on('data', (chunk) => (stderr += chunk))
    child.once('exit', (code) => resolve({ code, stdout, stderr }))
  })
}

/** A data directory whose database has the schema one version back: without what the newest migration added. */
function dataDirOneVersionBack(): string {
  const dataDir = tempDataDir()
  openSqlite(dataDir).close()
  const db = new Database(databasePath(dataDir))
  // The last migration undone.
  db.exec('DROP INDEX invites_by_member')
  db.exec('ALTER TABLE invites DROP COLUMN replaced_at')
  db.pragma(`user_version = ${schemaVersion - 1}`)
  db.close()
  return dataDir
}

function versionOf(file: string): unknown {
  const opened = new Database(file, { readonly: true })
  try {
    return opened.pragma('user_version', { simple: true })
  } finally {
    opened.close()
  }
}

describe('online backup', () => {
  let server: TestServer
  let dataDir: string
  let token: string
  let writer: TestClient
  const documentId = 'backup-while-editing'

  beforeAll(async () => {
    dataDir = tempDataDir()
    await registerDocument(dataDir, documentId, { dtg: 1, year: 2026 })
    token = await mintToken(dataDir, 'Secretariat officer', 'secretariat')
    server = await startTestServer(dataDir, {}, { built: true })
    writer = connectClient(server.wsUrl, documentId, token)
    await writer.synced
  }, 60_000)
  afterAll(async () => {
    writer?.destroy()
    await server?.stop()
  })

  it('copies the database while edits go on; the copy restores as a data directory with everything stored before it began', async () => {
    const reader = connectClient(server.wsUrl, documentId, token)
    await reader.synced
    const before = 'Agreed paragraph. '.repeat(50)
    writer.text.insert(0, before)
    // Seen by another client: stored, since the server relays only what it has stored.
    await waitFor(() => reader.text.toString() === before, 'the edit relayed')
    reader.destroy()

    // Edits keep arriving while the backup runs.
    let typing = true
    const typed = (async () => {
      while (typing) {
        writer.text.insert(writer.text.length, 'x')
        await new Promise((resolve) => setTimeout(resolve, 5))
      }
    })()
    const file = path.join(tempDataDir(), 'workspace-backup.sqlite')
    const result = await admin(dataDir, ['backup', file]).finally(() => (typing = false))
    await typed
    expect(result.code, result.stderr).toBe(0)
    expect(result.stdout.trim().split('\n').at(-1)).toBe(file)
    expect(fs.readdirSync(path.dirname(file))).toEqual(['workspace-backup.sqlite'])
    // Readable by its owner only, as the data directory is.
    expect(fs.statSync(file).mode & 0o777).toBe(0o600)

    const restored = tempDataDir()
    fs.copyFileSync(file, path.join(restored, databaseFileName))
    const { text } = await readStored(restored, documentId)
    expect(text.startsWith(before)).toBe(true)
    expect(text.slice(before.length)).toMatch(/^x*$/)
  })

  it('copies a database at an older schema as it is, without migrating the one a running older server uses', async () => {
    const older = dataDirOneVersionBack()
    const file = path.join(tempDataDir(), 'before-upgrade.sqlite')
    const result = await admin(older, ['backup', file])
    expect(result.code, result.stderr).toBe(0)
    for (const copy of [databasePath(older), file]) expect(versionOf(copy)).toBe(schemaVersion - 1)
  })

  it('refuses a member command on a database at an older schema, leaving it as it is, until it is migrated', async () => {
    const older = dataDirOneVersionBack()
    const version = () => versionOf(databasePath(older))
    const refused = await admin(older, ['token', '--name', 'Rapporteur', '--role', 'cofacilitator'])
    expect(refused.code).not.toBe(0)
    expect(refused.stderr).toContain(`the database has schema version ${schemaVersion - 1}, older than this build's (${schemaVersion})`)
    expect(version()).toBe(schemaVersion - 1)
    const migrated = await admin(older, ['migrate'])
    expect(migrated.code, migrated.stderr).toBe(0)
    expect(version()).toBe(schemaVersion)
    const token = await admin(older, ['token', '--name', 'Rapporteur', '--role', 'cofacilitator'])
    expect(token.code, token.stderr).toBe(0)
    // A new data directory is still set up by a member command before the server first starts.
    const fresh = tempDataDir()
    const first = await admin(fresh, ['token', '--name', 'Secretariat officer', '--role', 'secretariat'])
    expect(first.code, first.stderr).toBe(0)
  })

  it('refuses a data directory without a database rather than back up or recover a new empty one', async () => {
    const missing = path.join(tempDataDir(), 'mistyped')
    const backup = await admin(missing, ['backup', path.join(tempDataDir(), 'copy.sqlite')])
    expect(backup.code).not.toBe(0)
    expect(backup.stderr).toContain(`there is no database at ${databasePath(missing)}`)
    const recover = await admin(missing, ['recover', documentId])
    expect(recover.code).not.toBe(0)
    expect(recover.stderr).toContain('there is no database')
    expect(fs.existsSync(missing)).toBe(false)
  })

  it('refuses to overwrite a file, and says so', async () => {
    const file = path.join(tempDataDir(), 'existing.sqlite')
    fs.writeFileSync(file, 'keep me')
    const result = await admin(dataDir, ['backup', file])
    expect(result.code).toBe(2)
    expect(result.stderr).toContain('exists already')
    expect(fs.readFileSync(file, 'utf8')).toBe('keep me')
    expect((await admin(dataDir, ['backup'])).stderr).toContain('backup needs a file')
  })
})
