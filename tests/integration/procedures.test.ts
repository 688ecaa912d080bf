import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Node } from '@tiptap/pm/model'
import { toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { updateYFragment } from '@tiptap/y-tiptap'
import { alternative, alternatives, bracketed, doc, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { OutcomeRecord, ProcedureList } from '../../shared/schema/procedures.ts'
import { openSqlite } from '../../server/store/sqlite.ts'
import { connectClient, waitFor, waitForAsync, type TestClient } from '../helpers/clients.ts'
import { openEvents, type EventStream } from '../helpers/events.ts'
import { ApiClient } from '../helpers/http.ts'
import { anchorOn } from '../helpers/passages.ts'
import { paragraphTexts, readDocx } from '../helpers/readDocx.ts'
import { mintToken, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'

const agreedText = doc(
  paragraph('The group met four times in 2026.'),
  paragraph('Delegations stressed the protection of critical infrastructure.'),
  recommendation('rec-a', ['norm-g'], 'States should protect critical infrastructure from ICT threats.'),
)
const bracketedText = doc(
  paragraph('The group met ', bracketed('four', ['Kenya']), ' times in 2026.'),
  alternatives(alternative(['Kenya'], paragraph('States should share.')), alternative(['Brazil'], paragraph('States may share.'))),
  recommendation('rec-a', ['norm-g'], 'States should protect critical infrastructure from ICT threats.'),
)

function write(client: TestClient, json: DraftDocJson): void {
  const fragment = client.doc.getXmlFragment('content')
  client.doc.transact(() => updateYFragment(client.doc, fragment, Node.fromJSON(draftSchema, json), { mapping: new Map(), isOMark: new Map() }))
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
/** A deadline `seconds` whole seconds from now (the server's clock is this machine's), as ISO 8601. */
const inSeconds = (seconds: number) => new Date(Math.ceil(Date.now() / 1000) * 1000 + seconds * 1000).toISOString()
const untilPast = async (iso: string) => sleep(Math.max(0, Date.parse(iso) - Date.now() + 150))

interface People {
  cofacilitator: ApiClient
  kenya: ApiClient
  brazil: ApiClient
  stakeholder: ApiClient
  secretariat: ApiClient
  outsider: ApiClient
  tokens: Record<string, string>
}

async function setUp(server: TestServer, dataDir: string): Promise<People & { workspaceId: string }> {
  const tokens = {
    secretariat: await mintToken(dataDir, 'Secretariat', 'secretariat'),
    kenya: await mintToken(dataDir, 'Delegate of Kenya', 'delegation', { delegation: 'Kenya' }),
    brazil: await mintToken(dataDir, 'Delegate of Brazil', 'delegation', { delegation: 'Brazil' }),
    stakeholder: await mintToken(dataDir, 'ICT4Peace', 'stakeholder', { delegation: 'ICT4Peace' }),
    outsider: await mintToken(dataDir, 'Other co-facilitator', 'cofacilitator', { delegation: 'Norway' }),
  }
  const secretariat = new ApiClient(server.url, tokens.secretariat)
  const workspace = (await secretariat.post('/api/workspaces', { dtg: 1, year: 2027, title: 'DTG 1 (2027)' })).json
  const cofacilitatorToken = await mintToken(dataDir, 'Co-facilitator', 'cofacilitator', { delegation: 'Singapore', leads: [workspace.id] })
  return {
    workspaceId: workspace.id,
    cofacilitator: new ApiClient(server.url, cofacilitatorToken),
    kenya: new ApiClient(server.url, tokens.kenya),
    brazil: new ApiClient(server.url, tokens.brazil),
    stakeholder: new ApiClient(server.url, tokens.stakeholder),
    secretariat,
    outsider: new ApiClient(server.url, tokens.outsider),
    tokens: { ...tokens, cofacilitator: cofacilitatorToken },
  }
}

async function newDocument(server: TestServer, people: People & { workspaceId: string }, title: string) {
  const created = await people.secretariat.post(`/api/workspaces/${people.workspaceId}/documents`, { title, kind: 'recommendations', symbol: 'A/AC.292/2026/DTG.1/CRP.1' })
  expect(created.status, JSON.stringify(created.json)).toBe(201)
  const documentId: string = created.json.document.id
  const writer = connectClient(server.wsUrl, documentId, people.tokens.cofacilitator)
  await writer.synced
  const cut = async (json: DraftDocJson, label: string): Promise<number> => {
    write(writer, json)
    const answer = await people.cofacilitator.post(`/api/documents/${documentId}/revisions`, { label })
    expect(answer.status, JSON.stringify(answer.json)).toBe(201)
    return answer.json.revision.id
  }
  return { documentId, writer, cut }
}

describe('comment periods and the silence procedure', () => {
  let server: TestServer
  let dataDir: string
  let people: People & { workspaceId: string }
  const clients: TestClient[] = []
  const streams: EventStream[] = []

  beforeAll(async () => {
    dataDir = tempDataDir()
    server = await startTestServer(dataDir)
    people = await setUp(server, dataDir)
  })
  afterAll(async () => {
    for (const stream of streams) stream.close()
    for (const client of clients) client.destroy()
    await server?.stop()
  })

  it('refuses bad procedures with a clear error and stores nothing', async () => {
    const { documentId, writer, cut } = await newDocument(server, people, 'Refusals')
    clients.push(writer)
    const bracketedRev = await cut(bracketedText, 'Rev.1')
    const open = (who: ApiClient, body: unknown) => who.post(`/api/documents/${documentId}/procedures`, body)

    const underNegotiation = await open(people.cofacilitator, { kind: 'silence', revisionId: bracketedRev, deadline: inSeconds(3600) })
    expect(underNegotiation.status).toBe(422)
    expect(underNegotiation.json.error.code).toBe('revision_under_negotiation')
    expect(underNegotiation.json.error.message).toContain('1 bracketed passage and 1 block of alternatives')
    expect(underNegotiation.json.error.details.map((problem: { code: string }) => problem.code).sort()).toEqual(['alternatives_open', 'text_bracketed'])

    // A revision that is invalid under the catalogue in force (written straight into the database: the API cuts no invalid revision).
    const db = openSqlite(dataDir)
    const invalidRev = Number(
      db
        .prepare('INSERT INTO revisions (document_id, label, note, state, content, created_by, created_at) VALUES (?, ?, NULL, ?, ?, 1, ?)')
        .run(documentId, 'Rev.X', Buffer.alloc(0), JSON.stringify(doc(recommendation('rec-z', [], 'Unlinked.'))), Date.now()).lastInsertRowid,
    )
    db.close()
    const invalid = await open(people.cofacilitator, { kind: 'silence', revisionId: invalidRev, deadline: inSeconds(3600) })
    expect(invalid.status).toBe(422)
    expect(invalid.json.error.code).toBe('revision_invalid')

    // The browser's clock may run ahead or behind: the server's decides. A deadline one second past by it is refused.
    const past = await open(people.cofacilitator, { kind: 'comments', revisionId: bracketedRev, deadline: new Date(Math.floor(Date.now() / 1000) * 1000 - 1000).toISOString() })
    expect(past.status).toBe(422)
    expect(past.json.error.code).toBe('deadline_past')
    expect(past.json.error.message).toMatch(/is not in the future by the server's clock, which reads \d+ \w+ \d{4}, \d\d:\d\d(:\d\d)? New York time/)
    expect(Date.parse(past.json.error.details.serverTime)).toBeGreaterThan(0)

    const fraction = await open(people.cofacilitator, { kind: 'comments', revisionId: bracketedRev, deadline: '2099-01-01T10:00:00.500Z' })
    expect([fraction.status, fraction.json.error.code]).toEqual([400, 'invalid_deadline'])
    const tooFar = await open(people.cofacilitator, { kind: 'comments', revisionId: bracketedRev, deadline: '2099-01-01T10:00:00Z' })
    expect([tooFar.status, tooFar.json.error.code]).toEqual([422, 'deadline_too_far'])
    const malformed = await open(people.cofacilitator, { kind: 'comments', revisionId: bracketedRev, deadline: '29 November 2026 10:00' })
    expect([malformed.status, malformed.json.error.code]).toEqual([400, 'invalid_payload'])
    expect(malformed.json.error.message).toContain('deadline must be an ISO 8601 date and time')
    const noRevision = await open(people.cofacilitator, { kind: 'comments', revisionId: 999999, deadline: inSeconds(60) })
    expect([noRevision.status, noRevision.json.error.code]).toEqual([404, 'revision_not_found'])

    for (const who of [people.kenya, people.stakeholder, people.outsider]) {
      const refused = await open(who, { kind: 'silence', revisionId: bracketedRev, deadline: inSeconds(60) })
      expect(refused.status).toBe(403)
    }

    // Only the latest revision goes under a procedure: an older one adopted could never be submitted.
    const agreedRev = await cut(agreedText, 'Rev.2')
    const newer = await cut(agreedText, 'Rev.3')
    for (const kind of ['silence', 'comments']) {
      const superseded = await open(people.cofacilitator, { kind, revisionId: agreedRev, deadline: inSeconds(3600) })
      expect([superseded.status, superseded.json.error.code]).toEqual([409, 'revision_superseded'])
      expect(superseded.json.error.message).toContain('Rev.2 has been superseded')
    }
    expect(newer).toBeGreaterThan(agreedRev)

    const list = await people.kenya.get(`/api/documents/${documentId}/procedures`)
    expect(ProcedureList.parse(list.json).procedures).toEqual([])
    expect(list.json.stage.kind).toBe('drafting')
  })

  it('closes comments and proposals at the end of a comment period, by the server clock, until the next revision', async () => {
    const { documentId, writer, cut } = await newDocument(server, people, 'Comment period')
    clients.push(writer)
    const rev1 = await cut(agreedText, 'Rev.1')
    const stream = await openEvents(server, documentId, people.tokens.kenya)
    streams.push(stream)
    const deadline = inSeconds(5)
    const opened = await people.cofacilitator.post(`/api/documents/${documentId}/procedures`, { kind: 'comments', revisionId: rev1, deadline })
    expect(opened.status).toBe(201)
    expect(opened.json.stage).toMatchObject({ kind: 'comments', deadline: Date.parse(deadline), revision: { id: rev1, label: 'Rev.1' } })
    expect(await stream.next('stage', (data) => data.stage.kind === 'comments')).not.toBeNull()
    // Within the warning (an hour by default): the deadline is announced at once.
    expect(await stream.next('deadline', (data) => data.deadline === Date.parse(deadline))).not.toBeNull()

    const second = await people.cofacilitator.post(`/api/documents/${documentId}/procedures`, { kind: 'silence', revisionId: rev1, deadline: inSeconds(30) })
    expect([second.status, second.json.error.code]).toEqual([409, 'procedure_running'])

    const comment = (body: string, passage = 'four times') => people.kenya.post(`/api/documents/${documentId}/threads`, { anchor: anchorOn(writer.doc, passage), body })
    const during = await comment('Say how many meetings were informal.')
    expect(during.status).toBe(201)
    const detail = await people.kenya.get(`/api/documents/${documentId}`)
    expect(detail.json.stage.kind).toBe('comments')

    await untilPast(deadline)
    const late = await comment('Too late.')
    expect(late.status).toBe(409)
    expect(late.json.error.code).toBe('period_closed')
    expect(late.json.error.message).toContain('New York time')
    expect(late.json.error.details.deadline).toBe(new Date(Date.parse(deadline)).toISOString())
    const reply = await people.brazil.post(`/api/documents/${documentId}/threads/${during.json.thread.id}/comments`, { body: 'Agreed.' })
    expect([reply.status, reply.json.error.code]).toEqual([409, 'period_closed'])
    const proposal = await people.brazil.post(`/api/documents/${documentId}/proposals`, { kind: 'replace', anchor: anchorOn(writer.doc, 'four times'), text: 'five times' })
    expect([proposal.status, proposal.json.error.code]).toEqual([409, 'period_closed'])
    const threads = await people.kenya.get(`/api/documents/${documentId}/threads`)
    expect(threads.json.threads).toHaveLength(1)
    expect(threads.json.threads[0].comments).toHaveLength(1)

    const settled = await stream.next('stage', (data) => data.stage.commentsClosedAt === Date.parse(deadline))
    expect(settled?.stage.kind).toBe('drafting')
    const outcome = await people.kenya.get(`/api/documents/${documentId}/procedures/${opened.json.procedure.id}/outcome`)
    expect(OutcomeRecord.parse(outcome.json)).toMatchObject({ kind: 'comments', outcome: 'closed', deadline: Date.parse(deadline) })

    // The next revision reopens the document for comments.
    await cut(doc(paragraph('The group met five times in 2026.'), recommendation('rec-a', ['norm-g'], 'States should protect critical infrastructure.')), 'Rev.2')
    expect((await comment('On the new revision.', 'five times')).status).toBe(201)
  }, 30_000)

  it('runs a silence to "broken": one objection per delegation and block, before the deadline, from delegations only', async () => {
    const { documentId, writer, cut } = await newDocument(server, people, 'Silence broken')
    clients.push(writer)
    const rev = await cut(agreedText, 'Rev.1')
    const stream = await openEvents(server, documentId, people.tokens.brazil)
    streams.push(stream)
    const deadline = inSeconds(8)
    const started = await people.cofacilitator.post(`/api/documents/${documentId}/procedures`, { kind: 'silence', revisionId: rev, deadline })
    expect(started.status).toBe(201)
    const procedureId: number = started.json.procedure.id
    expect(started.json.stage).toMatchObject({ kind: 'silence', deadline: Date.parse(deadline) })
    const objections = `/api/documents/${documentId}/procedures/${procedureId}/objections`

    const first = await people.kenya.post(objections, { block: { position: 1, number: '2' }, reason: 'The wording on critical infrastructure is not agreed.' })
    expect(first.status).toBe(201)
    expect(first.json.procedure.objections).toHaveLength(1)
    const event = await stream.next('objection', (data) => data.objection.delegation === 'Kenya')
    expect(event.objection).toMatchObject({ block: { position: 1, number: '2' }, member: { name: 'Delegate of Kenya' } })

    const twice = await people.kenya.post(objections, { block: { position: 1, number: '2' }, reason: 'Again.' })
    expect([twice.status, twice.json.error.code]).toEqual([409, 'already_objected'])
    expect(twice.json.error.message).toContain('once per block')
    const onRecommendation = await people.kenya.post(objections, { block: { position: 2, number: 'R1' }, reason: 'Norm g alone is too narrow.' })
    expect(onRecommendation.status).toBe(201)
    for (const who of [people.stakeholder, people.secretariat, people.cofacilitator]) {
      const refused = await who.post(objections, { block: { position: 0, number: '1' }, reason: 'We object.' })
      expect([refused.status, refused.json.error.message]).toEqual([403, expect.stringContaining('only delegations break silence')])
    }
    const noSuchBlock = await people.brazil.post(objections, { block: { position: 0, number: '7' }, reason: 'We object.' })
    expect([noSuchBlock.status, noSuchBlock.json.error.code]).toEqual([422, 'block_not_found'])
    const noReason = await people.brazil.post(objections, { block: { position: 0, number: '1' }, reason: '   ' })
    expect([noReason.status, noReason.json.error.code]).toEqual([400, 'invalid_payload'])

    // Brazil has not looked yet: the opening and Kenya's two objections are new to it.
    const before = await people.brazil.get(`/api/documents/${documentId}/procedures`)
    expect(before.json.unseen).toBe(3)
    expect((await people.brazil.post(`/api/documents/${documentId}/procedures/seen`)).json.unseen).toBe(0)
    expect((await people.brazil.get(`/api/documents/${documentId}/procedures`)).json.unseen).toBe(0)

    const notYet = await people.kenya.get(`/api/documents/${documentId}/procedures/${procedureId}/outcome`)
    expect([notYet.status, notYet.json.error.code]).toEqual([409, 'not_settled'])

    await untilPast(deadline)
    const late = await people.brazil.post(objections, { block: { position: 0, number: '1' }, reason: 'Late.' })
    expect([late.status, late.json.error.code]).toEqual([409, 'silence_ended'])
    expect(late.json.error.message).toContain("by the server's clock")

    const stage = await stream.next('stage', (data) => data.stage.kind === 'broken')
    expect(stage.stage.brokenBy).toEqual(['Kenya'])
    const outcome = OutcomeRecord.parse((await people.brazil.get(`/api/documents/${documentId}/procedures/${procedureId}/outcome`)).json)
    expect(outcome).toMatchObject({ outcome: 'broken', brokenBy: [{ delegation: 'Kenya', blocks: ['2', 'R1'] }] })
    expect(outcome.objections.map((o) => o.block.number)).toEqual(['2', 'R1'])
    expect(outcome.settledAt).toBeGreaterThanOrEqual(Date.parse(deadline))
    expect((await people.brazil.get(`/api/documents/${documentId}/procedures`)).json.unseen).toBe(1)

    const md = await fetch(`${server.url}/api/documents/${documentId}/procedures/${procedureId}/outcome?format=md`, { headers: { authorization: `Bearer ${people.tokens.brazil}` } })
    expect(md.headers.get('content-type')).toContain('text/markdown')
    const markdown = await md.text()
    expect(markdown).toContain('by Kenya (paragraph 2, recommendation R1)')
    expect(markdown).toContain('Norm g alone is too narrow.')
    const docx = await fetch(`${server.url}/api/documents/${documentId}/procedures/${procedureId}/outcome?format=docx`, { headers: { authorization: `Bearer ${people.tokens.brazil}` } })
    const texts = paragraphTexts(readDocx(new Uint8Array(await docx.arrayBuffer())).document)
    expect(texts.some((text) => text.startsWith('Silence on Rev.1 was broken before'))).toBe(true)

    // The record is immutable: no route changes it and the database refuses to.
    expect((await people.cofacilitator.request('DELETE', `/api/documents/${documentId}/procedures/${procedureId}/outcome`)).status).toBe(404)
    const db = openSqlite(dataDir)
    try {
      expect(() => db.prepare("UPDATE procedure_outcomes SET outcome = 'adopted' WHERE procedure_id = ?").run(procedureId)).toThrow(/immutable/)
      expect(() => db.prepare('DELETE FROM silence_objections WHERE procedure_id = ?').run(procedureId)).toThrow(/immutable/)
      expect(() =>
        db.prepare('INSERT INTO silence_objections (procedure_id, delegation, block_position, block_number, reason, member_id, at) VALUES (?, ?, 0, ?, ?, 1, ?)').run(procedureId, 'Brazil', '1', 'x', Date.now()),
      ).toThrow(/settled/)
    } finally {
      db.close()
    }
    const submit = await people.cofacilitator.post(`/api/documents/${documentId}/submitted`)
    expect([submit.status, submit.json.error.code]).toEqual([409, 'not_adopted'])
  }, 30_000)

  it('runs a silence to "adopted", then the document is marked submitted', async () => {
    const { documentId, writer, cut } = await newDocument(server, people, 'Silence adopted')
    clients.push(writer)
    const rev = await cut(agreedText, 'Rev.1')
    const deadline = inSeconds(5)
    const started = await people.cofacilitator.post(`/api/documents/${documentId}/procedures`, { kind: 'silence', revisionId: rev, deadline })
    expect(started.status).toBe(201)
    await untilPast(deadline)
    const detail = await people.stakeholder.get(`/api/documents/${documentId}`)
    expect(detail.json.stage).toMatchObject({ kind: 'adopted', deadline: Date.parse(deadline) })
    const outcome = await people.stakeholder.get(`/api/documents/${documentId}/procedures/${started.json.procedure.id}/outcome`)
    expect(outcome.json).toMatchObject({ outcome: 'adopted', objections: [], brokenBy: [] })
    expect((await people.kenya.post(`/api/documents/${documentId}/submitted`)).status).toBe(403)

    // Typed after the adoption: the working copy has it, the export for submission is the revision adopted.
    write(writer, doc(paragraph('The group met five times in 2026.'), ...agreedText.content!.slice(1)))
    const exported = async (query: string) => {
      const response = await fetch(`${server.url}/api/documents/${documentId}/export?format=md${query}`, { headers: { authorization: `Bearer ${people.tokens.kenya}` } })
      expect(response.status).toBe(200)
      return response.text()
    }
    await waitForAsync(async () => (await exported('&working=1')).includes('five times'), 'the text typed after the adoption to be stored')
    for (const query of ['', '&working=0']) {
      const forSubmission = await exported(query)
      expect(forSubmission).toContain('The group met four times in 2026.')
      expect(forSubmission).not.toContain('five times')
    }

    const submitted = await people.cofacilitator.post(`/api/documents/${documentId}/submitted`)
    expect(submitted.status).toBe(201)
    expect(submitted.json.stage.kind).toBe('submitted')
    const again = await people.cofacilitator.post(`/api/documents/${documentId}/procedures`, { kind: 'comments', revisionId: rev, deadline: inSeconds(60) })
    expect([again.status, again.json.error.code]).toEqual([409, 'already_submitted'])

    // Submitted, the document is closed: its text, metadata, revisions and negotiation, for those who led it too.
    const detail2 = await people.cofacilitator.get(`/api/documents/${documentId}`)
    expect(detail2.json.permissions).toMatchObject({ write: false, editMetadata: false, cutRevision: false, restoreRevision: false })
    const closed = [
      await people.cofacilitator.post(`/api/documents/${documentId}/revisions`, { label: 'Rev.2' }),
      await people.cofacilitator.request('PATCH', `/api/documents/${documentId}`, { symbol: 'A/AC.292/2026/DTG.1/CRP.2' }),
      await people.kenya.post(`/api/documents/${documentId}/proposals`, { kind: 'insert', anchor: anchorOn(writer.doc, 'met', true), text: 'formally ' }),
    ]
    for (const refused of closed) expect([refused.status, refused.json.error.code]).toEqual([409, 'already_submitted'])
    // Those who could not before are refused for their role, as before.
    expect((await people.stakeholder.post(`/api/documents/${documentId}/revisions`, { label: 'Rev.2' })).status).toBe(403)
    const denied = writer.denials.length
    writer.doc.transact(() => {
      const text = writer.doc.getXmlFragment('content').get(0) as Y.XmlElement
      ;(text.get(0) as Y.XmlText).insert(0, 'Typed after the submission. ')
    })
    await waitFor(() => writer.denials.length > denied, 'the edit to be refused')
    expect(await exported('&working=1')).not.toContain('Typed after the submission')
    // Comments go on: a discussion of the text submitted changes nothing in it.
    const position = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(writer.doc.getXmlFragment('content'), 0))
    const anchor = { start: toBase64(position), end: toBase64(position), quote: '' }
    expect((await people.kenya.post(`/api/documents/${documentId}/threads`, { anchor, body: 'For the record.' })).status).toBe(201)
  }, 30_000)
})

describe('a deadline that passes while the server is down', () => {
  it('is settled at start-up with the objections received before it, once', async () => {
    const dataDir = tempDataDir()
    let server = await startTestServer(dataDir)
    try {
      const people = await setUp(server, dataDir)
      const { documentId, writer, cut } = await newDocument(server, people, 'Down at the deadline')
      const rev = await cut(agreedText, 'Rev.1')
      writer.destroy()
      const deadline = inSeconds(5)
      const started = await people.cofacilitator.post(`/api/documents/${documentId}/procedures`, { kind: 'silence', revisionId: rev, deadline })
      const procedureId: number = started.json.procedure.id
      expect((await people.brazil.post(`/api/documents/${documentId}/procedures/${procedureId}/objections`, { block: { position: 0, number: '1' }, reason: 'Not agreed.' })).status).toBe(201)
      await server.stop()

      await untilPast(deadline)
      const db = openSqlite(dataDir)
      expect(db.prepare('SELECT count(*) AS n FROM procedure_outcomes').get()).toEqual({ n: 0 })
      db.close()

      server = await startTestServer(dataDir, { LOG_LEVEL: 'info' })
      expect(server.output()).toContain('procedures.settled_at_startup')
      const brazil = new ApiClient(server.url, people.tokens.brazil)
      const outcome = OutcomeRecord.parse((await brazil.get(`/api/documents/${documentId}/procedures/${procedureId}/outcome`)).json)
      expect(outcome).toMatchObject({ outcome: 'broken', brokenBy: [{ delegation: 'Brazil', blocks: ['1'] }] })
      expect(outcome.settledAt).toBeGreaterThan(Date.parse(deadline))
      await server.stop()

      // A second start finds the record written and leaves it as it is.
      server = await startTestServer(dataDir)
      const again = OutcomeRecord.parse((await new ApiClient(server.url, people.tokens.brazil).get(`/api/documents/${documentId}/procedures/${procedureId}/outcome`)).json)
      expect(again).toEqual(outcome)
    } finally {
      await server.stop()
    }
  }, 60_000)
})

describe('an approaching deadline', () => {
  it('is announced on the event stream the configured time before it, not earlier', async () => {
    const dataDir = tempDataDir()
    const server = await startTestServer(dataDir, { DEADLINE_WARNING_SECONDS: '2' })
    const streams: EventStream[] = []
    try {
      const people = await setUp(server, dataDir)
      const { documentId, writer, cut } = await newDocument(server, people, 'Warning')
      const rev = await cut(agreedText, 'Rev.1')
      writer.destroy()
      const stream = await openEvents(server, documentId, people.tokens.kenya)
      streams.push(stream)
      const deadline = inSeconds(6)
      expect((await people.cofacilitator.post(`/api/documents/${documentId}/procedures`, { kind: 'comments', revisionId: rev, deadline })).status).toBe(201)
      const warning = await stream.next('deadline', (data) => data.deadline === Date.parse(deadline), 10_000)
      expect(warning).toMatchObject({ kind: 'comments' })
      // Sent by the server's clock at the deadline less the warning, never before.
      expect(warning.serverTime).toBeGreaterThanOrEqual(Date.parse(deadline) - 2000)
      expect(warning.serverTime).toBeLessThan(Date.parse(deadline))
      // A stream opened within the warning gets it at once.
      const late = await openEvents(server, documentId, people.tokens.brazil)
      streams.push(late)
      expect(await late.next('deadline', (data) => data.deadline === Date.parse(deadline), 1000)).not.toBeNull()
    } finally {
      for (const stream of streams) stream.close()
      await server.stop()
    }
  }, 30_000)
})
