import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient } from '../helpers/http.ts'
import { mintToken, registerDocument, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'

const cbm9 = { id: 'cbm-9', pillar: 'cbms', label: 'CBM 9', title: 'A new measure', summary: 'Agreed later.', source: 'Annual progress report', verified: false, note: 'Not yet checked.' }

describe('catalogue API', () => {
  let server: TestServer
  let secretariat: ApiClient
  let cofacilitator: ApiClient
  let delegation: ApiClient
  let stakeholder: ApiClient
  let documentId: string
  let delegationToken: string

  beforeAll(async () => {
    const dataDir = tempDataDir()
    documentId = 'catalogue-live-doc'
    await registerDocument(dataDir, documentId, { dtg: 1, year: 2026 })
    secretariat = new ApiClient('', await mintToken(dataDir, 'Secretariat officer', 'secretariat'))
    cofacilitator = new ApiClient('', await mintToken(dataDir, 'Co-facilitator', 'cofacilitator', { leads: ['dtg1-2026'] }))
    delegationToken = await mintToken(dataDir, 'Delegate', 'delegation')
    delegation = new ApiClient('', delegationToken)
    stakeholder = new ApiClient('', await mintToken(dataDir, 'NGO', 'stakeholder'))
    server = await startTestServer(dataDir)
    for (const client of [secretariat, cofacilitator, delegation, stakeholder]) Object.assign(client, { baseUrl: server.url })
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('serves the built-in catalogue as revision 0, with notes, tools and pillar headings, to every role', async () => {
    for (const client of [secretariat, cofacilitator, delegation, stakeholder]) {
      const served = await client.get('/api/catalogue')
      expect(served.status).toBe(200)
      expect(served.json.revision).toBe(0)
    }
    const served = (await delegation.get('/api/catalogue')).json
    expect(served.pillars).toHaveLength(5)
    expect(served.elements.find((element: { id: string }) => element.id === 'doc-norms-checklist')).toMatchObject({ pillar: 'norms', agreed: false })
    expect(served.elements.find((element: { id: string }) => element.id === 'cbm-8').note).toMatch(/expert commentary/)
  })

  it('lets only the secretariat write, whatever the payload', async () => {
    const override = { version: 'v1', elements: [cbm9] }
    for (const client of [cofacilitator, delegation, stakeholder]) {
      const refused = await client.put('/api/catalogue', override)
      expect(refused.status).toBe(403)
      expect(refused.json.error.code).toBeTruthy()
    }
    expect((await delegation.get('/api/catalogue')).json.revision).toBe(0)
    expect((await delegation.get('/api/catalogue/history')).json).toEqual([])
  })

  it('refuses an invalid payload with 400 naming the field, and stores nothing', async () => {
    const missingSummary = await secretariat.put('/api/catalogue', { version: 'v1', elements: [{ ...cbm9, summary: undefined }] })
    expect(missingSummary.status).toBe(400)
    expect(missingSummary.json.error).toMatchObject({ code: 'invalid_payload', details: [{ path: 'elements.0.summary', message: 'summary is required' }] })
    expect(missingSummary.json.error.message).toContain('elements.0.summary')

    const badLanguage = await secretariat.put('/api/catalogue', { version: 'v1', elements: [{ ...cbm9, titles: { de: 'Neue Maßnahme' } }] })
    expect(badLanguage.status).toBe(400)
    expect(badLanguage.json.error.message).toContain('elements.0.titles')

    const badRevision = await secretariat.put('/api/catalogue', { version: 'v1', elements: [], baseRevision: -1 })
    expect(badRevision.status).toBe(400)
    expect(badRevision.json.error.details[0].path).toBe('baseRevision')

    const unknown = await secretariat.put('/api/catalogue', { version: 'v1', elements: [{ id: 'cbm-42', retired: true }] })
    expect(unknown.status).toBe(422)
    expect(unknown.json.error).toMatchObject({ code: 'catalogue_unknown_retirement', details: { ids: ['cbm-42'] } })
    expect((await secretariat.get('/api/catalogue/history')).json).toEqual([])
  })

  it('keeps every version, with its author, and serves each one to compare', async () => {
    const first = await secretariat.put('/api/catalogue', { version: 'v1', baseRevision: 0, elements: [cbm9] })
    expect(first.status).toBe(200)
    expect(first.json.revision).toBe(1)
    const titles = { fr: 'Une nouvelle mesure', ar: 'تدبير جديد' }
    const second = await secretariat.put('/api/catalogue', { version: 'v2', baseRevision: 1, elements: [{ ...cbm9, titles }, { id: 'norm-k', retired: true }] })
    expect(second.json.revision).toBe(2)

    const history = (await delegation.get('/api/catalogue/history')).json
    expect(history.map((row: { revision: number; version: string; createdByName: string; entries: number }) => [row.revision, row.version, row.createdByName, row.entries])).toEqual([
      [2, 'v2', 'Secretariat officer', 2],
      [1, 'v1', 'Secretariat officer', 1],
    ])
    const one = (await delegation.get('/api/catalogue/revisions/1')).json
    expect(one.override).toEqual({ version: 'v1', elements: [cbm9] })
    expect(one.catalogue.elements.find((element: { id: string }) => element.id === 'norm-k').retired).toBeUndefined()
    const current = (await delegation.get('/api/catalogue')).json
    expect(current.revision).toBe(2)
    expect(current.elements.find((element: { id: string }) => element.id === 'cbm-9').titles).toEqual(titles)
    expect(current.elements.find((element: { id: string }) => element.id === 'norm-k').retired).toBe(true)
    expect((await delegation.get('/api/catalogue/revisions/0')).json.override.elements).toEqual([])
    expect((await delegation.get('/api/catalogue/revisions/9')).status).toBe(404)
    expect((await delegation.get('/api/catalogue/revisions/x')).status).toBe(404)
  })

  it('refuses a change made on an older revision with 409, so no one overwrites another edit unseen', async () => {
    const stale = await secretariat.put('/api/catalogue', { version: 'v3', baseRevision: 1, elements: [] })
    expect(stale.status).toBe(409)
    expect(stale.json.error).toMatchObject({ code: 'catalogue_changed', details: { revision: 2 } })
    expect((await delegation.get('/api/catalogue')).json.revision).toBe(2)
  })

  it('tells every open document stream that the catalogue changed', async () => {
    const events = await fetch(`${server.url}/api/documents/${documentId}/events`, { headers: { authorization: `Bearer ${delegationToken}` } })
    const reader = events.body!.getReader()
    let received = ''
    const readUntil = async (pattern: RegExp) => {
      while (!pattern.test(received)) {
        const { value, done } = await reader.read()
        if (done) break
        received += new TextDecoder().decode(value)
      }
      return pattern.test(received)
    }
    expect(await readUntil(/event: status/)).toBe(true)
    const saved = await secretariat.put('/api/catalogue', { version: 'v3', baseRevision: 2, elements: [cbm9] })
    expect(saved.status).toBe(200)
    expect(await readUntil(/event: catalogue\ndata: \{"revision":3,"version":"builtin-2\+v3"\}/)).toBe(true)
    await reader.cancel()
  })
})
