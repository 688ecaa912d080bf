import fs from 'node:fs'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Node } from '@tiptap/pm/model'
import { updateYFragment } from '@tiptap/y-tiptap'
import { doc, heading, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { connectClient, sleep, type TestClient } from '../helpers/clients.ts'
import { needing, validateAkomaNtoso } from '../helpers/externalTools.ts'
import { ApiClient } from '../helpers/http.ts'
import { paragraphTexts, readDocx } from '../helpers/readDocx.ts'
import { mintToken, repoRoot, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'

const exportDir = path.join(repoRoot, 'test-artifacts', 'exports')

function write(client: TestClient, json: DraftDocJson): void {
  const fragment = client.doc.getXmlFragment('content')
  client.doc.transact(() => updateYFragment(client.doc, fragment, Node.fromJSON(draftSchema, json), { mapping: new Map(), isOMark: new Map() }))
}

/** Polls an asynchronous check (at most 10 s, every 50 ms). */
async function eventually(check: () => Promise<boolean>, what: string): Promise<void> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (await check()) return
    await sleep(50)
  }
  throw new Error(`timed out waiting for ${what}`)
}

async function download(server: TestServer, token: string, url: string) {
  const response = await fetch(`${server.url}${url}`, { headers: { authorization: `Bearer ${token}` } })
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) }
}

const firstText = doc(
  heading(1, 'I. Recommendations'),
  paragraph('The group met four times.'),
  recommendation('rec-points-of-contact', ['cbm-1'], 'States should nominate points of contact.'),
)

/** A new recommendation ahead of the first: it becomes R2, and keeps its eId. */
const secondText = doc(
  heading(1, 'I. Recommendations'),
  paragraph('The group met five times.'),
  recommendation('rec-infrastructure', ['norm-g', 'cbm-7'], 'States should protect critical infrastructure.'),
  recommendation('rec-points-of-contact', ['cbm-1'], 'States should nominate points of contact.'),
)

