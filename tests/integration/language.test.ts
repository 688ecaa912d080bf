/** The interface language a member chooses is remembered for them: every browser they sign in from starts in it. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ApiClient } from '../helpers/http.ts'
import { mintToken, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'

describe('interface language per member', () => {
  let server: TestServer
  let dataDir: string
  let firstToken: string
  let first: ApiClient
  let other: ApiClient

  beforeAll(async () => {
    dataDir = tempDataDir()
    firstToken = await mintToken(dataDir, 'Delegate of Egypt', 'delegation')
    const otherToken = await mintToken(dataDir, 'Delegate of Peru', 'delegation')
    server = await startTestServer(dataDir)
    first = new ApiClient(server.url, firstToken)
    other = new ApiClient(server.url, otherToken)
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('is none until chosen, then the chosen one, for that member only', async () => {
    expect((await first.get('/api/me')).json).toMatchObject({ language: null })
    const chosen = await first.put('/api/me/language', { language: 'ar' })
    expect(chosen.status).toBe(204)
    expect((await first.get('/api/me')).json).toMatchObject({ language: 'ar' })
    expect((await other.get('/api/me')).json).toMatchObject({ language: null })
  })

  it('survives a restart', async () => {
    await server.stop()
    server = await startTestServer(dataDir)
    first = new ApiClient(server.url, firstToken)
    expect((await first.get('/api/me')).json).toMatchObject({ language: 'ar' })
  })

  it('refuses a language that is not one of the six, naming the field, and keeps the one chosen', async () => {
    const refused = await first.put('/api/me/language', { language: 'de' })
    expect(refused.status).toBe(400)
    expect(JSON.stringify(refused.json)).toContain('language must be one of: ar, zh, en, fr, ru, es')
    expect((await first.get('/api/me')).json).toMatchObject({ language: 'ar' })
  })

  it('needs a signed-in member', async () => {
    const anonymous = new ApiClient(server.url)
    expect((await anonymous.put('/api/me/language', { language: 'fr' })).status).toBe(401)
  })
})
