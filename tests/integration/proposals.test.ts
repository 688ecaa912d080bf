import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MemberDirectory } from '../../server/auth/members.ts'
import { placeAnchor } from '../../shared/anchor/placeAnchor.ts'
import { openSqlite } from '../../server/store/sqlite.ts'
import { doc, heading, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import type { RegionalGroup, Role } from '../../shared/schema/member.ts'
import { Proposal, ProposalCompilation, ProposalEvent } from '../../shared/schema/proposals.ts'
import { connectClient, waitFor, type TestClient } from '../helpers/clients.ts'
import { openEvents, type EventStream } from '../helpers/events.ts'
import { ApiClient } from '../helpers/http.ts'
import { anchorOn, blockTexts, textHolding } from '../helpers/passages.ts'
import { paragraphTexts, readDocx } from '../helpers/readDocx.ts'
import { startTestServer, tempDataDir, type TestServer, enrol } from '../helpers/server.ts'


const draft = doc(
  heading(1, 'Recommendations'),
  paragraph('States should cooperate to protect critical infrastructure.'),
  paragraph('The group met twice in 2027.'),
  recommendation('rec-1', ['norm-g'], 'States should designate a national point of contact.'),
)

type Person = 'secretariat' | 'lead' | 'kenya' | 'kenya2' | 'brazil' | 'norway' | 'stakeholder'

describe('proposals', () => {
  let server: TestServer
  let dataDir: string
  let workspaceId: string
  const clients: TestClient[] = []
  const streams: EventStream[] = []
  const people = {} as Record<Person, { id: number; token: string; api: ApiClient }>

  const client = (documentId: string, token: string) => {
    const c = connectClient(server.wsUrl, documentId, token)
    clients.push(c)
    return c
  }

  /** A new document holding the draft, written by its co-facilitator over y-websocket and stored. */
  async function seededDocument(): Promise<{ id: string; writer: TestClient }> {
    const created = await people.lead.api.post(`/api/workspaces/${workspaceId}/documents`, { title: 'Recommendations', kind: 'working-draft' })
    expect(created.status).toBe(201)
    const id = created.json.document.id as string
    const writer = client(id, people.lead.token)
    await writer.synced
    Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(draftSchema, draft, 'content')))
    const witness = client(id, people.kenya.token)
    await waitFor(() => witness.doc.getXmlFragment('content').length === draft.content!.length, 'the draft to reach the server')
    return { id, writer }
  }

  const propose = (as: Person, documentId: string, body: unknown) => people[as].api.post(`/api/documents/${documentId}/proposals`, body)
  const act = (as: Person, documentId: string, proposalId: string, action: string, body?: unknown) =>
    people[as].api.post(`/api/documents/${documentId}/proposals/${proposalId}/${action}`, body)
  const list = async (documentId: string, query = '') => {
    const answer = await people.kenya.api.get(`/api/documents/${documentId}/proposals${query}`)
    expect(answer.status).toBe(200)
    return answer.json.proposals.map((proposal: unknown) => Proposal.parse(proposal))
  }

  beforeAll(async () => {
    dataDir = tempDataDir()
    const enrolled = {
      secretariat: await enrol(dataDir, 'Secretariat officer', 'secretariat'),
      lead: await enrol(dataDir, 'Co-facilitator Singapore', 'cofacilitator', 'Singapore', 'asia-pacific'),
      kenya: await enrol(dataDir, 'Delegate of Kenya', 'delegation', 'Kenya', 'african'),
      kenya2: await enrol(dataDir, 'Second delegate of Kenya', 'delegation', 'Kenya', 'african'),
      brazil: await enrol(dataDir, 'Delegate of Brazil', 'delegation', 'Brazil', 'latin-american-caribbean'),
      norway: await enrol(dataDir, 'Delegate of Norway', 'delegation', 'Norway', 'weog'),
      stakeholder: await enrol(dataDir, 'Access Now', 'stakeholder', 'Access Now'),
    }
    server = await startTestServer(dataDir, { MAX_PROPOSAL_CHARS: '500', API_WRITES_PER_MINUTE: '0' })
    for (const [role, { id, token }] of Object.entries(enrolled)) people[role as Person] = { id, token, api: new ApiClient(server.url, token) }
    const created = await people.secretariat.api.post('/api/workspaces', { dtg: 1, year: 2027, title: 'DTG 1 in 2027' })
    workspaceId = created.json.id
    expect((await people.secretariat.api.put(`/api/workspaces/${workspaceId}/cofacilitators/${people.lead.id}`)).status).toBe(200)
  })
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy()
    for (const s of streams.splice(0)) s.close()
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('Kenya proposes, Brazil supports, Norway objects, the co-facilitator accepts: every editor has the text, Kenya is credited', async () => {
    const { id, writer } = await seededDocument()
    const editors = [writer, client(id, people.brazil.token), client(id, people.norway.token)]
    await Promise.all(editors.map((editor) => editor.synced))
    const stream = await openEvents(server, id, people.brazil.token)
    streams.push(stream)

    const proposed = await propose('kenya', id, { kind: 'replace', anchor: anchorOn(writer.doc, 'should cooperate'), text: 'shall cooperate', explanation: 'Stronger.' })
    expect(proposed.status).toBe(201)
    const proposal = Proposal.parse(proposed.json.proposal)
    expect(proposal).toMatchObject({
      kind: 'replace',
      quote: 'should cooperate',
      text: 'shall cooperate',
      status: 'open',
      outdated: false,
      proposer: { delegation: 'Kenya', member: { id: people.kenya.id } },
      place: { blockKind: 'paragraph', number: 1, label: 'para. 1' },
    })
    // Not in the text until accepted.
    expect(blockTexts(writer.doc)[1]).toBe('States should cooperate to protect critical infrastructure.')
    expect(ProposalEvent.parse(await stream.next('proposal', (data) => data.change === 'created'))).toMatchObject({ proposal: { id: proposal.id } })

    expect((await act('brazil', id, proposal.id, 'stance', { stance: 'support' })).status).toBe(200)
    expect((await act('norway', id, proposal.id, 'stance', { stance: 'support' })).status).toBe(200)
    const objected = await act('norway', id, proposal.id, 'stance', { stance: 'object', reason: 'Goes beyond agreed language.' })
    expect(objected.json.proposal.stances).toEqual([
      expect.objectContaining({ delegation: 'Brazil', stance: 'support', reason: null }),
      expect.objectContaining({ delegation: 'Norway', stance: 'object', reason: 'Goes beyond agreed language.' }),
    ])
    expect(await stream.next('proposal', (data) => data.change === 'stance' && data.proposal.stances.length === 2)).not.toBeNull()

    const accepted = await act('lead', id, proposal.id, 'accept')
    expect(accepted.status).toBe(200)
    expect(accepted.json.proposal).toMatchObject({ status: 'accepted', creditedTo: 'Kenya', decision: { status: 'accepted', by: { id: people.lead.id } } })
    for (const editor of editors) {
      await waitFor(() => blockTexts(editor.doc)[1] === 'States shall cooperate to protect critical infrastructure.', 'the accepted text to reach every editor')
    }
    expect(await stream.next('proposal', (data) => data.change === 'accepted')).toMatchObject({ proposal: { creditedTo: 'Kenya' } })
    const contributors = await people.lead.api.get(`/api/documents/${id}/contributors`)
    expect(contributors.json.contributors.map((entry: { author: { name: string } }) => entry.author.name)).toContain('Delegate of Kenya')
  })

  it('names the proposer of an accepted change in the comparison and its redline', async () => {
    const { id, writer } = await seededDocument()
    const cut = await people.lead.api.post(`/api/documents/${id}/revisions`, { label: 'Zero draft' })
    expect(cut.status).toBe(201)
    const proposed = await propose('kenya', id, { kind: 'insert', anchor: anchorOn(writer.doc, 'twice', true), text: 'in person ' })
    expect((await act('lead', id, proposed.json.proposal.id, 'accept')).status).toBe(200)
    await waitFor(() => blockTexts(writer.doc)[2] === 'The group met in person twice in 2027.', 'the accepted insertion')
    const compared = await people.brazil.api.get(`/api/documents/${id}/compare?from=${cut.json.revision.id}&to=current`)
    expect(compared.status).toBe(200)
    const changed = compared.json.comparison.blocks.filter((block: { change: string }) => block.change !== 'unchanged')
    expect(changed.map((block: { credits?: string[] }) => block.credits)).toEqual([['inserted on the proposal of Kenya']])
    // The same credit as data, for the interface to word in the reader's language.
    expect(changed.map((block: { creditedTo?: unknown[] }) => block.creditedTo)).toEqual([[{ kind: 'insert', delegation: 'Kenya' }]])
    const response = await fetch(`${server.url}/api/documents/${id}/compare/export?from=${cut.json.revision.id}&to=current&format=html`, {
      headers: { authorization: `Bearer ${people.brazil.token}` },
    })
    expect(await response.text()).toContain('(inserted on the proposal of Kenya)')
  })

  it('refuses a stakeholder, ignores a forged author, and keeps proposals to their delegation', async () => {
    const { id, writer } = await seededDocument()
    const anchor = anchorOn(writer.doc, 'met twice')
    const refused = await propose('stakeholder', id, { kind: 'replace', anchor, text: 'met three times' })
    expect(refused.status).toBe(403)
    expect(refused.json.error.message).toContain('State-led')

    const forged = await propose('brazil', id, {
      kind: 'replace',
      anchor,
      text: 'met three times',
      proposer: { delegation: 'Kenya', member: { id: people.kenya.id } },
      author: 'Kenya',
      delegation: 'Kenya',
    })
    expect(forged.status).toBe(201)
    expect(forged.json.proposal.proposer).toMatchObject({ delegation: 'Brazil', member: { id: people.brazil.id } })
    const proposalId = forged.json.proposal.id

    const path = `/api/documents/${id}/proposals/${proposalId}`
    expect((await people.kenya.api.request('PATCH', path, { text: 'met once' })).status).toBe(403)
    expect((await act('kenya', id, proposalId, 'withdraw')).status).toBe(403)
    const own = await act('brazil', id, proposalId, 'stance', { stance: 'support' })
    expect(own.status).toBe(403)
    expect(own.json.error.code).toBe('own_proposal')
    expect((await act('kenya', id, proposalId, 'accept')).status).toBe(403)
    const edited = await people.brazil.api.request('PATCH', path, { text: 'met four times', explanation: 'Corrected.' })
    expect(edited.json.proposal).toMatchObject({ text: 'met four times', explanation: 'Corrected.' })
    expect((await act('brazil', id, proposalId, 'withdraw')).json.proposal.status).toBe('withdrawn')
    const late = await act('lead', id, proposalId, 'accept')
    expect(late.status).toBe(409)
    expect(late.json.error.code).toBe('proposal_decided')
    expect((await people.brazil.api.request('PATCH', path, { text: 'again' })).status).toBe(409)
  })

  it('lets another member of the proposing delegation edit; the secretariat and leads propose too', async () => {
    const { id, writer } = await seededDocument()
    const proposed = await propose('kenya', id, { kind: 'insert', anchor: anchorOn(writer.doc, 'twice', true), text: 'formally ' })
    const proposalId = proposed.json.proposal.id as string
    const edit = (body: unknown) => people.kenya2.api.request('PATCH', `/api/documents/${id}/proposals/${proposalId}`, body)
    expect((await act('brazil', id, proposalId, 'stance', { stance: 'support', reason: 'Fine wording.' })).status).toBe(200)
    // An explanation changes no wording: the support stands.
    expect((await edit({ explanation: 'As discussed on Tuesday.' })).json.proposal.stances).toHaveLength(1)
    // New wording: support given to the old one is not support for it.
    const edited = await edit({ text: 'in person ' })
    expect(edited.status).toBe(200)
    expect(edited.json.proposal).toMatchObject({ text: 'in person ', stances: [] })
    // A stance given on the wording as it was read before the edit is refused; on the new one it is taken.
    const stale = await act('norway', id, proposalId, 'stance', { stance: 'object', updatedAt: proposed.json.proposal.updatedAt })
    expect([stale.status, stale.json.error.code]).toEqual([409, 'proposal_changed'])
    const fresh = await act('norway', id, proposalId, 'stance', { stance: 'object', updatedAt: edited.json.proposal.updatedAt })
    expect(fresh.json.proposal.stances).toEqual([expect.objectContaining({ delegation: 'Norway', stance: 'object' })])
    const bySecretariat = await propose('secretariat', id, { kind: 'delete', anchor: anchorOn(writer.doc, ' in 2027') })
    expect(bySecretariat.json.proposal.proposer.delegation).toBe('Secretariat')
    expect((await propose('lead', id, { kind: 'paragraph', anchor: anchorOn(writer.doc, 'met', true), text: 'A new paragraph.' })).status).toBe(201)
  })

  it('keeps the anchor through concurrent edits before the decision', async () => {
    const { id, writer } = await seededDocument()
    const proposed = await propose('kenya', id, { kind: 'replace', anchor: anchorOn(writer.doc, 'critical infrastructure'), text: 'all critical infrastructure' })
    const other = client(id, people.lead.token)
    await other.synced
    other.doc.transact(() => {
      const fragment = other.doc.getXmlFragment('content')
      const added = new Y.XmlElement('paragraph')
      fragment.insert(1, [added])
      added.insert(0, [new Y.XmlText('A paragraph added meanwhile.')])
      textHolding(other.doc, 'critical infrastructure').insert(0, 'All ')
    })
    await waitFor(() => blockTexts(writer.doc)[1] === 'A paragraph added meanwhile.', 'the concurrent edit')
    const [listed] = (await list(id)).filter((proposal: Proposal) => proposal.id === proposed.json.proposal.id)
    expect(listed.place).toMatchObject({ label: 'para. 2' })
    expect((await act('lead', id, listed.id, 'accept')).status).toBe(200)
    await waitFor(() => blockTexts(other.doc)[2] === 'All States should cooperate to protect all critical infrastructure.', 'the accepted text')
  })

  it('reports a replacement whose passage was typed into since as outdated where it stands: accepting it would lose the words typed', async () => {
    const { id, writer } = await seededDocument()
    const proposed = await propose('kenya', id, { kind: 'replace', anchor: anchorOn(writer.doc, 'critical infrastructure'), text: 'essential services' })
    const proposalId = proposed.json.proposal.id as string
    const xmlText = textHolding(writer.doc, 'critical infrastructure')
    writer.doc.transact(() => xmlText.insert(xmlText.toString().indexOf(' infrastructure'), ' and vital'))
    let listed: Proposal | undefined
    for (let attempt = 0; attempt < 50 && !listed?.outdated; attempt++) {
      if (attempt > 0) await new Promise((resolve) => setTimeout(resolve, 100))
      listed = (await list(id)).find((proposal: Proposal) => proposal.id === proposalId)
    }
    expect(listed).toMatchObject({ outdated: true, quote: 'critical infrastructure', place: { label: 'para. 1' } })
    const accept = await act('lead', id, proposalId, 'accept')
    expect(accept.status).toBe(409)
    expect(accept.json.error.code).toBe('proposal_outdated')
    expect(blockTexts(writer.doc)[1]).toBe('States should cooperate to protect critical and vital infrastructure.')
    expect((await list(id)).find((proposal: Proposal) => proposal.id === proposalId)?.status).toBe('open')
    // The accept given back changed nothing in the proposal: a stance on it as it was read still holds.
    const stance = await act('brazil', id, proposalId, 'stance', { stance: 'support', updatedAt: listed!.updatedAt })
    expect(stance.status).toBe(200)
  })

  it('brackets competing proposals on one passage as alternatives of one block, and keeps a comment on it attached', async () => {
    const { id, writer } = await seededDocument()
    const kenya = await propose('kenya', id, { kind: 'replace', anchor: anchorOn(writer.doc, 'critical infrastructure'), text: 'essential services' })
    const brazil = await propose('brazil', id, { kind: 'replace', anchor: anchorOn(writer.doc, 'critical infrastructure'), text: 'vital systems' })
    const thread = await people.norway.api.post(`/api/documents/${id}/threads`, { anchor: anchorOn(writer.doc, 'protect critical'), body: 'Which infrastructure?' })
    expect(thread.status).toBe(201)
    expect((await act('lead', id, kenya.json.proposal.id, 'bracket')).status).toBe(200)
    const competing = (await list(id)).find((proposal: Proposal) => proposal.id === brazil.json.proposal.id)
    expect(competing).toMatchObject({ outdated: false, place: { label: 'para. 1' } })
    expect((await act('lead', id, brazil.json.proposal.id, 'bracket')).status).toBe(200)
    // One block of three alternatives (the helper joins them with " | "): as it stood, Kenya's, Brazil's.
    const alternatives = 'States should cooperate to protect critical infrastructure. | States should cooperate to protect essential services. | States should cooperate to protect vital systems.'
    await waitFor(() => blockTexts(writer.doc)[1] === alternatives, `the alternatives in the text: ${JSON.stringify(blockTexts(writer.doc))}`)
    expect(blockTexts(writer.doc)).toHaveLength(4)
    const threads = (await people.norway.api.get(`/api/documents/${id}/threads`)).json.threads
    const carried = threads.find((candidate: { id: string }) => candidate.id === thread.json.thread.id)
    const placed = placeAnchor(writer.doc, writer.doc.getXmlFragment('content'), carried.anchor)
    expect(placed.detached).toBe(false)
  })

  it('reports a proposal whose text was deleted as outdated: not accepted, still rejected or bracketed, never lost', async () => {
    const { id, writer } = await seededDocument()
    const first = await propose('kenya', id, { kind: 'replace', anchor: anchorOn(writer.doc, 'met twice'), text: 'met three times' })
    const second = await propose('brazil', id, { kind: 'replace', anchor: anchorOn(writer.doc, 'twice'), text: 'often' })
    const xmlText = textHolding(writer.doc, 'met twice')
    writer.doc.transact(() => xmlText.delete(xmlText.toString().indexOf('met twice'), 'met twice'.length))
    let listed: Proposal[] = []
    // The deletion reaches the server over the socket; the list is read again until it shows.
    for (let attempt = 0; attempt < 50; attempt++) {
      listed = await list(id)
      if (listed.filter((proposal) => proposal.outdated).length === 2) break
      await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(listed.map((proposal) => [proposal.id, proposal.outdated, proposal.place])).toEqual([
      [first.json.proposal.id, true, null],
      [second.json.proposal.id, true, null],
    ])
    const accept = await act('lead', id, first.json.proposal.id, 'accept')
    expect(accept.status).toBe(409)
    expect(accept.json.error.code).toBe('proposal_outdated')
    expect((await list(id)).find((proposal: Proposal) => proposal.id === first.json.proposal.id)?.status).toBe('open')
    expect((await act('lead', id, first.json.proposal.id, 'reject', { reason: 'Overtaken by events.' })).json.proposal).toMatchObject({
      status: 'rejected',
      decision: { reason: 'Overtaken by events.' },
    })
    expect((await act('lead', id, second.json.proposal.id, 'bracket')).json.proposal.status).toBe('bracketed')
    await waitFor(() => blockTexts(writer.doc)[2].includes('often'), 'the bracketed text')
  })

  it('gives exactly one of two simultaneous accepts; the other gets 409 and the text changes once', async () => {
    const { id, writer } = await seededDocument()
    const proposed = await propose('kenya', id, { kind: 'insert', anchor: anchorOn(writer.doc, 'national', true), text: 'single ' })
    const proposalId = proposed.json.proposal.id
    const answers = await Promise.all([act('lead', id, proposalId, 'accept'), act('secretariat', id, proposalId, 'accept'), act('lead', id, proposalId, 'reject', { reason: 'No.' })])
    expect(answers.map((answer) => answer.status).sort()).toEqual([200, 409, 409])
    for (const loser of answers.filter((answer) => answer.status === 409)) expect(loser.json.error.code).toBe('proposal_decided')
    if (answers[2].status === 200) return
    await waitFor(() => blockTexts(writer.doc)[3].includes('single national'), `the accepted insertion: ${JSON.stringify(answers.map((a) => a.json))} ${blockTexts(writer.doc)}`)
    expect(blockTexts(writer.doc)[3]).toBe('States should designate a single national point of contact.')
  })

  it('blocks the submission export (422) while a bracketed alternative remains; the working copy prints it', async () => {
    const { id, writer } = await seededDocument()
    const proposed = await propose('kenya', id, { kind: 'replace', anchor: anchorOn(writer.doc, 'should cooperate'), text: 'shall cooperate' })
    // A note holding the NUL character is refused before anything is decided, as in every other payload.
    const nul = await act('lead', id, proposed.json.proposal.id, 'bracket', { note: 'to be\u0000 settled' })
    expect([nul.status, nul.json.error.code]).toEqual([400, 'invalid_text'])
    expect((await act('lead', id, proposed.json.proposal.id, 'bracket')).status).toBe(200)
    await waitFor(() => writer.doc.getXmlFragment('content').toArray().some((node) => (node as Y.XmlElement).nodeName === 'alternatives'), 'the alternatives')
    let status: any = null
    for (let attempt = 0; attempt < 50 && status?.negotiation?.alternatives !== 1; attempt++) {
      status = (await people.kenya.api.get(`/api/documents/${id}/status`)).json
      if (status.negotiation?.alternatives !== 1) await new Promise((resolve) => setTimeout(resolve, 100))
    }
    expect(status).toMatchObject({ valid: true, submittable: false, negotiation: { brackets: 0, alternatives: 1 } })
    const refused = await people.kenya.api.get(`/api/documents/${id}/export?format=md`)
    expect(refused.status).toBe(422)
    expect(refused.json.error.code).toBe('draft_under_negotiation')
    const working = await people.kenya.api.get(`/api/documents/${id}/export?format=md&working=1`)
    expect(working.status).toBe(200)
    expect(working.json).toContain('Alt 1: States should cooperate to protect critical infrastructure.')
    expect(working.json).toContain('Alt 2 (Kenya): States shall cooperate to protect critical infrastructure.')
    // A revision can still be cut: Rev.1 with its alternatives is how negotiation goes on.
    expect((await people.lead.api.post(`/api/documents/${id}/revisions`, { label: 'Rev.1' })).status).toBe(201)
  })

  it('answers bad input with a 4xx naming the problem, and stores nothing', async () => {
    const { id, writer } = await seededDocument()
    const anchor = anchorOn(writer.doc, 'met twice')
    const cases: Array<[unknown, number, string]> = [
      [{ kind: 'replace', anchor, text: '   ' }, 400, 'text must not be empty'],
      [{ kind: 'replace', anchor, text: 'x'.repeat(501) }, 400, 'text must be at most 500 characters'],
      [{ kind: 'recommendation', anchor, text: 'New.', refs: [] }, 400, 'refs must name at least one framework element'],
      [{ kind: 'recommendation', anchor, text: 'New.' }, 400, 'refs is required'],
      [{ kind: 'recommendation', anchor, text: 'New.', refs: ['norm-zz'] }, 422, '"norm-zz" is not in the framework catalogue'],
      [{ kind: 'relink', recommendationId: 'no-such-rec', refs: ['cbm-7'] }, 422, 'there is no recommendation "no-such-rec"'],
      [{ kind: 'replace', anchor: { ...anchor, start: 'not a position' }, text: 'x' }, 400, 'anchor.start'],
      [{ kind: 'replace', anchor: { start: anchor.start, end: anchorOn(writer.doc, 'national').end, quote: 'x' }, text: 'x' }, 422, 'within one paragraph'],
      [{ kind: 'amend', anchor, text: 'x' }, 400, 'kind must be one of'],
      ['not json', 400, 'JSON'],
    ]
    for (const [body, status, message] of cases) {
      const answer = await people.kenya.api.request('POST', `/api/documents/${id}/proposals`, body, { 'content-type': 'application/json' })
      expect([answer.status, answer.json.error.message], JSON.stringify(body)).toEqual([status, expect.stringContaining(message)])
    }
    // An anchor on text another copy of the document holds, never sent to the server.
    const stranger = prosemirrorJSONToYDoc(draftSchema, doc(paragraph('Text from elsewhere.')), 'content')
    const unknown = await propose('kenya', id, { kind: 'replace', anchor: anchorOn(stranger, 'elsewhere'), text: 'x' })
    expect([unknown.status, unknown.json.error.code]).toEqual([422, 'anchor_unknown'])
    expect(await list(id)).toEqual([])
    expect((await people.kenya.api.get(`/api/documents/${id}/proposals/nope`)).status).toBe(404)
    expect((await act('lead', id, 'nope', 'accept')).status).toBe(404)
  })

  it('compiles the text block by block with every proposal under it, and records the proposals open when a revision is cut', async () => {
    const { id, writer } = await seededDocument()
    const replace = await propose('kenya', id, { kind: 'replace', anchor: anchorOn(writer.doc, 'should cooperate'), text: 'shall cooperate' })
    await act('brazil', id, replace.json.proposal.id, 'stance', { stance: 'support' })
    await act('norway', id, replace.json.proposal.id, 'stance', { stance: 'object', reason: 'Too strong.' })
    await propose('brazil', id, { kind: 'relink', recommendationId: 'rec-1', refs: ['norm-g', 'cbm-7'] })
    const cut = await people.lead.api.post(`/api/documents/${id}/revisions`, { label: 'Rev.1' })
    expect(cut.status).toBe(201)
    await act('lead', id, replace.json.proposal.id, 'reject', { reason: 'No consensus.' })

    const compiled = await people.kenya.api.get(`/api/documents/${id}/proposals/compilation?format=json`)
    const compilation = ProposalCompilation.parse(compiled.json)
    expect(compilation.blocks.map((block) => [block.label, block.proposals.map((proposal) => `${proposal.kind} ${proposal.proposer} ${proposal.status}`)])).toEqual([
      ['', []],
      ['1.', ['replace Kenya rejected']],
      ['2.', []],
      ['R1', ['relink Brazil open']],
    ])
    expect(compilation.blocks[1].proposals[0]).toMatchObject({
      supporters: [{ delegation: 'Brazil', reason: null }],
      objectors: [{ delegation: 'Norway', reason: 'Too strong.' }],
      decision: { status: 'rejected', reason: 'No consensus.' },
    })

    const atRevision = await people.kenya.api.get(`/api/documents/${id}/proposals/compilation?format=json&revision=${cut.json.revision.id}`)
    expect(atRevision.json.revision).toEqual({ id: cut.json.revision.id, label: 'Rev.1' })
    expect(atRevision.json.blocks[1].proposals.map((proposal: { status: string }) => proposal.status)).toEqual(['open'])
    const recorded = await people.kenya.api.get(`/api/documents/${id}/proposals?revision=${cut.json.revision.id}`)
    expect(recorded.json.proposals).toHaveLength(2)

    const markdown = await people.kenya.api.get(`/api/documents/${id}/proposals/compilation?format=md`)
    expect(markdown.headers.get('content-type')).toContain('text/markdown')
    expect(markdown.json).toContain('Replace (Kenya): rejected')
    expect(markdown.json).toContain('Objections: Norway (Too strong.)')
    const response = await fetch(`${server.url}/api/documents/${id}/proposals/compilation?format=docx`, { headers: { authorization: `Bearer ${people.kenya.token}` } })
    expect(response.status).toBe(200)
    const texts = paragraphTexts(readDocx(new Uint8Array(await response.arrayBuffer())).document).flatMap((text) => text.split('\n'))
    expect(texts).toContain('Change of links (Brazil): open')
    expect(texts).toContain('Supported by: Brazil')
    expect((await people.kenya.api.get(`/api/documents/${id}/proposals/compilation?format=pdf`)).status).toBe(400)
  })
})
