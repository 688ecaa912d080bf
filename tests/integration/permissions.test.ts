import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { execFileSync } from 'node:child_process'
import { openSqlite } from '../../server/store/sqlite.ts'
import { readStored } from '../helpers/stored.ts'
import { connectClient, sleep, waitFor, type TestClient } from '../helpers/clients.ts'
import { openRawSocket, syncUpdateFrame, upgradeStatus, frameKind } from '../helpers/rawSocket.ts'
import { ApiClient } from '../helpers/http.ts'
import { mintToken, registerDocument, repoRoot, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'

describe('members, tokens and write permission', () => {
  let server: TestServer
  let dataDir: string
  let writerToken: string
  let delegationToken: string
  let stakeholderToken: string
  let dtg2WriterToken: string
  let secretariatToken: string
  const clients: TestClient[] = []
  const client = (documentId: string, token: string) => {
    const c = connectClient(server.wsUrl, documentId, token)
    clients.push(c)
    return c
  }

  beforeAll(async () => {
    dataDir = tempDataDir()
    for (const id of ['doc', 'read-only', 'hand-made', 'dtg1-draft']) await registerDocument(dataDir, id, { dtg: 1, year: 2026 })
    await registerDocument(dataDir, 'dtg2-draft', { dtg: 2, year: 2026 })
    writerToken = await mintToken(dataDir, 'Co-facilitator', 'cofacilitator', { leads: ['dtg1-2026'] })
    dtg2WriterToken = await mintToken(dataDir, 'DTG 2 co-facilitator', 'cofacilitator', { leads: ['dtg2-2026'] })
    secretariatToken = await mintToken(dataDir, 'Secretariat', 'secretariat')
    delegationToken = await mintToken(dataDir, 'Kenya', 'delegation')
    stakeholderToken = await mintToken(dataDir, 'Civil society network', 'stakeholder')
    server = await startTestServer(dataDir)
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server?.stop()
  })

  it('refuses an upgrade without a token, with an unknown token or a bad document id', async () => {
    expect(await upgradeStatus(`${server.wsUrl}/doc`)).toBe(401)
    expect(await upgradeStatus(`${server.wsUrl}/doc?token=not-a-real-token`)).toBe(401)
    expect(await upgradeStatus(`${server.wsUrl}/doc?token=${writerToken.slice(0, -1)}x`)).toBe(401)
    expect(await upgradeStatus(`${server.wsUrl}/${encodeURIComponent('../etc')}?token=${writerToken}`)).toBe(400)
    expect(await upgradeStatus(`${server.wsUrl}/doc?token=${writerToken}`)).toBe(101)
  })

  it('answers a plain HTTP request without a token with a JSON error', async () => {
    const response = await fetch(`${server.url}/collab/doc`)
    expect(response.status).toBe(401)
    expect(await response.json()).toMatchObject({ error: { code: 'unauthenticated' } })
  })

  it('lets a delegation read and publish presence, but drops its edits and tells it so', async () => {
    const writer = client('read-only', writerToken)
    await writer.synced
    writer.text.insert(0, 'Zero draft. ')
    const delegation = client('read-only', delegationToken)
    const observer = client('read-only', writerToken)
    await Promise.all([delegation.synced, observer.synced])
    await waitFor(() => delegation.text.toString() === 'Zero draft. ', 'the delegation to read the draft')

    delegation.provider.awareness.setLocalStateField('user', { name: 'Kenya' })
    await waitFor(() => observer.provider.awareness.getStates().has(delegation.doc.clientID), 'the delegation presence')

    delegation.text.insert(0, 'EDIT BY DELEGATION ')
    await waitFor(() => delegation.denials.length > 0, 'a permission-denied message')
    expect(delegation.denials[0]).toContain('read-only')
    // A later edit by a writer still reaches everyone, and the delegation's never does.
    writer.text.insert(writer.text.length, 'Rev.1.')
    await waitFor(() => observer.text.toString().includes('Rev.1.'), 'the writer edit')
    expect(observer.text.toString()).toBe('Zero draft. Rev.1.')
    expect(writer.text.toString()).toBe('Zero draft. Rev.1.')

    expect((await readStored(dataDir, 'read-only')).text).toBe('Zero draft. Rev.1.')
  })

  it('takes a delegation reconnecting with a copy that holds deletions without a refusal, and still refuses its own deletion', async () => {
    await registerDocument(dataDir, 'with-deletions', { dtg: 1, year: 2026 })
    const writer = client('with-deletions', writerToken)
    await writer.synced
    writer.text.insert(0, 'Zero draft, with a typo.')
    writer.text.delete(10, 13)
    const delegation = client('with-deletions', delegationToken)
    await delegation.synced
    await waitFor(() => delegation.text.toString() === 'Zero draft.', 'the delegation to read the draft')
    // Its copy now holds a deletion: its answer to the server's sync step 1 carries it, and changes nothing.
    delegation.provider.disconnect()
    delegation.provider.connect()
    await waitFor(() => delegation.provider.synced && delegation.provider.wsconnected, 'the delegation to sync again')
    writer.text.insert(writer.text.length, ' Rev.1.')
    await waitFor(() => delegation.text.toString() === 'Zero draft. Rev.1.', 'the writer edit after the reconnection')
    expect(delegation.denials).toEqual([])
    // A deletion of its own is a change: refused, and kept from everyone.
    delegation.text.delete(0, 5)
    await waitFor(() => delegation.denials.length > 0, 'a permission-denied message')
    writer.text.insert(0, 'Draft: ')
    await waitFor(() => delegation.text.toString().startsWith('Draft: '), 'the next writer edit')
    expect(writer.text.toString()).toBe('Draft: Zero draft. Rev.1.')
    expect((await readStored(dataDir, 'with-deletions')).text).toBe('Draft: Zero draft. Rev.1.')

    // An answer larger than all the store holds of the document is not even read: refused from its size. This one only
    // repeats a deletion the document holds (which, read, would be let go), ten thousand times over.
    const raw = await openRawSocket(`${server.wsUrl}/with-deletions?token=${delegationToken}`)
    await waitFor(() => raw.received.some((frame) => frameKind(frame) === 'sync-step1'), 'the server step 1')
    const crafted = encoding.createEncoder()
    encoding.writeVarUint(crafted, 0)
    encoding.writeVarUint(crafted, 1)
    encoding.writeVarUint(crafted, writer.doc.clientID)
    encoding.writeVarUint(crafted, 10_000)
    for (let i = 0; i < 10_000; i++) {
      encoding.writeVarUint(crafted, 10)
      encoding.writeVarUint(crafted, 1)
    }
    const answer = encoding.createEncoder()
    encoding.writeVarUint(answer, 0)
    encoding.writeVarUint(answer, 1)
    encoding.writeVarUint8Array(answer, encoding.toUint8Array(crafted))
    raw.send(encoding.toUint8Array(answer))
    await waitFor(() => raw.received.some((frame) => frameKind(frame) === 'auth'), 'permission denied for an oversized answer')
    raw.ws.close()
  })

  it('drops a stakeholder update sent by hand and answers permission denied', async () => {
    const raw = await openRawSocket(`${server.wsUrl}/hand-made?token=${stakeholderToken}`)
    const doc = new Y.Doc()
    doc.getText('content').insert(0, 'Stakeholder text')
    raw.send(syncUpdateFrame(Y.encodeStateAsUpdate(doc)))
    await waitFor(() => raw.received.some((frame) => frameKind(frame) === 'auth'), 'permission denied')
    raw.ws.close()
    const reader = client('hand-made', writerToken)
    await reader.synced
    await sleep(100)
    expect(reader.text.toString()).toBe('')
  })

  it('mints a working token from the admin command, printed as the last line', async () => {
    const output = execFileSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'token', '--name', 'Brazil', '--role', 'delegation'], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
    })
    const token = output.trim().split('\n').at(-1)!
    expect(token).toMatch(/^[A-Za-z0-9_-]{40,}$/)
    expect(await upgradeStatus(`${server.wsUrl}/doc?token=${token}`)).toBe(101)
    // The token itself is not what the database holds.
    const db = openSqlite(dataDir)
    try {
      const rows = db.prepare('SELECT hash FROM tokens').all() as Array<{ hash: string }>
      expect(rows.some((row) => row.hash === token)).toBe(false)
      expect(rows.length).toBe(6)
    } finally {
      db.close()
    }
  })

  it('lets a co-facilitator write only into documents of the workspace they lead', async () => {
    const dtg1Writer = client('dtg1-draft', writerToken)
    await dtg1Writer.synced
    dtg1Writer.text.insert(0, 'DTG 1 text. ')
    const intruder = client('dtg1-draft', dtg2WriterToken)
    await intruder.synced
    await waitFor(() => intruder.text.toString() === 'DTG 1 text. ', 'the DTG 2 co-facilitator to read the DTG 1 draft')
    intruder.text.insert(0, 'WRITTEN FROM DTG 2 ')
    await waitFor(() => intruder.denials.length > 0, 'a permission-denied message')
    const own = client('dtg2-draft', dtg2WriterToken)
    await own.synced
    own.text.insert(0, 'DTG 2 text.')
    const dtg2Reader = client('dtg2-draft', delegationToken)
    await dtg2Reader.synced
    await waitFor(() => dtg2Reader.text.toString() === 'DTG 2 text.', 'the DTG 2 edit to be relayed (so stored)')
    expect((await readStored(dataDir, 'dtg2-draft')).text).toBe('DTG 2 text.')
    expect((await readStored(dataDir, 'dtg1-draft')).text).toBe('DTG 1 text. ')
    expect(dtg1Writer.text.toString()).toBe('DTG 1 text. ')
    // The text went in as a Y.Text, not as editor content: the server reports it instead of failing on it.
    const status = await new ApiClient(server.url, secretariatToken).get('/api/documents/dtg1-draft/status')
    expect(status.json.problems).toEqual([expect.objectContaining({ code: 'document_malformed' })])
  })

  it('opens documents outside every workspace to the secretariat only', async () => {
    expect(await upgradeStatus(`${server.wsUrl}/unregistered?token=${writerToken}`)).toBe(404)
    expect(await upgradeStatus(`${server.wsUrl}/unregistered?token=${delegationToken}`)).toBe(404)
    expect(await upgradeStatus(`${server.wsUrl}/unregistered?token=${secretariatToken}`)).toBe(101)
  })

  it('closes a revoked member\'s connections at once and refuses their token from then on', async () => {
    const token = await mintToken(dataDir, 'Delegate to revoke', 'delegation', { delegation: 'Atlantis' })
    const raw = await openRawSocket(`${server.wsUrl}/doc?token=${token}`)
    const closed = new Promise<number>((resolve) => raw.ws.on('close', (code: number) => resolve(code)))
    const secretariat = new ApiClient(server.url, secretariatToken)
    const listed = (await secretariat.get('/api/members')).json.members as Array<{ id: number; name: string }>
    const target = listed.find((member) => member.name === 'Delegate to revoke')!
    expect((await new ApiClient(server.url, delegationToken).post(`/api/members/${target.id}/revoke`)).status).toBe(403)
    const revoked = await secretariat.post(`/api/members/${target.id}/revoke`)
    expect(revoked.status).toBe(200)
    expect(revoked.json.member.revokedAt).toEqual(expect.any(Number))
    expect(await closed).toBe(4403)
    expect(await upgradeStatus(`${server.wsUrl}/doc?token=${token}`)).toBe(401)
    expect((await new ApiClient(server.url, token).get('/api/me')).status).toBe(401)
  })

  it('ends a revoked member\'s live event stream, also when the admin CLI revoked them', async () => {
    const token = await mintToken(dataDir, 'Delegate revoked from the shell', 'delegation', { delegation: 'Lilliput' })
    const stream = await openEventStream(`${server.url}/api/documents/doc/events`, token)
    expect(await stream.readUntil(/event: status/)).toBe(true)
    execFileSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'revoke', '--name', 'Delegate revoked from the shell'], {
      cwd: repoRoot,
      env: { ...process.env, DATA_DIR: dataDir },
      encoding: 'utf8',
    })
    expect(await stream.readUntil(/event: ended\ndata: \{"reason":"signed out"\}/, 12_000)).toBe(true)
    expect(await stream.finished(3000)).toBe(true)
  })

  it('ends the stream of a member revoked from the CLI while others keep editing the document', async () => {
    const token = await mintToken(dataDir, 'Delegate revoked mid-session', 'delegation', { delegation: 'Laputa' })
    const stream = await openEventStream(`${server.url}/api/documents/doc/events`, token)
    expect(await stream.readUntil(/event: status/)).toBe(true)
    const writer = client('doc', writerToken)
    await writer.synced
    // Edits every 150 ms keep status events coming; bounded, it stops by itself.
    let edits = 0
    const typing = setInterval(() => {
      if (++edits > 100) clearInterval(typing)
      else writer.text.insert(writer.text.length, 'x')
    }, 150)
    try {
      execFileSync(process.execPath, ['--import', 'tsx', 'server/cli.ts', 'revoke', '--name', 'Delegate revoked mid-session'], {
        cwd: repoRoot,
        env: { ...process.env, DATA_DIR: dataDir },
        encoding: 'utf8',
      })
      expect(await stream.readUntil(/event: ended/, 12_000)).toBe(true)
      expect(edits).toBeLessThan(100)
    } finally {
      clearInterval(typing)
    }
  })

  it('limits the live event streams one member holds at once', async () => {
    const token = await mintToken(dataDir, 'Many tabs', 'delegation', { delegation: 'Blefuscu' })
    const streams = []
    for (let i = 0; i < 20; i++) streams.push(await openEventStream(`${server.url}/api/documents/doc/events`, token))
    const refused = await fetch(`${server.url}/api/documents/doc/events`, { headers: { authorization: `Bearer ${token}` } })
    expect(refused.status).toBe(429)
    expect((await refused.json()).error.code).toBe('too_many_streams')
    await streams[0].cancel()
    await waitForStatus(async () => {
      const again = await fetch(`${server.url}/api/documents/doc/events`, { headers: { authorization: `Bearer ${token}` } })
      if (again.status === 200) streams.push(await wrapStream(again))
      else await again.body?.cancel()
      return again.status === 200
    }, 'a stream to be accepted once one closed')
    for (const stream of streams.slice(1)) await stream.cancel()
  })

  it('invites a co-facilitator with the workspaces they lead, or refuses the whole invite and stores nothing', async () => {
    const secretariat = new ApiClient(server.url, secretariatToken)
    const names = async () => ((await secretariat.get('/api/members')).json.members as Array<{ name: string }>).map((m) => m.name)

    const invited = await secretariat.post('/api/members', { name: 'Lead from the start', role: 'cofacilitator', delegation: 'Chile', leads: ['dtg2-2026'] })
    expect(invited.status).toBe(201)
    expect(invited.json.member.leads).toEqual(['dtg2-2026'])
    const cofacilitators = (await secretariat.get('/api/workspaces/dtg2-2026')).json.cofacilitators as Array<{ name: string }>
    expect(cofacilitators.map((m) => m.name)).toContain('Lead from the start')
    // The link signs them in leading that workspace: they may write its documents.
    const token = new URL(invited.json.inviteUrl).hash.replace('#invite=', '')
    const signedIn = await fetch(`${server.url}/api/auth/invite`, { method: 'POST', headers: { 'content-type': 'application/json', origin: server.url }, body: JSON.stringify({ token }) })
    expect(signedIn.status).toBe(200)
    const cookie = signedIn.headers.get('set-cookie')!.split(';')[0]
    const detail = await (await fetch(`${server.url}/api/documents/dtg2-draft`, { headers: { cookie } })).json()
    expect(detail.permissions.write).toBe(true)

    const unknown = await secretariat.post('/api/members', { name: 'Lead of nowhere', role: 'cofacilitator', leads: ['dtg2-2026', 'dtg9-2099'] })
    expect(unknown.status).toBe(422)
    expect(unknown.json.error).toMatchObject({ code: 'workspace_not_found', details: { workspaces: ['dtg9-2099'] } })
    const stakeholder = await secretariat.post('/api/members', { name: 'Stakeholder lead', role: 'stakeholder', leads: ['dtg2-2026'] })
    expect(stakeholder.status).toBe(422)
    expect(stakeholder.json.error.code).toBe('stakeholder_cannot_lead')
    expect(await names()).not.toContain('Lead of nowhere')
    expect(await names()).not.toContain('Stakeholder lead')
    expect((await secretariat.post('/api/members', { name: 'Too many', role: 'cofacilitator', leads: 'dtg2-2026' })).status).toBe(400)
    expect((await new ApiClient(server.url, delegationToken).post('/api/members', { name: 'Self-made lead', role: 'cofacilitator', leads: ['dtg1-2026'] })).status).toBe(403)
  })

  it('reconnects a member whose role changed, and lets them in as they now are', async () => {
    const token = await mintToken(dataDir, 'Delegate promoted', 'delegation', { delegation: 'Brobdingnag' })
    const secretariat = new ApiClient(server.url, secretariatToken)
    const member = ((await secretariat.get('/api/members')).json.members as Array<{ id: number; name: string }>).find((m) => m.name === 'Delegate promoted')!
    const raw = await openRawSocket(`${server.wsUrl}/doc?token=${token}`)
    const closed = new Promise<number>((resolve) => raw.ws.on('close', (code: number) => resolve(code)))
    const changed = await secretariat.request('PATCH', `/api/members/${member.id}`, { role: 'secretariat', regionalGroup: 'weog', author: 'ignored' })
    expect(changed.status).toBe(200)
    expect(changed.json.member).toMatchObject({ role: 'secretariat', delegation: 'Brobdingnag', regionalGroup: 'weog' })
    expect(await closed).toBe(4501)
    expect((await new ApiClient(server.url, token).get('/api/me')).json.member.role).toBe('secretariat')
    const self = (await secretariat.get('/api/me')).json.member.id
    expect((await secretariat.request('PATCH', `/api/members/${self}`, { role: 'delegation' })).json.error.code).toBe('cannot_change_own_role')
    expect((await secretariat.request('PATCH', `/api/members/${member.id}`, { role: 'chair' })).json.error.message).toContain('role')
    // Now of the secretariat, the member manages members.
    const kenya = ((await secretariat.get('/api/members')).json.members as Array<{ id: number; name: string }>).find((m) => m.name === 'Kenya')!
    expect((await new ApiClient(server.url, token).request('PATCH', `/api/members/${kenya.id}`, { regionalGroup: 'african' })).json.member.regionalGroup).toBe('african')
  })
})


