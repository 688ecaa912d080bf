import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Node } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { doc, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import { paragraphTexts, readDocx } from '../helpers/readDocx.ts'
import { connectClient, waitFor, type TestClient } from '../helpers/clients.ts'
import { ApiClient } from '../helpers/http.ts'
import { mintToken, repoRoot, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'

const exportDir = path.join(repoRoot, 'test-artifacts', 'exports')

/** Edits the client's document towards `json` the way the editor does: a minimal change to the shared fragment. */
function write(client: TestClient, json: DraftDocJson): void {
  const fragment = client.doc.getXmlFragment('content')
  client.doc.transact(() => updateYFragment(client.doc, fragment, Node.fromJSON(draftSchema, json), { mapping: new Map(), isOMark: new Map() }))
}

function contentOf(client: TestClient): unknown {
  return yXmlFragmentToProsemirrorJSON(client.doc.getXmlFragment('content'))
}

async function binary(server: TestServer, token: string, url: string) {
  const response = await fetch(`${server.url}${url}`, { headers: { authorization: `Bearer ${token}` } })
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) }
}

const zeroDraft = doc(
  paragraph('The group met four times in 2026.'),
  paragraph('Delegations stressed the protection of critical infrastructure.'),
  recommendation('rec-a', ['norm-g', 'cbm-7'], 'States should protect critical infrastructure from ICT threats.'),
  recommendation('rec-b', ['norm-f'], 'States should not conduct ICT activity that damages critical infrastructure.'),
)

const revisedDraft = doc(
  paragraph('The group met five times in 2026.'),
  paragraph('Delegations stressed the protection of critical infrastructure.'),
  paragraph('Several delegations called for points of contact.'),
  recommendation('rec-a', ['norm-g', 'cbm-7'], 'States should protect critical infrastructure from ICT threats.'),
  recommendation('rec-c', ['cbm-1'], 'States should nominate points of contact.'),
  recommendation('rec-b', ['norm-f', 'norm-h'], 'States should not conduct ICT activity that damages critical infrastructure.'),
)

