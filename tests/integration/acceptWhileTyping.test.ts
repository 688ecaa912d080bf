/**
 * Proposals accepted while a co-facilitator types elsewhere in the same document, on SQLite and on PostgreSQL (whose
 * store appends asynchronously): the accepted text and every character typed are in every editor, in what was stored,
 * and in the document read again after a restart.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { doc, heading, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import { connectClient, waitFor, type TestClient } from '../helpers/clients.ts'
import { ApiClient } from '../helpers/http.ts'
import { anchorOn, blockTexts, textHolding } from '../helpers/passages.ts'
import { createTestSchema, type TestSchema } from '../helpers/postgres.ts'
import { enrol, startTestServer, tempDataDir, usePostgres, type TestServer } from '../helpers/server.ts'
import { writeDraft } from '../helpers/writtenDraft.ts'

const draft = doc(
  heading(1, 'Recommendations'),
  paragraph('States should cooperate to protect critical infrastructure.'),
  paragraph('The group met twice in 2027.'),
  recommendation('rec-1', ['norm-g'], 'States should designate a national point of contact.'),
)

const typedSource = ' It will meet again in 2028 to review progress on every norm.'.repeat(8)
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

describe.each([['SQLite'], ['PostgreSQL']])('accepting proposals while someone types, on %s', (database) => {
  let server: TestServer
  let dataDir: string
  let schema: TestSchema | null = null
  let workspaceId: string
  const clients: TestClient[] = []
  const people = {} as Record<'secretariat' | 'lead' | 'kenya', { id: number; token: string; api: ApiClient }>

  const client = (documentId: string, token: string) => {
    const c = connectClient(server.wsUrl, documentId, token)
    clients.push(c)
    return c
  }

  beforeAll(async () => {
    dataDir = tempDataDir()
    if (database === 'PostgreSQL') {
      schema = await createTestSchema()
      usePostgres(dataDir, schema.url)
    }
    const enrolled = {
      secretariat: await enrol(dataDir, 'Secretariat officer', 'secretariat'),
      lead: await enrol(dataDir, 'Co-facilitator Singapore', 'cofacilitator', 'Singapore', 'asia-pacific'),
      kenya: await enrol(dataDir, 'Delegate of Kenya', 'delegation', 'Kenya', 'african'),
    }
    server = await startTestServer(dataDir, { API_WRITES_PER_MINUTE: '0' }, schema ? { databaseUrl: schema.url } : {})
    for (const [role, { id, token }] of Object.entries(enrolled)) people[role as keyof typeof people] = { id, token, api: new ApiClient(server.url, token) }
    workspaceId = (await people.secretariat.api.post('/api/workspaces', { dtg: 1, year: 2027, title: 'DTG 1 in 2027' })).json.id
    expect((await people.secretariat.api.put(`/api/workspaces/${workspaceId}/cofacilitators/${people.lead.id}`)).status).toBe(200)
  })
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy()
  })
  afterAll(async () => {
    await server?.stop()
    await schema?.drop()
  })

  it('keeps the accepted text and every character typed meanwhile, live and across a restart', { timeout: 60_000 }, async () => {
    const created = await people.lead.api.post(`/api/workspaces/${workspaceId}/documents`, { title: 'Recommendations', kind: 'working-draft' })
    expect(created.status).toBe(201)
    const id = created.json.document.id as string
    const { writer } = await writeDraft(server.wsUrl, id, people.lead.token, clients, draft as { type: string; content: unknown[] })
    const delegate = client(id, people.kenya.token)
    await delegate.synced

    const replacement = await people.kenya.api.post(`/api/documents/${id}/proposals`, {
      kind: 'replace',
      anchor: anchorOn(writer.doc, 'critical infrastructure'),
      text: 'essential services',
    })
    const insertion = await people.kenya.api.post(`/api/documents/${id}/proposals`, { kind: 'insert', anchor: anchorOn(writer.doc, 'national', true), text: 'single ' })
    expect([replacement.status, insertion.status]).toEqual([201, 201])

    // The co-facilitator types one character at a time at the end of the second paragraph, from before the first
    // decision until twenty characters after the second has been answered (at most the whole sentence, over and over).
    let typedSoFar = 0
    let typedAfterDecisions: number | null = null
    let decided = false
    const typing = (async () => {
      const text = textHolding(writer.doc, 'The group met twice')
      while (typedSoFar < typedSource.length && (typedAfterDecisions === null || typedSoFar < typedAfterDecisions + 20)) {
        const character = typedSource[typedSoFar]
        writer.doc.transact(() => text.insert(text.length, character))
        typedSoFar++
        if (decided && typedAfterDecisions === null) typedAfterDecisions = typedSoFar
        await sleep(10)
      }
    })()
    await waitFor(() => typedSoFar >= 5, 'the typing to begin')
    const accepted = [await people.lead.api.post(`/api/documents/${id}/proposals/${replacement.json.proposal.id}/accept`)]
    await sleep(60)
    accepted.push(await people.lead.api.post(`/api/documents/${id}/proposals/${insertion.json.proposal.id}/accept`))
    decided = true
    await typing
    expect(accepted.map((answer) => answer.status)).toEqual([200, 200])
    // The typing went on after both decisions.
    expect(typedAfterDecisions).not.toBeNull()
    const typed = typedSource.slice(0, typedSoFar)

    const expected = [
      'Recommendations',
      'States should cooperate to protect essential services.',
      `The group met twice in 2027.${typed}`,
      'States should designate a single national point of contact.',
    ]
    for (const [name, c] of [
      ['the typist', writer],
      ['the delegate', delegate],
    ] as const) {
      await waitFor(() => JSON.stringify(blockTexts(c.doc)) === JSON.stringify(expected), `${name} to hold the accepted text and the typing: ${JSON.stringify(blockTexts(c.doc))}`)
    }
    expect(writer.denials).toEqual([])
    const late = client(id, people.kenya.token)
    await late.synced
    expect(blockTexts(late.doc)).toEqual(expected)

    for (const c of clients.splice(0)) c.destroy()
    expect(await server.stop()).toBe(0)
    server = await startTestServer(dataDir, { API_WRITES_PER_MINUTE: '0' }, schema ? { databaseUrl: schema.url } : {})
    const reader = client(id, people.kenya.token)
    await reader.synced
    expect(blockTexts(reader.doc)).toEqual(expected)
    for (const person of Object.values(people)) person.api = new ApiClient(server.url, person.token)
    const proposals = (await people.kenya.api.get(`/api/documents/${id}/proposals`)).json.proposals as Array<{ id: string; status: string }>
    expect(proposals.map((proposal) => proposal.status)).toEqual(['accepted', 'accepted'])
  })
})
