import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import Database from 'better-sqlite3'
import { afterEach, describe, expect, it } from 'vitest'
import { sqliteQueryLayer } from '../store/database.ts'
import { openSqlite, type Sqlite } from '../store/sqlite.ts'
import { Registry } from './registry.ts'

describe('registry: submission metadata', () => {
  const opened: Array<{ db: Sqlite; dir: string }> = []
  const open = async (dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-registry-'))) => {
    const db = openSqlite(dir)
    opened.push({ db, dir })
    return { db, dir, registry: await Registry.open(sqliteQueryLayer(db)) }
  }
  afterEach(async () => {
    for (const { db, dir } of opened.splice(0)) {
      db.close()
      fs.rmSync(dir, { recursive: true, force: true })
    }
  })

  it('creates a document General, in English, with nothing else set', async () => {
    const { registry } = await open()
    await registry.createWorkspace({ dtg: 1, year: 2026, title: 'DTG 1' })
    const document = await registry.createDocument({ workspaceId: 'dtg1-2026', title: 'Summary', kind: 'annual-summary', symbol: 'A/AC.292/1', createdBy: null })
    expect(document).toMatchObject({ symbol: 'A/AC.292/1', distribution: 'general', originalLanguage: 'en', bodyName: null, session: null, agendaItem: null })
    expect(registry.document(document.id)).toEqual(document)
  })

  it('changes the fields given, keeps the others, clears those given as null, and survives a reopening', async () => {
    const { registry, db, dir } = await open()
    await registry.createWorkspace({ dtg: 1, year: 2026, title: 'DTG 1' })
    const { id } = await registry.createDocument({ workspaceId: 'dtg1-2026', title: 'Summary', kind: 'annual-summary', symbol: 'A/AC.292/1', createdBy: null })
    await registry.updateMetadata(id, { bodyName: 'Global Mechanism on ICT security', session: 'First session', distribution: 'limited' })
    const changed = await registry.updateMetadata(id, { session: null, originalLanguage: 'es' })
    expect(changed).toMatchObject({ symbol: 'A/AC.292/1', bodyName: 'Global Mechanism on ICT security', session: null, distribution: 'limited', originalLanguage: 'es' })
    expect(await registry.updateMetadata('no-such-document', { distribution: 'limited' })).toBeNull()
    db.close()
    opened.splice(0)
    expect((await open(dir)).registry.document(id)).toEqual(changed)
  })

  it('gives documents of a database made before the metadata existed the defaults', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-registry-old-'))
    const { db, registry } = await open(dir)
    await registry.createWorkspace({ dtg: 1, year: 2026, title: 'DTG 1' })
    const { id } = await registry.createDocument({ workspaceId: 'dtg1-2026', title: 'Old', kind: 'annual-summary', symbol: null, createdBy: null })
    db.close()
    opened.splice(0)
    // Back to the schema before migration 5: the metadata columns gone (and the later proposals, procedures, block status and history tables, the member's language, the state digest, the invites' replacement), the version 4.
    const raw = new Database(path.join(dir, 'workspace.sqlite'))
    for (const column of ['distribution', 'body_name', 'session', 'agenda_item', 'original_language']) raw.exec(`ALTER TABLE documents DROP COLUMN ${column}`)
    raw.exec('DROP TABLE document_submissions; DROP TABLE stage_seen; DROP TABLE procedure_outcomes; DROP TABLE silence_objections; DROP TABLE procedures')
    raw.exec('DROP TABLE revision_proposals; DROP TABLE proposal_stances; DROP TABLE proposals')
    raw.exec('DROP TABLE block_status_audit; DROP TABLE block_statuses; DROP TABLE document_snapshots')
    raw.exec('ALTER TABLE members DROP COLUMN language')
    raw.exec('ALTER TABLE document_state DROP COLUMN state_digest')
    raw.exec('DROP INDEX invites_by_member; ALTER TABLE invites DROP COLUMN replaced_at')
    raw.pragma('user_version = 4')
    raw.close()
    expect((await open(dir)).registry.document(id)).toMatchObject({ title: 'Old', distribution: 'general', originalLanguage: 'en', bodyName: null })
  })
})
