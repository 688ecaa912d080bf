/**
 * What the server keeps for a document follows the documents in use: a document's validity status is held while it is
 * loaded or someone watches it; of the others, only the MAX_IDLE_STATUSES most recently checked.
 */
import { afterAll, beforeAll, expect, it } from 'vitest'
import { connectClient, waitForAsync } from '../helpers/clients.ts'
import { openEvents } from '../helpers/events.ts'
import { ApiClient } from '../helpers/http.ts'
import { mintToken, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'

let server: TestServer
let token: string
let api: ApiClient

beforeAll(async () => {
  const dataDir = tempDataDir()
  token = await mintToken(dataDir, 'Secretariat', 'secretariat')
  server = await startTestServer(dataDir, { ROOM_IDLE_MS: '200', MAX_IDLE_STATUSES: '1' })
  api = new ApiClient(server.url, token)
})
afterAll(async () => {
  expect(await server?.stop()).toBe(0)
})

async function gauge(series: string): Promise<number> {
  const metrics = await (await fetch(`${server.url}/metrics`)).text()
  const line = metrics.split('\n').find((candidate) => candidate.startsWith(`${series} `))
  if (!line) throw new Error(`no ${series} in /metrics`)
  return Number(line.slice(series.length + 1))
}

it('holds a status while its document is loaded or watched, and of the others only the most recent', async () => {
  const workspace = await api.post('/api/workspaces', { dtg: 2, year: 2030, title: 'DTG 2 (2030)' })
  const ids: string[] = []
  for (const title of ['One', 'Two', 'Three']) ids.push((await api.post(`/api/workspaces/${workspace.json.id}/documents`, { title, kind: 'working-draft' })).json.document.id)

  // Each opened, edited and its status read, then closed.
  for (const id of ids) {
    const client = connectClient(server.wsUrl, id, token)
    await client.synced
    client.text.insert(0, 'Edited. ')
    await waitForAsync(async () => (await api.get(`/api/documents/${id}/status`)).status === 200, 'the status')
    client.destroy()
  }
  await waitForAsync(async () => (await gauge('dtg_rooms_loaded')) === 0, 'the rooms to unload', 10_000)
  await waitForAsync(async () => (await gauge('dtg_document_statuses_held')) === 1, 'all statuses but one to go with their rooms', 10_000)

  // Read while nobody has it open: answered, and kept in place of the one kept before.
  expect((await api.get(`/api/documents/${ids[0]}/status`)).json.documentId).toBe(ids[0])
  expect(await gauge('dtg_document_statuses_held')).toBe(1)

  // Watched by an open page (its event stream): held besides, until the stream closes.
  const stream = await openEvents(server, ids[1], token)
  await waitForAsync(async () => (await gauge('dtg_document_statuses_held')) === 2, 'the watched status to be held besides')
  stream.close()
  await waitForAsync(async () => (await gauge('dtg_document_statuses_held')) === 1, 'one status again once nobody watches', 10_000)
  expect(await gauge('dtg_rooms_loaded')).toBe(0)
})
