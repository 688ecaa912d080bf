import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Node } from '@tiptap/pm/model'
import { updateYFragment } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { draftFixture } from '../bench/draftFixture.ts'
import { connectClient, waitForAsync, type TestClient } from '../helpers/clients.ts'
import { ApiClient } from '../helpers/http.ts'
import { mintToken, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'

/** Writes recommendations nested `depth` deep into the client's document, each holding a paragraph and the next one. */
function writeNestedRecommendations(client: TestClient, depth: number): void {
  client.doc.transact(() => {
    let parent: Y.XmlFragment | Y.XmlElement = client.doc.getXmlFragment('content')
    for (let level = 0; level < depth; level++) {
      const recommendation = new Y.XmlElement('recommendation')
      parent.insert(parent.length, [recommendation])
      recommendation.setAttribute('id', `r-${level}`)
      recommendation.setAttribute('refs', ['norm-g'] as never)
      const paragraph = new Y.XmlElement('paragraph')
      recommendation.insert(0, [paragraph])
      paragraph.insert(0, [new Y.XmlText(`Level ${level}.`)])
      parent = recommendation
    }
  })
}

/** Writes a long draft (300 paragraphs, 60 recommendations) into the client's document, as the editor would. */
function writeLongDraft(client: TestClient): void {
  const fragment = client.doc.getXmlFragment('content')
  client.doc.transact(() => updateYFragment(client.doc, fragment, Node.fromJSON(draftSchema, draftFixture().json), { mapping: new Map(), isOMark: new Map() }))
}

async function createDocument(secretariat: ApiClient, workspaceId: string, title: string): Promise<string> {
  const created = await secretariat.post(`/api/workspaces/${workspaceId}/documents`, { title, kind: 'recommendations' })
  expect(created.status).toBe(201)
  return created.json.document.id
}

describe('bounded work per input', () => {
  let server: TestServer
  let secretariatToken: string
  let secretariat: ApiClient
  let workspaceId: string
  let delegationTokens: string[]
  const clients: TestClient[] = []

  beforeAll(async () => {
    const dataDir = tempDataDir()
    secretariatToken = await mintToken(dataDir, 'Secretariat', 'secretariat')
    delegationTokens = []
    for (const name of ['Kenya', 'Brazil', 'France', 'India', 'Chile', 'Ghana', 'Japan', 'Peru']) {
      delegationTokens.push(await mintToken(dataDir, `Delegate of ${name}`, 'delegation', { delegation: name }))
    }
    server = await startTestServer(dataDir, { EXPORTS_PER_MINUTE: '6', EXPORT_BURST: '3', HEAVY_WORKERS: '1', HEAVY_QUEUE: '1', HEAVY_JOBS_PER_MEMBER: '1' })
    secretariat = new ApiClient(server.url, secretariatToken)
    workspaceId = (await secretariat.post('/api/workspaces', { dtg: 1, year: 2026, title: 'DTG 1 (2026)' })).json.id
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    const code = await server?.stop()
    // The server was up to the end and stopped cleanly: nothing a member sent brought it down.
    expect(code, server?.output()).toBe(0)
  })

  it('answers recommendations nested 3,000 deep with a small status and clear errors, and stays up', async () => {
    const documentId = await createDocument(secretariat, workspaceId, 'Nested')
    const writer = connectClient(server.wsUrl, documentId, secretariatToken)
    clients.push(writer)
    await writer.synced
    writeNestedRecommendations(writer, 3000)

    let status = await secretariat.get(`/api/documents/${documentId}/status`)
    await waitForAsync(async () => {
      status = await secretariat.get(`/api/documents/${documentId}/status`)
      return status.json?.problems?.[0]?.code === 'document_too_deep'
    }, 'the nested document to be validated')
    expect(status.status).toBe(200)
    expect(status.json).toMatchObject({ valid: false, problemCount: 1, omittedProblems: 0 })
    expect(JSON.stringify(status.json).length).toBeLessThan(2_000)

    // Two exports: within this server's export burst (3).
    for (const format of ['md', 'docx']) {
      const exported = await secretariat.get(`/api/documents/${documentId}/export?format=${format}&working=1`)
      expect(exported.status, format).toBe(422)
      expect(exported.json.error.code).toBe('document_too_deep')
    }
    const compared = await secretariat.get(`/api/documents/${documentId}/compare?from=current&to=current`)
    expect(compared.status).toBe(422)
    expect(compared.json.error.code).toBe('document_too_deep')
    const revision = await secretariat.post(`/api/documents/${documentId}/revisions`, { label: 'Rev.1' })
    expect(revision.status).toBe(422)
    expect(JSON.stringify(revision.json).length).toBeLessThan(5_000)

    expect((await fetch(`${server.url}/healthz`)).status).toBe(200)
  }, 120_000)

  it('limits exports per member (429 with Retry-After) and heavy jobs at once (429 per member, 503 for the server), then answers again', async () => {
    const documentId = await createDocument(secretariat, workspaceId, 'Long draft')
    const writer = connectClient(server.wsUrl, documentId, secretariatToken)
    clients.push(writer)
    await writer.synced
    writeLongDraft(writer)
    await waitForAsync(async () => (await secretariat.get(`/api/documents/${documentId}/status`)).json?.problemCount === 0, 'the long draft to be stored')

    // One member's export flood: the burst passes, the next is refused with a time to wait; another member is not affected.
    const [kenya, brazil, ...others] = delegationTokens.map((token) => new ApiClient(server.url, token))
    const answers = []
    for (let request = 0; request < 4; request++) answers.push(await kenya.get(`/api/documents/${documentId}/export?format=md`))
    expect(answers.map((answer) => answer.status)).toEqual([200, 200, 200, 429])
    expect(answers[3].json.error.code).toBe('export_rate_limited')
    expect(Number(answers[3].headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    expect((await brazil.get(`/api/documents/${documentId}/export?format=md`)).status).toBe(200)

    // One member asking for two heavy jobs at once: the second waits for the first (429), not in the server's queue.
    const pair = await Promise.all([brazil, brazil].map((member) => member.get(`/api/documents/${documentId}/export?format=docx`)))
    expect(pair.map((answer) => answer.status).sort()).toEqual([200, 429])
    const refusedJob = pair.find((answer) => answer.status === 429)!
    expect(refusedJob.json.error.code).toBe('too_many_jobs')
    expect(Number(refusedJob.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)

    // Six members at once on a server with one thread and one place in its queue: the rest are told to come back.
    const flood = await Promise.all(others.map((member) => member.get(`/api/documents/${documentId}/export?format=docx`)))
    const statuses = flood.map((answer) => answer.status)
    expect(statuses.every((status) => status === 200 || status === 503), String(statuses)).toBe(true)
    expect(statuses.filter((status) => status === 200).length).toBeGreaterThanOrEqual(1)
    const busy = flood.filter((answer) => answer.status === 503)
    expect(busy.length).toBeGreaterThanOrEqual(1)
    for (const answer of busy) {
      expect(answer.json.error.code).toBe('server_busy')
      expect(Number(answer.headers.get('retry-after'))).toBeGreaterThanOrEqual(1)
    }
    // Once the flood is over, the same members export again.
    const again = await others[0].get(`/api/documents/${documentId}/export?format=docx`)
    expect(again.status).toBe(200)

    // The compilation of written inputs as JSON (not an export, so not counted per minute) is one of the member's jobs too.
    // Three at once from one member: at least one runs, and at least one finds the member's job under way.
    const jobsAtOnce = async (member: ApiClient, path: string, what: string) => {
      const answers = await Promise.all([member, member, member].map((same) => same.get(path)))
      const statuses = answers.map((answer) => answer.status)
      expect(statuses.every((status) => status === 200 || status === 429), `${what}: ${statuses}`).toBe(true)
      expect(statuses, what).toContain(200)
      expect(statuses, what).toContain(429)
      expect(answers.find((answer) => answer.status === 429)!.json.error.code, what).toBe('too_many_jobs')
    }
    await jobsAtOnce(kenya, `/api/documents/${documentId}/compilation`, 'written inputs, JSON')
    // So is the compilation of proposals, in every format: it compiles and writes on the worker pool.
    await jobsAtOnce(brazil, `/api/documents/${documentId}/proposals/compilation?format=json`, 'proposals, JSON')
  }, 120_000)
})
