/**
 * A document's proposals are bounded: every one, decided or not, is listed and compiled whole for every reader. One
 * delegation may have only so many open at once, so that it cannot fill the document's share alone.
 */
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { doc, paragraph } from '../../shared/schema/draftBuilders.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { connectClient, waitFor, type TestClient } from '../helpers/clients.ts'
import { ApiClient } from '../helpers/http.ts'
import { anchorOn } from '../helpers/passages.ts'
import { createTestSchema, type TestSchema } from '../helpers/postgres.ts'
import { enrol, startTestServer, tempDataDir, usePostgres, type TestServer } from '../helpers/server.ts'

describe.each(['sqlite', 'postgres'] as const)('proposal limits on %s', (dialect) => {
  let server: TestServer
  let schema: TestSchema | null = null
  let writer: TestClient
  let documentId: string
  const api = {} as Record<'lead' | 'kenya' | 'brazil', ApiClient>

  beforeAll(async () => {
    const dataDir = tempDataDir()
    if (dialect === 'postgres') {
      schema = await createTestSchema()
      usePostgres(dataDir, schema.url)
    }
    const secretariat = await enrol(dataDir, 'Secretariat officer', 'secretariat')
    const lead = await enrol(dataDir, 'Co-facilitator Singapore', 'cofacilitator', 'Singapore', 'asia-pacific')
    const kenya = await enrol(dataDir, 'Delegate of Kenya', 'delegation', 'Kenya', 'african')
    const brazil = await enrol(dataDir, 'Delegate of Brazil', 'delegation', 'Brazil', 'latin-american-caribbean')
    server = await startTestServer(dataDir, { MAX_PROPOSALS_PER_DOCUMENT: '5', MAX_OPEN_PROPOSALS_PER_DELEGATION: '3', API_WRITES_PER_MINUTE: '0' })
    const admin = new ApiClient(server.url, secretariat.token)
    api.lead = new ApiClient(server.url, lead.token)
    api.kenya = new ApiClient(server.url, kenya.token)
    api.brazil = new ApiClient(server.url, brazil.token)
    const workspaceId = (await admin.post('/api/workspaces', { dtg: 2, year: 2027, title: 'DTG 2 in 2027' })).json.id
    expect((await admin.put(`/api/workspaces/${workspaceId}/cofacilitators/${lead.id}`)).status).toBe(200)
    documentId = (await api.lead.post(`/api/workspaces/${workspaceId}/documents`, { title: 'Summary', kind: 'working-draft' })).json.document.id
    writer = connectClient(server.wsUrl, documentId, lead.token)
    await writer.synced
    Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(draftSchema, doc(paragraph('The group met twice in 2027.')), 'content')))
    const witness = connectClient(server.wsUrl, documentId, kenya.token)
    await waitFor(() => witness.doc.getXmlFragment('content').length === 1, 'the draft to reach the server')
    witness.destroy()
  })
  afterAll(async () => {
    writer?.destroy()
    await server?.stop()
    await schema?.drop()
  })

  const propose = (who: 'kenya' | 'brazil', text: string) =>
    api[who].post(`/api/documents/${documentId}/proposals`, { kind: 'insert', anchor: anchorOn(writer.doc, 'twice', true), text })

  it('refuses a delegation past its open proposals, and the document past its proposals, whatever their status', async () => {
    const kenya = []
    for (const text of ['first ', 'second ', 'third ']) {
      const answer = await propose('kenya', text)
      expect(answer.status).toBe(201)
      kenya.push(answer.json.proposal.id as string)
    }
    const fourth = await propose('kenya', 'fourth ')
    expect([fourth.status, fourth.json.error.code]).toEqual([409, 'too_many_proposals'])
    expect(fourth.json.error.message).toContain('Kenya has 3 open proposals on this document')
    // Another delegation still has its share.
    expect((await propose('brazil', 'often ')).status).toBe(201)
    // A proposal withdrawn is no longer open: Kenya may make another, the fifth of the document.
    expect((await api.kenya.post(`/api/documents/${documentId}/proposals/${kenya[0]}/withdraw`)).status).toBe(200)
    expect((await propose('kenya', 'fourth ')).status).toBe(201)
    // The withdrawn one still counts for the document: it is listed with the others.
    const sixth = await propose('brazil', 'again ')
    expect([sixth.status, sixth.json.error.code]).toEqual([409, 'proposals_full'])
    expect(sixth.json.error.message).toContain('this document holds 5 proposals')
    const listed = await api.brazil.get(`/api/documents/${documentId}/proposals`)
    expect(listed.json.proposals).toHaveLength(5)
  })
})