async function openEventStream(url: string, token: string) {
  const response = await fetch(url, { headers: { authorization: `Bearer ${token}` } })
  expect(response.status).toBe(200)
  return wrapStream(response)
}

/** A live SSE response read as text, with a bounded wait for a pattern or for the server to end it. */
async function wrapStream(response: Response) {
  const reader = response.body!.getReader()
  let received = ''
  let done = false
  // A read that outlives one wait is kept for the next, so no chunk is lost.
  let pending: Promise<ReadableStreamReadResult<Uint8Array>> | null = null
  const pump = async (deadline: number, until: () => boolean) => {
    while (!until() && !done && Date.now() < deadline) {
      pending ??= reader.read()
      const next = await Promise.race([pending, new Promise<null>((resolve) => setTimeout(() => resolve(null), deadline - Date.now()))])
      if (next === null) break
      pending = null
      if (next.done) done = true
      else received += new TextDecoder().decode(next.value)
    }
  }
  return {
    async readUntil(pattern: RegExp, timeoutMs = 5000) {
      await pump(Date.now() + timeoutMs, () => pattern.test(received))
      return pattern.test(received)
    },
    async finished(timeoutMs: number) {
      await pump(Date.now() + timeoutMs, () => done)
      return done
    },
    cancel: () => reader.cancel(),
  }
}

async function waitForStatus(check: () => Promise<boolean>, what: string, timeoutMs = 5000) {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
