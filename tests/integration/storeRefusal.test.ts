import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createApp } from '../../server/app.ts'
import { loadConfig } from '../../server/config.ts'
import { createServices, type Services } from '../../server/services.ts'
import { sql } from 'kysely'
import { openDatabase, type OpenDatabase } from '../../server/store/database.ts'
import type { Sqlite } from '../../server/store/sqlite.ts'
import { tempDataDir } from '../helpers/server.ts'

describe('a store that refuses writes', () => {
  let database: OpenDatabase
  let db: Sqlite
  let services: Services
  let app: ReturnType<typeof createApp>['app']
  let token: string
  const metricsToken = 'metrics-token-for-this-test'

  beforeAll(async () => {
    const config = loadConfig({ DATA_DIR: tempDataDir(), API_WRITES_PER_MINUTE: '0', METRICS_TOKEN: metricsToken })
    database = await openDatabase({ dataDir: config.dataDir })
    db = database.sqlite!
    services = await createServices(config, database)
    const readiness = [{ name: 'database', check: () => sql`SELECT 1`.execute(database.db) }]
    ;({ app } = createApp({ config, services, clientDir: null, publicUrl: () => 'http://127.0.0.1', accepting: () => true, readiness }))
    const secretariat = await services.members.ensureMember('Secretariat', 'secretariat', null, null)
    token = await services.members.issueToken(secretariat.id)
  })
  afterAll(async () => {
    await services?.pool.close()
    await database?.close()
  })

  const invite = (name: string) =>
    app.request('/api/members', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name, role: 'delegation', delegation: name }),
    })

  it('answers a REST write the disk cannot take with 503 and Retry-After, loses nothing, and takes it once there is room', async () => {
    // The database may grow no further: the next write needing a page fails with SQLITE_FULL, as on a full disk.
    db.pragma(`max_page_count = ${db.pragma('page_count', { simple: true })}`)
    const accepted: string[] = []
    let refused: Response | null = null
    for (let attempt = 0; attempt < 500 && !refused; attempt++) {
      const name = `Delegate ${attempt} ${'x'.repeat(150)}`
      const response = await invite(name)
      if (response.status === 201) accepted.push(name)
      else refused = response
    }
    expect(refused, 'a write refused before 500 attempts').not.toBeNull()
    expect(refused!.status).toBe(503)
    expect(Number(refused!.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect((await refused!.json()).error.code).toBe('store_unavailable')
    // The refusal is counted for the operators, with SQLite's code.
    const metrics = await (await app.request('/metrics', { headers: { authorization: `Bearer ${metricsToken}` } })).text()
    expect(metrics).toMatch(/^dtg_store_failures_total\{operation="rest_write",code="SQLITE_FULL"\} [1-9]/m)

    // What was accepted is all there; the server still reads.
    const listed = await app.request('/api/members', { headers: { authorization: `Bearer ${token}` } })
    expect(listed.status).toBe(200)
    const names = ((await listed.json()).members as Array<{ name: string }>).map((member) => member.name)
    expect(names).toEqual(expect.arrayContaining(accepted))

    db.pragma('max_page_count = 1073741823')
    expect((await invite('After the disk was freed')).status).toBe(201)
  })
})
