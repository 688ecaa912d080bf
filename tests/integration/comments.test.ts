import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { toBase64 } from 'lib0/buffer'
import * as Y from 'yjs'
import { MemberDirectory } from '../../server/auth/members.ts'
import { openSqlite } from '../../server/store/sqlite.ts'
import { bulletList, doc, heading, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import type { RegionalGroup, Role } from '../../shared/schema/member.ts'
import { connectClient, waitFor, type TestClient } from '../helpers/clients.ts'
import { ApiClient } from '../helpers/http.ts'
import { startTestServer, tempDataDir, type TestServer, enrol } from '../helpers/server.ts'
import { openEvents, type EventStream } from '../helpers/events.ts'

/** Adds a member with a delegation and regional group, and returns their id and a fresh token. */

const draft = doc(
  heading(1, 'Annual summary'),
  paragraph('States recalled the framework of responsible State behaviour.'),
  paragraph('Critical infrastructure must be protected against ICT attacks.'),
  bulletList('Hospitals and health care.', 'Energy grids.'),
  recommendation('3f1c', ['norm-f'], 'States should designate a national point of contact.'),
)

function content(client: TestClient): Y.XmlFragment {
  return client.doc.getXmlFragment('content')
}

function plain(xmlText: Y.XmlText): string {
  return xmlText
    .toDelta()
    .map((op: { insert: unknown }) => (typeof op.insert === 'string' ? op.insert : ''))
    .join('')
}

/** The XmlText of the client's document holding `passage`. */
function textHolding(client: TestClient, passage: string): Y.XmlText {
  const walk = (node: Y.XmlElement | Y.XmlFragment): Y.XmlText | null => {
    for (const child of node.toArray()) {
      if (child instanceof Y.XmlText && plain(child).includes(passage)) return child
      if (child instanceof Y.XmlElement) {
        const found = walk(child)
        if (found) return found
      }
    }
    return null
  }
  const found = walk(content(client))
  if (!found) throw new Error(`"${passage}" is not in the document`)
  return found
}

/** An anchor on `passage` as the editor makes it: y-tiptap's relative positions, associated to the left. */
function anchorOn(client: TestClient, passage: string) {
  const xmlText = textHolding(client, passage)
  const from = plain(xmlText).indexOf(passage)
  const encode = (index: number) => toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(xmlText, index, -1)))
  return { start: encode(from), end: encode(from + passage.length), quote: passage }
}

function newParagraph(text: string): Y.XmlElement {
  const element = new Y.XmlElement('paragraph')
  element.insert(0, [new Y.XmlText(text)])
  return element
}

