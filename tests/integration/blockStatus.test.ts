import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import * as decoding from 'lib0/decoding'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { MemberDirectory } from '../../server/auth/members.ts'
import { openSqlite } from '../../server/store/sqlite.ts'
import { SqliteDocumentStore } from '../../server/store/sqliteDocuments.ts'
import { blockKeys } from '../../shared/collab/blockKey.ts'
import { CloseCode } from '../../shared/collab/closeCodes.ts'
import { BlockStatusAudit, BlockStatusList } from '../../shared/schema/blockStatus.ts'
import { DocumentStatus } from '../../shared/schema/document.ts'
import { doc, heading, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import type { Role } from '../../shared/schema/member.ts'
import { connectClient, sleep, waitFor, type TestClient } from '../helpers/clients.ts'
import { openEvents, type EventStream } from '../helpers/events.ts'
import { ApiClient } from '../helpers/http.ts'
import { anchorOn, blockTexts, textHolding } from '../helpers/passages.ts'
import { openRawSocket, syncUpdateFrame } from '../helpers/rawSocket.ts'
import { startTestServer, tempDataDir, type TestServer, enrol } from '../helpers/server.ts'


/** Everything the store holds for a document, as one byte string: unchanged means nothing was stored. */
async function storedBytes(dataDir: string, documentId: string): Promise<string> {
  const db = openSqlite(dataDir)
  try {
    const { state, updates } = await new SqliteDocumentStore(db).load(documentId)
    return Buffer.concat([state ?? new Uint8Array(), ...updates]).toString('base64')
  } finally {
    db.close()
  }
}

const draft = doc(
  heading(1, 'Recommendations'),
  paragraph('States should cooperate to protect critical infrastructure.'),
  paragraph('The group met twice in 2027.'),
  recommendation('rec-1', ['norm-g'], 'States should designate a national point of contact.'),
  paragraph('Capacity-building should be demand-driven.'),
)

/** The reason of the first permission-denied message among frames the server sent, or null. */
function denialIn(frames: Uint8Array[]): string | null {
  for (const frame of frames) {
    const decoder = decoding.createDecoder(frame)
    if (decoding.readVarUint(decoder) !== 2) continue
    decoding.readVarUint(decoder)
    return decoding.readVarString(decoder)
  }
  return null
}

type Person = 'secretariat' | 'lead' | 'kenya'

describe('paragraph status and the lock on agreed text', () => {
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

  /** A new document holding the draft, written by its co-facilitator over y-websocket, and a delegation's copy of it. */
  async function seededDocument() {
    const created = await people.lead.api.post(`/api/workspaces/${workspaceId}/documents`, { title: 'Recommendations', kind: 'working-draft' })
    expect(created.status).toBe(201)
    const id = created.json.document.id as string
    const writer = client(id, people.lead.token)
    await writer.synced
    Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(draftSchema, draft, 'content')))
    const witness = client(id, people.kenya.token)
    await waitFor(() => witness.doc.getXmlFragment('content').length === draft.content!.length, 'the draft to reach the server')
    const keys = blockKeys(witness.doc)
    return { id, writer, witness, keys }
  }

  /** A raw Yjs client: a copy of what `from` holds, edited, sent as one update over a bare socket. */
  async function rawEdit(documentId: string, from: Y.Doc, edit: (content: Y.XmlFragment) => void) {
    const copy = new Y.Doc()
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(from))
    const before = Y.encodeStateVector(copy)
    copy.transact(() => edit(copy.getXmlFragment('content')))
    const update = Y.encodeStateAsUpdate(copy, before)
    const socket = await openRawSocket(`${server.wsUrl}/${documentId}?token=${people.lead.token}`)
    socket.send(syncUpdateFrame(update))
    return socket
  }

  const setStatus = (as: Person, documentId: string, body: unknown) => people[as].api.put(`/api/documents/${documentId}/blocks/status`, body)
  const statuses = async (documentId: string) => BlockStatusList.parse((await people.kenya.api.get(`/api/documents/${documentId}/blocks/status`)).json)

  beforeAll(async () => {
    dataDir = tempDataDir()
    const enrolled = {
      secretariat: await enrol(dataDir, 'Secretariat officer', 'secretariat'),
      lead: await enrol(dataDir, 'Co-facilitator Singapore', 'cofacilitator', 'Singapore'),
      kenya: await enrol(dataDir, 'Delegate of Kenya', 'delegation', 'Kenya'),
    }
    server = await startTestServer(dataDir, { API_WRITES_PER_MINUTE: '0', MAX_BLOCKS_PER_STATUS_CHANGE: '3' })
    for (const [role, { id, token }] of Object.entries(enrolled)) people[role as Person] = { id, token, api: new ApiClient(server.url, token) }
    workspaceId = (await people.secretariat.api.post('/api/workspaces', { dtg: 1, year: 2027, title: 'DTG 1 in 2027' })).json.id
    expect((await people.secretariat.api.put(`/api/workspaces/${workspaceId}/cofacilitators/${people.lead.id}`)).status).toBe(200)
  })
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy()
    for (const s of streams.splice(0)) s.close()
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('lets the workspace’s leads set the status of several blocks at once, pushed live and counted in the document status', async () => {
    const { id, keys } = await seededDocument()
    const stream = await openEvents(server, id, people.kenya.token)
    streams.push(stream)
    expect((await statuses(id)).blocks).toEqual([])

    expect((await setStatus('kenya', id, { blocks: [keys[1]], status: 'agreed' })).status).toBe(403)
    const set = await setStatus('lead', id, { blocks: [keys[1], keys[3]], status: 'agreed' })
    expect(set.status).toBe(200)
    expect(set.json.blocks.map((record: { block: string; status: string }) => [record.block, record.status]).sort()).toEqual(
      [[keys[1], 'agreed'], [keys[3], 'agreed']].sort(),
    )
    expect(set.json.blocks[0].setBy.name).toBe('Co-facilitator Singapore')
    const event = await stream.next('blockStatus', (data) => data.blocks.length === 2)
    expect(BlockStatusList.parse(event).documentId).toBe(id)
    expect((await people.secretariat.api.put(`/api/documents/${id}/blocks/status`, { blocks: [keys[2]], status: 'negotiating' })).status).toBe(200)

    const counted = await stream.next('status', (data) => data.blocks?.negotiating === 1)
    expect(DocumentStatus.parse(counted).blocks).toEqual({ open: 2, negotiating: 1, agreed: 2 })
    const status = await people.kenya.api.get(`/api/documents/${id}/status`)
    expect(status.json.blocks).toEqual({ open: 2, negotiating: 1, agreed: 2 })
  })

  it('refuses bad input whole: unknown blocks, malformed keys, an agreed block set to anything else', async () => {
    const { id, keys } = await seededDocument()
    expect((await setStatus('lead', id, { blocks: [keys[1]], status: 'agreed' })).status).toBe(200)
    const before = await statuses(id)

    const unknown = await setStatus('lead', id, { blocks: [keys[0], '999999:0'], status: 'negotiating' })
    expect(unknown.status).toBe(422)
    expect(unknown.json.error.code).toBe('block_not_found')
    expect(unknown.json.error.details.blocks).toEqual(['999999:0'])
    const malformed = await setStatus('lead', id, { blocks: ['paragraph 2'], status: 'agreed' })
    expect(malformed.status).toBe(400)
    expect(malformed.json.error.message).toContain('block key')
    expect((await setStatus('lead', id, { blocks: [keys[0]], status: 'done' })).status).toBe(400)
    expect((await setStatus('lead', id, { blocks: [], status: 'agreed' })).status).toBe(400)
    const tooMany = await setStatus('lead', id, { blocks: keys.slice(0, 4), status: 'negotiating' })
    expect(tooMany.status).toBe(400)
    expect(tooMany.json.error.message).toContain('at most 3')
    const agreed = await setStatus('lead', id, { blocks: [keys[0], keys[1]], status: 'open' })
    expect(agreed.status).toBe(409)
    expect(agreed.json.error.code).toBe('block_agreed')
    expect(agreed.json.error.details.blocks).toEqual([keys[1]])
    // Nothing of a refused request was kept, not even for the blocks that were fine.
    expect(await statuses(id)).toEqual(before)
  })

  it('refuses a raw client’s edit inside an agreed block (nothing stored or relayed, 4423) and relays one in an open block', async () => {
    const { id, keys, witness } = await seededDocument()
    expect((await setStatus('lead', id, { blocks: [keys[1]], status: 'agreed' })).status).toBe(200)
    await sleep(100)
    const storedBefore = await storedBytes(dataDir, id)

    const refused = await rawEdit(id, witness.doc, (content) => textHolding(content.doc!, 'should cooperate').insert(7, 'not '))
    const closed = await refused.closed
    expect(closed.code).toBe(CloseCode.agreedTextLocked.code)
    expect(denialIn(refused.received)).toContain('agreed ad referendum')
    expect(denialIn(refused.received)).toContain(keys[1])

    const allowed = await rawEdit(id, witness.doc, (content) => textHolding(content.doc!, 'met twice').insert(0, 'In brief: '))
    await waitFor(() => blockTexts(witness.doc)[2]!.startsWith('In brief: '), 'the edit in the open block to be relayed')
    allowed.ws.close()
    expect(blockTexts(witness.doc)[1]).toBe('States should cooperate to protect critical infrastructure.')
    const storedAfter = await storedBytes(dataDir, id)
    expect(storedAfter).not.toBe(storedBefore)
    // What is stored is the open block's edit alone: the agreed text as it was.
    const db = openSqlite(dataDir)
    try {
      const { state, updates } = await new SqliteDocumentStore(db).load(id)
      const stored = new Y.Doc()
      if (state) Y.applyUpdate(stored, state)
      for (const update of updates) Y.applyUpdate(stored, update)
      expect(blockTexts(stored).slice(1, 3)).toEqual(['States should cooperate to protect critical infrastructure.', 'In brief: The group met twice in 2027.'])
    } finally {
      db.close()
    }
  })

  it('stores nothing of a refused update, byte for byte, whatever it does to the agreed block', async () => {
    const { id, keys, witness } = await seededDocument()
    expect((await setStatus('lead', id, { blocks: [keys[1], keys[3]], status: 'agreed' })).status).toBe(200)
    await sleep(100)
    const storedBefore = await storedBytes(dataDir, id)
    const edits: Array<(content: Y.XmlFragment) => void> = [
      // The agreed paragraph deleted whole.
      (content) => content.delete(1, 1),
      // Text deleted inside it, beside an allowed edit in an open block (one update: refused whole).
      (content) => {
        textHolding(content.doc!, 'should cooperate').delete(0, 7)
        textHolding(content.doc!, 'demand-driven').insert(0, 'All ')
      },
      // The agreed recommendation's links.
      (content) => (content.get(3) as Y.XmlElement).setAttribute('refs', ['norm-a'] as unknown as string),
    ]
    for (const edit of edits) {
      const socket = await rawEdit(id, witness.doc, edit)
      expect((await socket.closed).code).toBe(CloseCode.agreedTextLocked.code)
    }
    await sleep(200)
    expect(await storedBytes(dataDir, id)).toBe(storedBefore)
    expect(blockTexts(witness.doc)).toEqual([
      'Recommendations',
      'States should cooperate to protect critical infrastructure.',
      'The group met twice in 2027.',
      'States should designate a national point of contact.',
      'Capacity-building should be demand-driven.',
    ])
  })

  it('answers a y-websocket client typing into agreed text with permission-denied and 4423, and relays none of it', async () => {
    const { id, keys, witness } = await seededDocument()
    expect((await setStatus('lead', id, { blocks: [keys[1]], status: 'agreed' })).status).toBe(200)
    const typist = client(id, people.lead.token)
    await typist.synced
    textHolding(typist.doc, 'should cooperate').insert(0, 'All ')
    await waitFor(() => typist.closes.length > 0, 'the typist’s connection to be closed')
    expect(typist.closes[0]!.code).toBe(CloseCode.agreedTextLocked.code)
    await waitFor(() => typist.denials.length > 0, 'the permission-denied message')
    expect(typist.denials[0]).toContain('agreed ad referendum')
    // Final: the stock client does not reconnect and send it again.
    await sleep(600)
    expect(typist.provider.wsconnected).toBe(false)
    expect(blockTexts(witness.doc)[1]).toBe('States should cooperate to protect critical infrastructure.')
    // The member's next connection starts from the stored text and may edit open blocks.
    const fresh = client(id, people.lead.token)
    await fresh.synced
    expect(blockTexts(fresh.doc)[1]).toBe('States should cooperate to protect critical infrastructure.')
    textHolding(fresh.doc, 'demand-driven').insert(0, 'All ')
    await waitFor(() => blockTexts(witness.doc)[4] === 'All Capacity-building should be demand-driven.', 'the open block’s edit to be relayed')
  })

  it('refuses an accepted proposal or a restored revision that would change agreed text (409 naming the block), nothing changed', async () => {
    const { id, keys, writer, witness } = await seededDocument()
    const rev = await people.lead.api.post(`/api/documents/${id}/revisions`, { label: 'Zero draft' })
    expect(rev.status).toBe(201)
    textHolding(writer.doc, 'should cooperate').insert(0, 'All ')
    await waitFor(() => blockTexts(witness.doc)[1]!.startsWith('All '), 'the edit to be relayed')
    const proposal = await people.kenya.api.post(`/api/documents/${id}/proposals`, { kind: 'replace', anchor: anchorOn(witness.doc, 'should cooperate'), text: 'shall cooperate' })
    expect(proposal.status).toBe(201)
    expect((await setStatus('lead', id, { blocks: [keys[1]], status: 'agreed' })).status).toBe(200)
    await sleep(100)
    const storedBefore = await storedBytes(dataDir, id)

    const accepted = await people.lead.api.post(`/api/documents/${id}/proposals/${proposal.json.proposal.id}/accept`)
    expect(accepted.status).toBe(409)
    expect(accepted.json.error.code).toBe('agreed_text_locked')
    expect(accepted.json.error.details.blocks).toEqual([keys[1]])
    // The decision was given back: the proposal is still open.
    const listed = await people.kenya.api.get(`/api/documents/${id}/proposals`)
    expect(listed.json.proposals[0].status).toBe('open')

    const restored = await people.lead.api.post(`/api/documents/${id}/revisions/${rev.json.revision.id}/restore`)
    expect(restored.status).toBe(409)
    expect(restored.json.error.code).toBe('agreed_text_locked')
    expect(restored.json.error.details.blocks).toEqual([keys[1]])
    await sleep(100)
    expect(await storedBytes(dataDir, id)).toBe(storedBefore)
    expect(blockTexts(witness.doc)[1]).toBe('All States should cooperate to protect critical infrastructure.')

    // A proposal on an open block is still accepted while another block is agreed.
    const open = await people.kenya.api.post(`/api/documents/${id}/proposals`, { kind: 'replace', anchor: anchorOn(witness.doc, 'twice'), text: 'three times' })
    expect((await people.lead.api.post(`/api/documents/${id}/proposals/${open.json.proposal.id}/accept`)).status).toBe(200)
    await waitFor(() => blockTexts(witness.doc)[2] === 'The group met three times in 2027.', 'the accepted proposal to be relayed')

    // A revision that differs from the text only in open blocks is restored as usual, the agreed block kept as it is.
    const rev1 = await people.lead.api.post(`/api/documents/${id}/revisions`, { label: 'Rev.1' })
    expect(rev1.status).toBe(201)
    textHolding(writer.doc, 'three times').insert(0, 'Not ')
    await waitFor(() => blockTexts(witness.doc)[2]!.startsWith('Not '), 'the edit in the open block to be relayed')
    expect((await people.lead.api.post(`/api/documents/${id}/revisions/${rev1.json.revision.id}/restore`)).status).toBe(200)
    await waitFor(() => blockTexts(witness.doc)[2] === 'The group met three times in 2027.', 'the restored revision to be relayed')
    expect(blockTexts(witness.doc)[1]).toBe('All States should cooperate to protect critical infrastructure.')
    expect(blockKeys(witness.doc)[1]).toBe(keys[1])
  })

  it('reopens agreed text only as an explicit act of a lead, with a reason kept in the audit', async () => {
    const { id, keys, witness } = await seededDocument()
    expect((await setStatus('lead', id, { blocks: [keys[1]], status: 'agreed' })).status).toBe(200)
    expect((await setStatus('lead', id, { blocks: [keys[2]], status: 'negotiating' })).status).toBe(200)
    const reopen = (as: Person, body: unknown) => people[as].api.post(`/api/documents/${id}/blocks/reopen`, body)

    expect((await reopen('kenya', { blocks: [keys[1]], reason: 'We object.' })).status).toBe(403)
    const noReason = await reopen('lead', { blocks: [keys[1]] })
    expect(noReason.status).toBe(400)
    expect(noReason.json.error.message).toContain('reason')
    const notAgreed = await reopen('lead', { blocks: [keys[1], keys[2]], reason: 'Second reading.' })
    expect(notAgreed.status).toBe(409)
    expect(notAgreed.json.error.code).toBe('block_not_agreed')
    expect((await statuses(id)).blocks.find((record) => record.block === keys[1])?.status).toBe('agreed')

    const reopened = await reopen('lead', { blocks: [keys[1]], reason: 'Kenya asked for a second reading.' })
    expect(reopened.status).toBe(200)
    expect(reopened.json.blocks.map((record: { block: string }) => record.block)).toEqual([keys[2]])
    expect((await people.kenya.api.get(`/api/documents/${id}/blocks/audit`)).status).toBe(403)
    const audit = BlockStatusAudit.parse((await people.lead.api.get(`/api/documents/${id}/blocks/audit`)).json)
    expect(audit.entries[0]).toMatchObject({ block: keys[1], action: 'reopen', from: 'agreed', to: 'open', reason: 'Kenya asked for a second reading.', by: { name: 'Co-facilitator Singapore' } })
    expect(audit.entries.map((entry) => entry.action)).toEqual(['reopen', 'set', 'set'])

    // Open again: it can be edited.
    const editor = client(id, people.lead.token)
    await editor.synced
    textHolding(editor.doc, 'should cooperate').insert(0, 'All ')
    await waitFor(() => blockTexts(witness.doc)[1]!.startsWith('All '), 'the edit in the reopened block to be relayed')
    expect(editor.closes).toEqual([])
  })

  it('drops the status of a block whose element is deleted, audited as the server’s change', async () => {
    const { id, keys, writer } = await seededDocument()
    expect((await setStatus('lead', id, { blocks: [keys[2]], status: 'negotiating' })).status).toBe(200)
    const stream = await openEvents(server, id, people.kenya.token)
    streams.push(stream)
    writer.doc.getXmlFragment('content').delete(2, 1)
    const event = await stream.next('blockStatus', (data) => data.blocks.length === 0)
    expect(event).not.toBeNull()
    expect((await statuses(id)).blocks).toEqual([])
    const audit = BlockStatusAudit.parse((await people.lead.api.get(`/api/documents/${id}/blocks/audit`)).json)
    expect(audit.entries[0]).toMatchObject({ block: keys[2], action: 'removed', from: 'negotiating', to: 'open', by: null })
  })
})