describe('revisions, comparison and export', () => {
  let server: TestServer
  let dataDir: string
  let cofacilitatorToken: string
  let delegationToken: string
  let cofacilitator: ApiClient
  let delegation: ApiClient
  let documentId: string
  let writer: TestClient
  const clients: TestClient[] = []

  beforeAll(async () => {
    dataDir = tempDataDir()
    const secretariatToken = await mintToken(dataDir, 'Secretariat', 'secretariat')
    delegationToken = await mintToken(dataDir, 'Delegate of Kenya', 'delegation', { delegation: 'Kenya' })
    // This suite exports many times over; the per-member export rate has its own test (boundedWork).
    server = await startTestServer(dataDir, { EXPORT_BURST: '200' })
    const secretariat = new ApiClient(server.url, secretariatToken)
    const workspace = (await secretariat.post('/api/workspaces', { dtg: 1, year: 2026, title: 'DTG 1 (2026)' })).json
    const created = await secretariat.post(`/api/workspaces/${workspace.id}/documents`, {
      title: 'Annual summary and recommendations',
      kind: 'recommendations',
      symbol: 'A/AC.292/DTG1/2026/CRP.1',
    })
    documentId = created.json.document.id
    cofacilitatorToken = await mintToken(dataDir, 'Co-facilitator', 'cofacilitator', { delegation: 'Singapore', leads: [workspace.id] })
    cofacilitator = new ApiClient(server.url, cofacilitatorToken)
    delegation = new ApiClient(server.url, delegationToken)
    writer = connectClient(server.wsUrl, documentId, cofacilitatorToken)
    clients.push(writer)
    await writer.synced
  })
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server?.stop()
  })

  it('cuts Rev.1 and Rev.2 of a draft written through a real client, and compares them by recommendation id', async () => {
    write(writer, zeroDraft)
    const observer = connectClient(server.wsUrl, documentId, delegationToken)
    clients.push(observer)
    await observer.synced
    await waitFor(() => JSON.stringify(contentOf(observer)).includes('rec-b'), 'the draft to reach the server')

    const rev1 = await cofacilitator.post(`/api/documents/${documentId}/revisions`, { label: 'Rev.1', note: 'First reading' })
    expect(rev1.status).toBe(201)
    expect(rev1.json.revision).toMatchObject({ label: 'Rev.1', note: 'First reading', createdBy: { name: 'Co-facilitator', delegation: 'Singapore' } })
    expect((await cofacilitator.post(`/api/documents/${documentId}/revisions`, { label: 'rev.1' })).json.error.code).toBe('revision_label_taken')
    expect((await delegation.post(`/api/documents/${documentId}/revisions`, { label: 'Rev.X' })).status).toBe(403)
    expect((await cofacilitator.post(`/api/documents/${documentId}/revisions`, { label: '  ' })).json.error.message).toContain('label')

    write(writer, revisedDraft)
    await waitFor(() => JSON.stringify(contentOf(observer)).includes('rec-c'), 'the revision to reach the server')
    const rev2 = await cofacilitator.post(`/api/documents/${documentId}/revisions`, { label: 'Rev.2' })
    expect(rev2.status).toBe(201)

    const listed = await delegation.get(`/api/documents/${documentId}/revisions`)
    expect(listed.json.revisions.map((revision: { label: string }) => revision.label)).toEqual(['Rev.1', 'Rev.2'])
    const opened = await delegation.get(`/api/documents/${documentId}/revisions/${rev1.json.revision.id}`)
    expect(opened.json.content).toEqual(zeroDraft)

    const compared = await delegation.get(`/api/documents/${documentId}/compare?from=${rev1.json.revision.id}&to=${rev2.json.revision.id}`)
    expect(compared.status).toBe(200)
    expect(compared.json.from.label).toBe('Rev.1')
    expect(compared.json.to.label).toBe('Rev.2')
    const byId = Object.fromEntries(compared.json.comparison.recommendations.map((change: { id: string }) => [change.id, change]))
    expect(byId['rec-a'].changes).toEqual([])
    expect(byId['rec-b'].changes).toEqual(['renumbered', 'links'])
    expect(byId['rec-b'].before.number).toBe(2)
    expect(byId['rec-b'].after.number).toBe(3)
    expect(byId['rec-c'].changes).toEqual(['added'])
    const edited = compared.json.comparison.blocks.find((block: { change: string; kind: string }) => block.change === 'changed' && block.kind === 'paragraph')
    expect(edited.segments).toEqual(
      expect.arrayContaining([
        { op: 'delete', text: expect.stringContaining('four') },
        { op: 'insert', text: expect.stringContaining('five') },
      ]),
    )
    expect(compared.json.comparison.summary).toMatchObject({ paragraphsAdded: 1, paragraphsChanged: 1, recommendationsAdded: 1, recommendationsRenumbered: 1 })

    const againstCurrent = await delegation.get(`/api/documents/${documentId}/compare?from=${rev2.json.revision.id}&to=current`)
    expect(againstCurrent.json.to).toEqual({ revision: null, label: 'Current text' })
    expect(againstCurrent.json.comparison.blocks.every((block: { change: string }) => block.change === 'unchanged')).toBe(true)
  })

  it('exports a revision as a valid DOCX package with the symbol, the numbered text and the links', async () => {
    const [, rev2] = (await delegation.get(`/api/documents/${documentId}/revisions`)).json.revisions
    const exported = await binary(server, delegationToken, `/api/documents/${documentId}/export?format=docx&revision=${rev2.id}`)
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-type')).toContain('wordprocessingml')
    expect(exported.headers.get('content-disposition')).toContain('A-AC.292-DTG1-2026-CRP.1-Rev.2.docx')
    fs.mkdirSync(exportDir, { recursive: true })
    fs.writeFileSync(path.join(exportDir, 'rev2.docx'), exported.bytes)

    const docx = readDocx(exported.bytes)
    expect(Object.keys(docx.parts)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']))
    const paragraphs = paragraphTexts(docx.document)
    expect(paragraphs).toContain('1.\tThe group met five times in 2026.')
    expect(paragraphs.some((text) => text.includes('States should not conduct ICT activity') && text.startsWith('R3'))).toBe(true)
    expect(docx.document).toContain('[Norm f; Norm h]')
    expect(docx.headers).toContain('A/AC.292/DTG1/2026/CRP.1')
    expect(paragraphs).toContain('Rev.2')
    expect(docx.headers).not.toContain('Draft - not for submission')

    for (const format of ['md', 'txt', 'html'] as const) {
      const text = await binary(server, delegationToken, `/api/documents/${documentId}/export?format=${format}&revision=${rev2.id}`)
      expect(text.status).toBe(200)
      // Markdown escapes the brackets of a citation like any drafted text; it reads [Norm f; Norm h] once rendered.
      expect(new TextDecoder().decode(text.bytes)).toContain(format === 'md' ? '\\[Norm f; Norm h\\]' : '[Norm f; Norm h]')
    }
    const redline = await binary(server, delegationToken, `/api/documents/${documentId}/compare/export?from=1&to=${rev2.id}&format=docx`)
    expect(redline.status).toBe(200)
    fs.writeFileSync(path.join(exportDir, 'redline-rev1-rev2.docx'), redline.bytes)
    const redlineXml = readDocx(redline.bytes).document
    expect(redlineXml).toMatch(/<w:strike\/>[\s\S]*?four/)
    expect(redlineXml).toMatch(/<w:u [^>]*\/>[\s\S]*?five/)
  })

  it('refuses to cut or export for submission an invalid draft, naming the recommendation; a working copy still exports', async () => {
    write(writer, doc(...(revisedDraft.content ?? []), recommendation('rec-unlinked', [], 'States should do more.')))
    await waitFor(() => JSON.stringify(contentOf(writer)).includes('rec-unlinked'), 'the local edit')
    const status = await waitForStatus(cofacilitator, documentId, false)
    expect(status.problems[0]).toMatchObject({ code: 'recommendation_unlinked', recommendationId: 'rec-unlinked', recommendationNumber: 4 })

    const refused = await cofacilitator.post(`/api/documents/${documentId}/revisions`, { label: 'Rev.3' })
    expect(refused.status).toBe(422)
    expect(refused.json.error.code).toBe('draft_invalid')
    expect(refused.json.error.message).toContain('R4')
    expect(refused.json.error.details).toEqual([expect.objectContaining({ code: 'recommendation_unlinked', recommendationId: 'rec-unlinked', recommendationNumber: 4 })])

    const submission = await cofacilitator.get(`/api/documents/${documentId}/export?format=docx`)
    expect(submission.status).toBe(422)
    expect(submission.json.error.details[0].recommendationId).toBe('rec-unlinked')
    const working = await binary(server, cofacilitatorToken, `/api/documents/${documentId}/export?format=docx&working=1`)
    expect(working.status).toBe(200)
    const docx = readDocx(working.bytes)
    expect(docx.headers).toContain('Draft - not for submission')
    fs.writeFileSync(path.join(exportDir, 'working-copy.docx'), working.bytes)
  })

  it('restores Rev.1 as a new change that every open editor receives, keeping every revision', async () => {
    const [rev1] = (await delegation.get(`/api/documents/${documentId}/revisions`)).json.revisions
    expect((await delegation.post(`/api/documents/${documentId}/revisions/${rev1.id}/restore`)).status).toBe(403)
    const restored = await cofacilitator.post(`/api/documents/${documentId}/revisions/${rev1.id}/restore`)
    expect(restored.status).toBe(200)
    await waitFor(() => JSON.stringify(contentOf(writer)) === JSON.stringify(zeroDraft), 'the open editor to receive the restored text')
    expect((await delegation.get(`/api/documents/${documentId}/revisions`)).json.revisions).toHaveLength(2)
    // The restore is a change like any other: the server's copy holds it, and a later revision can be cut from it.
    expect((await cofacilitator.post(`/api/documents/${documentId}/revisions`, { label: 'Rev.3' })).status).toBe(201)
    const contributors = await cofacilitator.get(`/api/documents/${documentId}/contributors`)
    expect(contributors.json.contributors.map((entry: { author: { name: string } }) => entry.author.name)).toEqual(['Co-facilitator'])
    expect((await delegation.get(`/api/documents/${documentId}/contributors`)).status).toBe(403)
  })

  it('refuses to cut a revision of content the editor cannot show, written past it', async () => {
    const fragment = writer.doc.getXmlFragment('content')
    writer.doc.transact(() => fragment.insert(fragment.length, [new Y.XmlElement('blockquote')]))
    const refused = await waitForRefusal(cofacilitator, documentId)
    expect(refused.code).toBe('draft_not_in_schema')
    expect(refused.message).toContain('blockquote')
    writer.doc.transact(() => fragment.delete(fragment.length - 1, 1))
  })

  it('names what is wrong with a bad request', async () => {
    expect((await delegation.get(`/api/documents/${documentId}/revisions/999`)).json.error.code).toBe('revision_not_found')
    expect((await delegation.get(`/api/documents/${documentId}/compare?from=abc&to=current`)).json.error.message).toContain('from')
    expect((await delegation.get(`/api/documents/${documentId}/export?format=pdf`)).status).toBe(400)
    expect((await delegation.get('/api/documents/no-such-document/revisions')).status).toBe(404)
  })
})

/** Cuts revisions until the server has the last edit and refuses; answers the refusal's error. */
async function waitForRefusal(client: ApiClient, documentId: string) {
  const deadline = Date.now() + 10_000
  for (let attempt = 0; ; attempt++) {
    const response = await client.post(`/api/documents/${documentId}/revisions`, { label: `Attempt ${attempt}` })
    if (response.status === 422) return response.json.error as { code: string; message: string }
    if (Date.now() > deadline) throw new Error(`the server kept accepting revisions (${response.status})`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

async function waitForStatus(client: ApiClient, documentId: string, valid: boolean) {
  const deadline = Date.now() + 10_000
  for (;;) {
    const status = (await client.get(`/api/documents/${documentId}/status`)).json
    if (status.valid === valid) return status
    if (Date.now() > deadline) throw new Error(`the document did not become ${valid ? 'valid' : 'invalid'}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}