describe('comment threads', () => {
  let server: TestServer
  let dataDir: string
  let workspaceId: string
  let otherWorkspaceId: string
  const clients: TestClient[] = []
  const streams: EventStream[] = []
  const people = {} as Record<'secretariat' | 'lead' | 'otherLead' | 'kenya' | 'brazil' | 'stakeholder', { id: number; token: string; api: ApiClient }>

  const client = (documentId: string, token: string) => {
    const c = connectClient(server.wsUrl, documentId, token)
    clients.push(c)
    return c
  }

  /** A new document in the workspace, with the draft written into it by its co-facilitator over y-websocket. */
  async function seededDocument(): Promise<{ id: string; writer: TestClient }> {
    const created = await people.lead.api.post(`/api/workspaces/${workspaceId}/documents`, { title: 'Annual summary', kind: 'working-draft' })
    expect(created.status).toBe(201)
    const id = created.json.document.id as string
    const writer = client(id, people.lead.token)
    await writer.synced
    Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(draftSchema, draft, 'content')))
    // Stored and relayed: another client has it, so the server's copy holds every passage anchored on below.
    const witness = client(id, people.kenya.token)
    await waitFor(() => content(witness).length === draft.content!.length, 'the draft to reach the server')
    expect(writer.denials).toEqual([])
    return { id, writer }
  }

  const threadsOf = async (documentId: string, as = people.kenya.api) => {
    const answer = await as.get(`/api/documents/${documentId}/threads`)
    expect(answer.status).toBe(200)
    return answer.json.threads as any[]
  }

  beforeAll(async () => {
    dataDir = tempDataDir()
    const enrolled = {
      secretariat: await enrol(dataDir, 'Secretariat officer', 'secretariat'),
      lead: await enrol(dataDir, 'Co-facilitator Singapore', 'cofacilitator', 'Singapore', 'asia-pacific'),
      otherLead: await enrol(dataDir, 'Co-facilitator Netherlands', 'cofacilitator', 'Netherlands', 'weog'),
      kenya: await enrol(dataDir, 'Delegate of Kenya', 'delegation', 'Kenya', 'african'),
      brazil: await enrol(dataDir, 'Delegate of Brazil', 'delegation', 'Brazil', 'latin-american-caribbean'),
      stakeholder: await enrol(dataDir, 'Access Now', 'stakeholder', 'Access Now'),
    }
    server = await startTestServer(dataDir, { MAX_COMMENT_CHARS: '2000', MAX_REQUEST_BYTES: '65536', ROOM_IDLE_MS: '200' })
    for (const [role, { id, token }] of Object.entries(enrolled)) {
      people[role as keyof typeof people] = { id, token, api: new ApiClient(server.url, token) }
    }
    const created = await people.secretariat.api.post('/api/workspaces', { dtg: 1, year: 2027, title: 'DTG 1 in 2027' })
    expect(created.status).toBe(201)
    workspaceId = created.json.id
    const other = await people.secretariat.api.post('/api/workspaces', { dtg: 2, year: 2027, title: 'DTG 2 in 2027' })
    otherWorkspaceId = other.json.id
    expect((await people.secretariat.api.put(`/api/workspaces/${workspaceId}/cofacilitators/${people.lead.id}`)).status).toBe(200)
    expect((await people.secretariat.api.put(`/api/workspaces/${otherWorkspaceId}/cofacilitators/${people.otherLead.id}`)).status).toBe(200)
  })
  afterEach(() => {
    for (const c of clients.splice(0)) c.destroy()
    for (const s of streams.splice(0)) s.close()
  })
  afterAll(async () => {
    await server?.stop()
  })

  it('lets every role open a thread on a passage, with the author the server knows; stakeholder input is marked', async () => {
    const { id, writer } = await seededDocument()
    const anchor = anchorOn(writer, 'must be protected')
    for (const role of ['secretariat', 'lead', 'otherLead', 'kenya', 'brazil', 'stakeholder'] as const) {
      const opened = await people[role].api.post(`/api/documents/${id}/threads`, { anchor, body: `  Comment by ${role}.  ` })
      expect(opened.status, role).toBe(201)
      const { thread } = opened.json
      expect(thread).toMatchObject({ documentId: id, anchor, stakeholder: role === 'stakeholder', resolved: null })
      expect(thread.author.id).toBe(people[role].id)
      expect(thread.comments).toEqual([
        {
          id: expect.any(String),
          threadId: thread.id,
          author: thread.author,
          body: `Comment by ${role}.`,
          createdAt: thread.createdAt,
          editedAt: null,
          deleted: false,
        },
      ])
    }
    const threads = await threadsOf(id)
    expect(threads.map((thread) => thread.author.name)).toEqual([
      'Secretariat officer',
      'Co-facilitator Singapore',
      'Co-facilitator Netherlands',
      'Delegate of Kenya',
      'Delegate of Brazil',
      'Access Now',
    ])
    expect(threads[3].author).toEqual({ id: people.kenya.id, name: 'Delegate of Kenya', role: 'delegation', delegation: 'Kenya', regionalGroup: 'african' })
    expect(threads.filter((thread) => thread.stakeholder).map((thread) => thread.author.role)).toEqual(['stakeholder'])
  })

  it('lists the threads a page at a time: limit and after, a clear 400 for either when wrong', async () => {
    const { id, writer } = await seededDocument()
    const anchor = anchorOn(writer, 'must be protected')
    const opened: string[] = []
    for (const n of [1, 2, 3]) opened.push((await people.kenya.api.post(`/api/documents/${id}/threads`, { anchor, body: `Thread ${n}.` })).json.thread.id)
    const first = await people.brazil.api.get(`/api/documents/${id}/threads?limit=2`)
    expect(first.status).toBe(200)
    expect(first.json.threads.map((thread: { id: string }) => thread.id)).toEqual(opened.slice(0, 2))
    expect(first.json.next).toBe(opened[1])
    const second = await people.brazil.api.get(`/api/documents/${id}/threads?limit=2&after=${first.json.next}`)
    expect(second.json).toMatchObject({ threads: [{ id: opened[2] }], next: null })
    // Without a limit, one page of up to 200: all three.
    expect((await threadsOf(id, people.brazil.api)).map((thread) => thread.id)).toEqual(opened)
    for (const query of ['limit=0', 'limit=201', 'limit=two', 'after=no-such-thread']) {
      const refused = await people.brazil.api.get(`/api/documents/${id}/threads?${query}`)
      expect(refused.status, query).toBe(400)
      expect(refused.json.error.code, query).toBe('invalid_query')
    }
  })

  it('ignores author, role and dates sent in a payload', async () => {
    const { id, writer } = await seededDocument()
    const before = Date.now()
    const forged = await people.stakeholder.api.post(`/api/documents/${id}/threads`, {
      anchor: anchorOn(writer, 'Energy grids'),
      body: 'Written input.',
      author: { id: people.secretariat.id, name: 'Secretariat officer', role: 'secretariat' },
      authorId: people.secretariat.id,
      role: 'secretariat',
      stakeholder: false,
      createdAt: 0,
      resolved: { by: people.secretariat.id, at: 0 },
    })
    expect(forged.status).toBe(201)
    const { thread } = forged.json
    expect(thread.author).toMatchObject({ id: people.stakeholder.id, name: 'Access Now', role: 'stakeholder' })
    expect(thread.stakeholder).toBe(true)
    expect(thread.resolved).toBeNull()
    expect(thread.createdAt).toBeGreaterThanOrEqual(before)
    const reply = await people.kenya.api.post(`/api/documents/${id}/threads/${thread.id}/comments`, {
      body: 'A reply.',
      author: { id: people.brazil.id },
      createdAt: 1,
    })
    expect(reply.json.thread.comments[1]).toMatchObject({ author: { id: people.kenya.id }, body: 'A reply.' })
    expect(reply.json.thread.comments[1].createdAt).toBeGreaterThanOrEqual(before)
  })

  it('lets members reply, edit and delete only their own comments', async () => {
    const { id, writer } = await seededDocument()
    const opened = await people.brazil.api.post(`/api/documents/${id}/threads`, { anchor: anchorOn(writer, 'framework'), body: 'Brazil proposes.' })
    const threadId = opened.json.thread.id
    const brazilComment = opened.json.thread.comments[0].id
    const replied = await people.kenya.api.post(`/api/documents/${id}/threads/${threadId}/comments`, { body: 'Kenya supports.' })
    expect(replied.status).toBe(201)
    expect(replied.json.thread.comments.map((comment: any) => comment.body)).toEqual(['Brazil proposes.', 'Kenya supports.'])
    const kenyaComment = replied.json.thread.comments[1].id

    // Another delegation's comment, and not even a co-facilitator or the secretariat may change it.
    for (const who of ['kenya', 'lead', 'secretariat', 'stakeholder'] as const) {
      const edit = await people[who].api.request('PATCH', `/api/documents/${id}/comments/${brazilComment}`, { body: 'Rewritten.' })
      expect(edit.status, who).toBe(403)
      expect(edit.json.error.code).toBe('not_your_comment')
      const remove = await people[who].api.request('DELETE', `/api/documents/${id}/comments/${brazilComment}`)
      expect(remove.status, who).toBe(403)
      expect(remove.json.error.code).toBe('not_your_comment')
    }

    const edited = await people.brazil.api.request('PATCH', `/api/documents/${id}/comments/${brazilComment}`, { body: ' Brazil proposes, as amended. ' })
    expect(edited.status).toBe(200)
    expect(edited.json.thread.comments[0]).toMatchObject({ body: 'Brazil proposes, as amended.', editedAt: expect.any(Number), deleted: false })

    const deleted = await people.kenya.api.request('DELETE', `/api/documents/${id}/comments/${kenyaComment}`)
    expect(deleted.status).toBe(200)
    expect(deleted.json.thread.comments).toHaveLength(2)
    expect(deleted.json.thread.comments[1]).toMatchObject({ id: kenyaComment, body: '', deleted: true, author: { id: people.kenya.id } })
    const listed = (await threadsOf(id)).find((thread) => thread.id === threadId)
    expect(listed.comments[1]).toMatchObject({ body: '', deleted: true })
    const editDeleted = await people.kenya.api.request('PATCH', `/api/documents/${id}/comments/${kenyaComment}`, { body: 'Back.' })
    expect(editDeleted.status).toBe(409)
    expect(editDeleted.json.error.code).toBe('comment_deleted')

    // Once every comment of a thread is deleted, the thread is gone from the listing.
    expect((await people.brazil.api.request('DELETE', `/api/documents/${id}/comments/${brazilComment}`)).status).toBe(200)
    expect((await threadsOf(id)).some((thread) => thread.id === threadId)).toBe(false)
    const replyToGone = await people.kenya.api.post(`/api/documents/${id}/threads/${threadId}/comments`, { body: 'Hello?' })
    expect(replyToGone.status).toBe(404)
  })

  it('lets the secretariat and the co-facilitators leading the workspace resolve and reopen, and no one else', async () => {
    const { id, writer } = await seededDocument()
    const opened = await people.stakeholder.api.post(`/api/documents/${id}/threads`, { anchor: anchorOn(writer, 'Hospitals'), body: 'Add water utilities.' })
    const threadId = opened.json.thread.id
    const resolve = (who: keyof typeof people) => people[who].api.post(`/api/documents/${id}/threads/${threadId}/resolve`)
    const reopen = (who: keyof typeof people) => people[who].api.post(`/api/documents/${id}/threads/${threadId}/reopen`)

    for (const who of ['stakeholder', 'kenya', 'otherLead'] as const) {
      const refused = await resolve(who)
      expect(refused.status, who).toBe(403)
      expect(refused.json.error.code).toBe('forbidden')
    }
    const resolved = await resolve('lead')
    expect(resolved.status).toBe(200)
    expect(resolved.json.thread.resolved).toEqual({ by: expect.objectContaining({ id: people.lead.id, role: 'cofacilitator' }), at: expect.any(Number) })
    for (const who of ['stakeholder', 'brazil', 'otherLead'] as const) expect((await reopen(who)).status, who).toBe(403)
    const reopened = await reopen('lead')
    expect(reopened.status).toBe(200)
    expect(reopened.json.thread.resolved).toBeNull()
    expect((await resolve('secretariat')).json.thread.resolved.by.id).toBe(people.secretariat.id)
    expect((await reopen('secretariat')).json.thread.resolved).toBeNull()

    // What the document record tells the client matches.
    expect((await people.lead.api.get(`/api/documents/${id}`)).json.permissions).toMatchObject({ comment: true, resolveThreads: true })
    expect((await people.otherLead.api.get(`/api/documents/${id}`)).json.permissions).toMatchObject({ comment: true, resolveThreads: false })
    expect((await people.stakeholder.api.get(`/api/documents/${id}`)).json.permissions).toMatchObject({ comment: true, resolveThreads: false })
  })

  it("pushes every change of a thread to another viewer's event stream, without reloading", async () => {
    const { id, writer } = await seededDocument()
    const viewer = await openEvents(server, id, people.brazil.token)
    streams.push(viewer)
    expect(await viewer.next('status', () => true)).not.toBeNull()

    const opened = await people.kenya.api.post(`/api/documents/${id}/threads`, { anchor: anchorOn(writer, 'national point'), body: 'Kenya asks.' })
    const threadId = opened.json.thread.id
    expect(await viewer.next('thread', (thread) => thread.id === threadId)).toEqual(opened.json.thread)

    const replied = await people.stakeholder.api.post(`/api/documents/${id}/threads/${threadId}/comments`, { body: 'Input.' })
    expect(await viewer.next('thread', (thread) => thread.comments.length === 2)).toEqual(replied.json.thread)

    await people.kenya.api.request('PATCH', `/api/documents/${id}/comments/${opened.json.thread.comments[0].id}`, { body: 'Kenya asks again.' })
    expect(await viewer.next('thread', (thread) => thread.comments[0].body === 'Kenya asks again.')).not.toBeNull()

    await people.lead.api.post(`/api/documents/${id}/threads/${threadId}/resolve`)
    expect(await viewer.next('thread', (thread) => thread.resolved?.by.id === people.lead.id)).not.toBeNull()
    await people.lead.api.post(`/api/documents/${id}/threads/${threadId}/reopen`)
    expect(await viewer.next('thread', (thread) => thread.resolved === null)).not.toBeNull()

    await people.stakeholder.api.request('DELETE', `/api/documents/${id}/comments/${replied.json.thread.comments[1].id}`)
    expect(await viewer.next('thread', (thread) => thread.comments[1]?.deleted === true)).not.toBeNull()

    // A refused change sends nothing.
    await people.brazil.api.request('PATCH', `/api/documents/${id}/comments/${opened.json.thread.comments[0].id}`, { body: 'x' })
    expect(await viewer.next('thread', () => true, 300)).toBeNull()
  })

  it('places threads by paragraph after concurrent edits, and reports one whose text was deleted as detached, never losing it', async () => {
    const { id, writer } = await seededDocument()
    const editor = client(id, people.secretariat.token)
    const reader = client(id, people.kenya.token)
    await Promise.all([editor.synced, reader.synced])
    await waitFor(() => content(reader).length === 5 && content(editor).length === 5, 'the draft to reach every client')

    // The delegation anchors on what its own client shows.
    const onProtected = await people.kenya.api.post(`/api/documents/${id}/threads`, { anchor: anchorOn(reader, 'must be protected'), body: 'Too weak.' })
    const onGrids = await people.stakeholder.api.post(`/api/documents/${id}/threads`, { anchor: anchorOn(reader, 'Energy grids'), body: 'And water.' })
    const onContact = await people.brazil.api.post(`/api/documents/${id}/threads`, { anchor: anchorOn(reader, 'point of contact'), body: 'Which one?' })
    for (const opened of [onProtected, onGrids, onContact]) expect(opened.status).toBe(201)

    // Concurrently: the secretariat adds a paragraph above and words before the passage; the co-facilitator types after it.
    content(editor).insert(1, [newParagraph('States welcomed the progress made.')])
    textHolding(editor, 'must be protected').insert(0, 'In particular, ')
    const protectedText = textHolding(writer, 'must be protected')
    protectedText.insert(plain(protectedText).length, ' Agreed ad ref.')
    await waitFor(
      () => plain(textHolding(reader, 'must be protected')) === 'In particular, Critical infrastructure must be protected against ICT attacks. Agreed ad ref.',
      'both edits to reach the delegation',
    )
    expect(content(reader).length).toBe(6)

    const compiled = async (query: string) => {
      const answer = await people.kenya.api.get(`/api/documents/${id}/compilation?format=json&${query}`)
      expect(answer.status).toBe(200)
      return answer.json
    }
    const byParagraph = await compiled('by=paragraph')
    const placed = (threadId: string) => byParagraph.inputs.find((input: any) => input.threadId === threadId)
    expect(placed(onProtected.json.thread.id)).toMatchObject({ location: 'Paragraph 3', detached: false, quote: 'must be protected', body: 'Too weak.' })
    expect(placed(onGrids.json.thread.id)).toMatchObject({ location: 'Paragraph 5', detached: false, stakeholder: true })
    expect(placed(onContact.json.thread.id)).toMatchObject({ location: 'R1', detached: false })
    expect(byParagraph.groups.map((group: any) => group.heading)).toEqual(['Paragraph 3', 'Paragraph 5', 'R1'])

    // The co-facilitator deletes the passage the delegation commented on.
    const xmlText = textHolding(writer, 'must be protected')
    xmlText.delete(plain(xmlText).indexOf('must be protected'), 'must be protected'.length)
    await waitFor(() => !content(reader).toString().includes('must be protected'), 'the deletion to reach the delegation')

    const afterDeletion = await compiled('by=paragraph')
    expect(afterDeletion.inputs.find((input: any) => input.threadId === onProtected.json.thread.id)).toMatchObject({
      location: 'Detached',
      detached: true,
      quote: 'must be protected',
      body: 'Too weak.',
    })
    expect(afterDeletion.groups.at(-1)).toEqual({ heading: 'Detached', threadIds: [onProtected.json.thread.id] })
    const listed = (await threadsOf(id)).find((thread) => thread.id === onProtected.json.thread.id)
    expect(listed.anchor.quote).toBe('must be protected')
    expect(listed.comments[0].body).toBe('Too weak.')

    // Grouped by delegation: States first, then stakeholders, with regional groups named.
    const byDelegation = await compiled('by=delegation')
    expect(byDelegation.groups.map((group: any) => group.heading)).toEqual([
      'Brazil (Latin American and Caribbean Group)',
      'Kenya (African Group)',
      'Access Now (stakeholder input)',
    ])

    // Once every client has left and the document is unloaded, the same answer comes from what is stored.
    for (const c of clients.splice(0)) c.destroy()
    const deadline = Date.now() + 10_000
    while ((await (await fetch(`${server.url}/healthz`)).json()).rooms > 0) {
      if (Date.now() > deadline) throw new Error('the document did not unload')
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
    const fromStore = await compiled('by=paragraph')
    expect(fromStore.inputs.map((input: any) => [input.location, input.detached])).toEqual([
      ['Paragraph 5', false],
      ['R1', false],
      ['Detached', true],
    ])
    expect((await (await fetch(`${server.url}/healthz`)).json()).rooms).toBe(0)
  })

  it('exports the compilation as Markdown and DOCX', async () => {
    const { id, writer } = await seededDocument()
    await people.kenya.api.post(`/api/documents/${id}/threads`, { anchor: anchorOn(writer, 'must be protected'), body: 'Kenya: strengthen this.' })
    await people.stakeholder.api.post(`/api/documents/${id}/threads`, { anchor: anchorOn(writer, 'Hospitals'), body: 'Add water utilities.' })

    const markdown = await fetch(`${server.url}/api/documents/${id}/compilation?format=md&by=paragraph`, {
      headers: { authorization: `Bearer ${people.brazil.token}` },
    })
    expect(markdown.status).toBe(200)
    expect(markdown.headers.get('content-type')).toContain('text/markdown')
    expect(markdown.headers.get('content-disposition')).toMatch(/^attachment; filename=".+\.md"$/)
    const text = await markdown.text()
    expect(text).toContain('## Paragraph 2')
    expect(text).toContain('> must be protected')
    expect(text).toContain('Kenya: strengthen this.')
    expect(text).toContain('## Paragraph 3')
    expect(text).toContain('Access Now (stakeholder input)')

    const docx = await fetch(`${server.url}/api/documents/${id}/compilation?format=docx&by=delegation`, {
      headers: { authorization: `Bearer ${people.lead.token}` },
    })
    expect(docx.status).toBe(200)
    expect(docx.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
    expect(docx.headers.get('content-disposition')).toMatch(/\.docx"$/)
    const bytes = new Uint8Array(await docx.arrayBuffer())
    expect(String.fromCharCode(bytes[0], bytes[1])).toBe('PK')

    const bad = await people.kenya.api.get(`/api/documents/${id}/compilation?format=pdf`)
    expect(bad.status).toBe(400)
    expect(bad.json.error.message).toContain('format')
    expect((await people.kenya.api.get(`/api/documents/${id}/compilation?by=region`)).status).toBe(400)
  })

  it('remembers on the server when each member last looked at a document\'s comments, apart from the stage', async () => {
    const { id, writer } = await seededDocument()
    const seen = (who: keyof typeof people, documentId = id) => people[who].api.get(`/api/documents/${documentId}/comments/seen`)
    expect((await seen('kenya')).json).toEqual({ seenAt: 0 })
    const opened = await people.brazil.api.post(`/api/documents/${id}/threads`, { anchor: anchorOn(writer, 'Energy grids'), body: 'Energy first.' })
    expect(opened.status).toBe(201)

    const before = Date.now()
    const marked = await people.kenya.api.post(`/api/documents/${id}/comments/seen`)
    expect(marked.status).toBe(200)
    expect(marked.json.seenAt).toBeGreaterThanOrEqual(before)
    expect(marked.json.seenAt).toBeGreaterThanOrEqual(opened.json.thread.createdAt)
    // Read back from the server, as another machine of the same member would.
    expect((await seen('kenya')).json).toEqual({ seenAt: marked.json.seenAt })
    // Per member, and per document.
    expect((await seen('brazil')).json).toEqual({ seenAt: 0 })
    const other = await seededDocument()
    expect((await seen('kenya', other.id)).json).toEqual({ seenAt: 0 })
    // The same record as the stage's, each look kept apart: looking at the comments is not looking at the stage.
    expect((await people.kenya.api.get(`/api/documents/${id}/procedures`)).json.unseen).toBe(0)
    const stageSeen = await people.kenya.api.post(`/api/documents/${id}/procedures/seen`)
    expect(stageSeen.status).toBe(200)
    expect((await seen('kenya')).json).toEqual({ seenAt: marked.json.seenAt })
    // Nothing is recorded for a document that does not exist.
    const missing = await people.kenya.api.get('/api/documents/no-such-document/comments/seen')
    expect(missing.status).toBe(404)
    const marking = await people.kenya.api.post('/api/documents/no-such-document/comments/seen')
    expect(marking.status).toBe(404)
  })

  it('refuses bad input with the status and the field named', async () => {
    const { id, writer } = await seededDocument()
    const anchor = anchorOn(writer, 'framework')
    const post = (body: unknown) => people.kenya.api.post(`/api/documents/${id}/threads`, body)

    const empty = await post({ anchor, body: '   ' })
    expect(empty.status).toBe(400)
    expect(empty.json.error).toMatchObject({ code: 'invalid_payload', message: expect.stringContaining('body') })

    const long = await post({ anchor, body: 'x'.repeat(2001) })
    expect(long.status).toBe(400)
    expect(long.json.error.message).toContain('body must be at most 2000 characters')
    expect((await post({ anchor, body: 'x'.repeat(2000) })).status).toBe(201)

    const tooLarge = await post({ anchor, body: 'x'.repeat(70_000) })
    expect(tooLarge.status).toBe(413)
    expect(tooLarge.json.error.code).toBe('payload_too_large')

    const malformedStart = await post({ anchor: { ...anchor, start: 'not base64!' }, body: 'Hello.' })
    expect(malformedStart.status).toBe(400)
    expect(malformedStart.json.error.details).toEqual([{ path: 'anchor.start', message: expect.stringContaining('relative position') }])
    // Valid base64, but not a relative position (an unknown kind), and one naming another root type.
    const otherRoot = toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getText('other'), 0)))
    const malformedEnd = await post({ anchor: { ...anchor, end: 'BQ==' }, body: 'Hello.' })
    expect(malformedEnd.json.error.details.map((d: any) => d.path)).toEqual(['anchor.end'])
    expect((await post({ anchor: { ...anchor, end: otherRoot }, body: 'Hello.' })).status).toBe(400)
    expect((await post({ anchor: { ...anchor, start: 'A'.repeat(400) }, body: 'Hello.' })).json.error.message).toContain('anchor.start')
    const longQuote = await post({ anchor: { ...anchor, quote: 'q'.repeat(2001) }, body: 'Hello.' })
    expect(longQuote.json.error.message).toContain('anchor.quote')
    expect((await post({ body: 'No anchor.' })).json.error.message).toContain('anchor')
    expect((await people.kenya.api.request('POST', `/api/documents/${id}/threads`, '{not json')).json.error.code).toBe('invalid_json')

    const unknownDocument = await people.kenya.api.post('/api/documents/no-such-document/threads', { anchor, body: 'Hello.' })
    expect(unknownDocument.status).toBe(404)
    expect(unknownDocument.json.error.code).toBe('document_not_found')
    expect((await people.kenya.api.get('/api/documents/no-such-document/threads')).status).toBe(404)
    expect((await people.kenya.api.get('/api/documents/no-such-document/compilation')).status).toBe(404)

    for (const path of ['comments', 'resolve', 'reopen']) {
      const unknown = await people.secretariat.api.post(`/api/documents/${id}/threads/no-such-thread/${path}`, { body: 'Hello.' })
      expect(unknown.status, path).toBe(404)
      expect(unknown.json.error.code).toBe('thread_not_found')
    }
    const unknownComment = await people.kenya.api.request('PATCH', `/api/documents/${id}/comments/no-such-comment`, { body: 'x' })
    expect(unknownComment.status).toBe(404)
    expect(unknownComment.json.error.code).toBe('comment_not_found')
    expect((await people.kenya.api.request('DELETE', `/api/documents/${id}/comments/no-such-comment`)).status).toBe(404)

    // A thread of one document is not reachable through another.
    const opened = await post({ anchor, body: 'On this document.' })
    const { id: elsewhere } = await seededDocument()
    expect((await people.secretariat.api.post(`/api/documents/${elsewhere}/threads/${opened.json.thread.id}/resolve`)).status).toBe(404)
    const commentId = opened.json.thread.comments[0].id
    expect((await people.kenya.api.request('PATCH', `/api/documents/${elsewhere}/comments/${commentId}`, { body: 'x' })).status).toBe(404)

    // Without a session or token, nothing.
    expect((await new ApiClient(server.url).get(`/api/documents/${id}/threads`)).status).toBe(401)
  })

  it('keeps the documents routes mounted alongside: the record and the status still answer', async () => {
    const { id } = await seededDocument()
    expect((await people.kenya.api.get(`/api/documents/${id}`)).json.document.id).toBe(id)
    expect((await people.kenya.api.get(`/api/documents/${id}/status`)).status).toBe(200)
    expect((await people.kenya.api.get(`/api/documents/${id}/nothing-here`)).status).toBe(404)
  })
})