describe('submission metadata and the exports for submission', () => {
  let server: TestServer
  let documentId: string
  let tokens: Record<'secretariat' | 'lead' | 'otherCofacilitator' | 'delegation' | 'stakeholder', string>
  let clients: Record<keyof typeof tokens, ApiClient>
  let writer: TestClient

  beforeAll(async () => {
    const dataDir = tempDataDir()
    const secretariatToken = await mintToken(dataDir, 'Secretariat', 'secretariat')
    server = await startTestServer(dataDir)
    const secretariat = new ApiClient(server.url, secretariatToken)
    const workspace = (await secretariat.post('/api/workspaces', { dtg: 1, year: 2026, title: 'DTG 1 (2026)' })).json
    await secretariat.post('/api/workspaces', { dtg: 2, year: 2026, title: 'DTG 2 (2026)' })
    const created = await secretariat.post(`/api/workspaces/${workspace.id}/documents`, {
      title: 'Recommendations on critical infrastructure',
      kind: 'recommendations',
      symbol: 'A/AC.292/2026/DTG.1/CRP.1',
    })
    documentId = created.json.document.id
    tokens = {
      secretariat: secretariatToken,
      lead: await mintToken(dataDir, 'Co-facilitator', 'cofacilitator', { delegation: 'Singapore', leads: [workspace.id] }),
      otherCofacilitator: await mintToken(dataDir, 'Co-facilitator of DTG 2', 'cofacilitator', { delegation: 'Brazil', leads: ['dtg2-2026'] }),
      delegation: await mintToken(dataDir, 'Delegate of Kenya', 'delegation', { delegation: 'Kenya' }),
      stakeholder: await mintToken(dataDir, 'Civil society', 'stakeholder'),
    }
    clients = Object.fromEntries(Object.entries(tokens).map(([who, token]) => [who, new ApiClient(server.url, token)])) as typeof clients
    writer = connectClient(server.wsUrl, documentId, tokens.lead)
    await writer.synced
    write(writer, firstText)
    await eventually(async () => JSON.stringify((await clients.delegation.get(`/api/documents/${documentId}/status`)).json).includes('"valid":true'), 'the text to be stored')
  })
  afterAll(async () => {
    writer?.destroy()
    await server?.stop()
  })

  const patch = (who: keyof typeof tokens, body: unknown) => clients[who].request('PATCH', `/api/documents/${documentId}`, body)
  const record = async () => (await clients.delegation.get(`/api/documents/${documentId}`)).json

  it('starts General and in English, and lets only the secretariat and the workspace lead edit it', async () => {
    const { document, permissions } = await record()
    expect(document).toMatchObject({ symbol: 'A/AC.292/2026/DTG.1/CRP.1', distribution: 'general', originalLanguage: 'en', bodyName: null, session: null, agendaItem: null })
    expect(permissions.editMetadata).toBe(false)
    expect((await clients.lead.get(`/api/documents/${documentId}`)).json.permissions.editMetadata).toBe(true)
    for (const who of ['delegation', 'stakeholder', 'otherCofacilitator'] as const) {
      const refused = await patch(who, { distribution: 'limited' })
      expect(refused.status, who).toBe(403)
    }
    expect((await record()).document.distribution).toBe('general')
  })

  it('stores what the lead sets, keeps what is not given, and clears a field set to null or ""', async () => {
    const set = await patch('lead', {
      distribution: 'limited',
      bodyName: '  Global Mechanism on ICT security  ',
      session: 'First session',
      agendaItem: 'Item 3 of the provisional agenda',
      originalLanguage: 'fr',
    })
    expect(set.status).toBe(200)
    expect(set.json.document).toMatchObject({ distribution: 'limited', bodyName: 'Global Mechanism on ICT security', originalLanguage: 'fr', symbol: 'A/AC.292/2026/DTG.1/CRP.1' })
    expect((await patch('secretariat', { symbol: 'A/AC.292/2026/DTG.1/CRP.2', originalLanguage: 'en' })).status).toBe(200)
    expect((await record()).document).toMatchObject({ symbol: 'A/AC.292/2026/DTG.1/CRP.2', distribution: 'limited', session: 'First session', originalLanguage: 'en' })
    expect((await patch('lead', { session: null, agendaItem: '' })).json.document).toMatchObject({ session: null, agendaItem: null, bodyName: 'Global Mechanism on ICT security' })
    await patch('lead', { session: 'First session', agendaItem: 'Item 3 of the provisional agenda', distribution: 'general' })
  })

  it('refuses bad input with a 400 naming the field, and stores nothing of it', async () => {
    const before = (await record()).document
    const cases: Array<[unknown, string]> = [
      [{ distribution: 'secret' }, 'distribution must be one of: general, limited'],
      [{ originalLanguage: 'de' }, 'originalLanguage must be one of'],
      [{ symbol: 'not a symbol' }, 'symbol must be parts separated by "/"'],
      [{ bodyName: 'x'.repeat(201) }, 'bodyName must be at most 200 characters'],
      [{ session: 'two\nlines' }, 'session must be one line'],
      [{ session: 12 }, 'session must be text or null'],
      [{ distribution: 'limited', title: 'Renamed' }, 'unknown field: title'],
      [{}, 'give at least one of'],
      [[], 'the body must be an object'],
    ]
    for (const [body, message] of cases) {
      const refused = await patch('lead', body)
      expect(refused.status, JSON.stringify(body)).toBe(400)
      expect(refused.json.error.code).toBe('invalid_payload')
      expect(refused.json.error.message).toContain(message)
    }
    const notJson = await clients.lead.request('PATCH', `/api/documents/${documentId}`, '{distribution', { 'content-type': 'application/json' })
    expect(notJson.json.error.code).toBe('invalid_json')
    expect((await clients.lead.request('PATCH', '/api/documents/no-such-document', { distribution: 'limited' })).status).toBe(404)
    expect((await record()).document).toEqual(before)
  })

  it('puts the metadata in the masthead of the DOCX for submission', async () => {
    const exported = await download(server, tokens.delegation, `/api/documents/${documentId}/export?format=docx`)
    expect(exported.status).toBe(200)
    const texts = paragraphTexts(readDocx(exported.bytes).document)
    expect(texts.slice(0, 9)).toEqual([
      'United Nations\tA/AC.292/2026/DTG.1/CRP.2',
      'Global Mechanism on ICT security',
      'Distr.: General',
      expect.stringMatching(/^\d{1,2} [A-Z][a-z]+ 20\d\d$/),
      '',
      'Original: English',
      'First session',
      'Item 3 of the provisional agenda',
      'Recommendations on critical infrastructure',
    ])
  })

  it('exports the current text and any revision as Akoma Ntoso, a recommendation keeping its eId across revisions', async () => {
    const rev1 = (await clients.lead.post(`/api/documents/${documentId}/revisions`, { label: 'Rev.1' })).json.revision
    write(writer, secondText)
    expect(rev1.label).toBe('Rev.1')
    await eventually(
      async () => new TextDecoder().decode((await download(server, tokens.delegation, `/api/documents/${documentId}/export?format=akn`)).bytes).includes('five times'),
      'the second text to be stored',
    )

    const current = await download(server, tokens.stakeholder, `/api/documents/${documentId}/export?format=akn`)
    expect(current.status).toBe(200)
    expect(current.headers.get('content-type')).toBe('application/xml; charset=utf-8')
    expect(current.headers.get('content-disposition')).toBe('attachment; filename="A-AC.292-2026-DTG.1-CRP.2.xml"')
    const currentXml = new TextDecoder().decode(current.bytes)
    const first = await download(server, tokens.stakeholder, `/api/documents/${documentId}/export?format=akn&revision=${rev1.id}`)
    expect(first.headers.get('content-disposition')).toBe('attachment; filename="A-AC.292-2026-DTG.1-CRP.2-Rev.1.xml"')
    // The compilations are named like the export, by the document's symbol.
    const compilation = await download(server, tokens.stakeholder, `/api/documents/${documentId}/compilation?format=md&by=delegation`)
    expect(compilation.headers.get('content-disposition')).toBe('attachment; filename="A-AC.292-2026-DTG.1-CRP.2-written-inputs-by-delegation.md"')
    const proposals = await download(server, tokens.stakeholder, `/api/documents/${documentId}/proposals/compilation?format=md&revision=${rev1.id}`)
    expect(proposals.headers.get('content-disposition')).toBe('attachment; filename="A-AC.292-2026-DTG.1-CRP.2-proposals-Rev.1.md"')
    const firstXml = new TextDecoder().decode(first.bytes)
    fs.mkdirSync(exportDir, { recursive: true })
    fs.writeFileSync(path.join(exportDir, 'submission.akn.xml'), currentXml)

    expect(firstXml).toContain('<paragraph eId="rec_rec-points-of-contact" class="recommendation"><num>R1.</num>')
    expect(currentXml).toContain('<paragraph eId="rec_rec-points-of-contact" class="recommendation"><num>R2.</num>')
    expect(currentXml).toContain('<paragraph eId="rec_rec-infrastructure" class="recommendation"><num>R1.</num>')
    expect(firstXml).toContain('<FRBRversionNumber value="Rev.1"/>')
    expect(currentXml).not.toContain('FRBRversionNumber')
    expect(currentXml).toContain('<FRBRnumber value="A/AC.292/2026/DTG.1/CRP.2"/>')
    expect(currentXml).toContain('<docProponent>Global Mechanism on ICT security</docProponent>')
    expect(currentXml).toContain('refersTo="#fw_norm-g">Norm g</ref>')
    // The work is the same document whichever revision is exported.
    const workUri = (xml: string) => /<FRBRWork>[\s\S]*?<FRBRuri value="([^"]+)"/.exec(xml)?.[1]
    expect(workUri(firstXml)).toBe(workUri(currentXml))
  })

  const schemaCheck = needing({ xmllint: 'libxml2-utils' }, 'serves Akoma Ntoso that validates against the AKN 3.0 schema')
  it.runIf(schemaCheck.run)(schemaCheck.name, async () => {
    const exported = await download(server, tokens.delegation, `/api/documents/${documentId}/export?format=akn`)
    const result = validateAkomaNtoso(new TextDecoder().decode(exported.bytes))
    expect(result.valid, `xmllint: ${result.errors}`).toBe(true)
  })

  it('refuses Akoma Ntoso for an invalid draft with 422 naming the recommendation, like DOCX; a working copy still exports', async () => {
    write(writer, doc(paragraph('Text.'), recommendation('rec-unlinked', [], 'A recommendation without a link.')))
    await eventually(async () => (await clients.delegation.get(`/api/documents/${documentId}/status`)).json.valid === false, 'the invalid draft to be stored')
    const refused = await clients.delegation.get(`/api/documents/${documentId}/export?format=akn`)
    expect(refused.status).toBe(422)
    expect(refused.json.error.code).toBe('draft_invalid')
    expect(refused.json.error.details).toEqual(expect.arrayContaining([expect.objectContaining({ recommendationId: 'rec-unlinked' })]))
    const working = await download(server, tokens.delegation, `/api/documents/${documentId}/export?format=akn&working=1`)
    expect(working.status).toBe(200)
    expect(new TextDecoder().decode(working.bytes)).toContain('<docStatus>Draft - not for submission</docStatus>')
    write(writer, secondText)
  })
})
