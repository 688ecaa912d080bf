import { execFileSync } from 'node:child_process'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { connectClient, type TestClient } from '../helpers/clients.ts'
import { ApiClient } from '../helpers/http.ts'
import { openRawSocket, upgradeStatus } from '../helpers/rawSocket.ts'
import { mintToken, repoRoot, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'

function invite(dataDir: string, name: string, role: string, delegation?: string): string {
  const output = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'server/cli.ts', 'invite', '--name', name, '--role', role, ...(delegation ? ['--delegation', delegation] : [])],
    { cwd: repoRoot, env: { ...process.env, DATA_DIR: dataDir }, encoding: 'utf8' },
  )
  const link = output.trim().split('\n').at(-1)!
  return new URL(link).hash.replace('#invite=', '')
}

async function signIn(server: TestServer, token: string): Promise<ApiClient> {
  const browser = new ApiClient(server.url)
  const response = await browser.post('/api/auth/invite', { token })
  expect(response.status).toBe(200)
  return browser
}

describe('REST API', () => {
  let server: TestServer
  let dataDir: string
  let secretariat: ApiClient
  let cofacilitator: ApiClient
  let delegation: ApiClient
  const clients: TestClient[] = []

  beforeAll(async () => {
    dataDir = tempDataDir()
    await mintToken(dataDir, 'Operator', 'secretariat')
    const invites = {
      secretariat: invite(dataDir, 'Secretariat officer', 'secretariat'),
      cofacilitator: invite(dataDir, 'Co-facilitator A', 'cofacilitator', 'Singapore'),
      delegation: invite(dataDir, 'Delegate of Kenya', 'delegation', 'Kenya'),
    }
    server = await startTestServer(dataDir, { MAX_REQUEST_BYTES: '4096' })
    secretariat = await signIn(server, invites.secretariat)
    cofacilitator = await signIn(server, invites.cofacilitator)
    delegation = await signIn(server, invites.delegation)
  })
  afterAll(async () => {
    for (const c of clients) c.destroy()
    await server?.stop()
  })

  describe('sign-in', () => {
    it('sets an HttpOnly, SameSite=Strict session cookie and names the member', async () => {
      const token = invite(dataDir, 'Delegate of Brazil', 'delegation', 'Brazil')
      const browser = new ApiClient(server.url)
      const response = await browser.post('/api/auth/invite', { token })
      const cookie = response.headers.get('set-cookie')!
      expect(cookie).toMatch(/^dtg_session=[A-Za-z0-9_-]{40,};/)
      expect(cookie).toContain('HttpOnly')
      expect(cookie).toContain('SameSite=Strict')
      expect((await browser.get('/api/me')).json).toEqual({
        member: { id: expect.any(Number), name: 'Delegate of Brazil', role: 'delegation', delegation: 'Brazil', regionalGroup: null },
        permissions: { createWorkspace: false, manageMembers: false, editCatalogue: false },
        // No interface language chosen yet: the browser's is used.
        language: null,
      })
    })

    it('spends an invite once', async () => {
      const token = invite(dataDir, 'Delegate of Chile', 'delegation', 'Chile')
      expect((await new ApiClient(server.url).post('/api/auth/invite', { token })).status).toBe(200)
      const again = await new ApiClient(server.url).post('/api/auth/invite', { token })
      expect(again.status).toBe(400)
      expect(again.json.error.code).toBe('invite_used')
      const unknown = await new ApiClient(server.url).post('/api/auth/invite', { token: 'nope' })
      expect(unknown.json.error.code).toBe('invite_unknown')
    })

    it('ends the session on sign-out', async () => {
      const browser = await signIn(server, invite(dataDir, 'Delegate of Ghana', 'delegation', 'Ghana'))
      const cookie = browser.sessionCookie!
      expect((await browser.post('/api/auth/signout')).status).toBe(204)
      const stale = await new ApiClient(server.url).request('GET', '/api/me', undefined, { cookie })
      expect(stale.status).toBe(401)
      expect(stale.json.error.code).toBe('session_expired')
    })

    it('closes the connections a session opened when it signs out (4401), and only those', async () => {
      const leaving = await signIn(server, invite(dataDir, 'Delegate of Peru', 'delegation', 'Peru'))
      const staying = await signIn(server, invite(dataDir, 'Delegate of Fiji', 'delegation', 'Fiji'))
      // Documents outside workspaces are the secretariat's: these two read a workspace's document.
      const workspace = (await secretariat.post('/api/workspaces', { dtg: 2, year: 2031, title: 'DTG 2 (2031)' })).json
      const documentId = (await secretariat.post(`/api/workspaces/${workspace.id}/documents`, { title: 'x', kind: 'working-draft' })).json.document.id
      const mine = await openRawSocket(`${server.wsUrl}/${documentId}`, { cookie: leaving.sessionCookie! })
      const theirs = await openRawSocket(`${server.wsUrl}/${documentId}`, { cookie: staying.sessionCookie! })
      const mineClosed = new Promise<number>((resolve) => mine.ws.on('close', (code: number) => resolve(code)))
      expect((await leaving.post('/api/auth/signout')).status).toBe(204)
      expect(await mineClosed).toBe(4401)
      expect(theirs.ws.readyState).toBe(theirs.ws.OPEN)
      theirs.ws.close()
    })

    it('accepts the session cookie on the WebSocket and refuses other origins', async () => {
      // A document outside every workspace is open to the secretariat only.
      const url = `${server.wsUrl}/any-document`
      expect(await upgradeStatus(url, { cookie: secretariat.sessionCookie! })).toBe(101)
      expect(await upgradeStatus(url, { cookie: secretariat.sessionCookie!, origin: 'https://elsewhere.example' })).toBe(403)
      expect(await upgradeStatus(url, { cookie: secretariat.sessionCookie!, origin: server.url })).toBe(101)
      expect(await upgradeStatus(url, { cookie: cofacilitator.sessionCookie! })).toBe(404)
    })
  })

  describe('workspaces and documents', () => {
    let workspaceId: string

    it('lets the secretariat create a workspace and names what is wrong with a bad one', async () => {
      const created = await secretariat.post('/api/workspaces', { dtg: 1, year: 2027, title: 'DTG 1 in 2027' })
      expect(created.status).toBe(201)
      workspaceId = created.json.id
      const duplicate = await secretariat.post('/api/workspaces', { dtg: 1, year: 2027, title: 'again' })
      expect(duplicate.status).toBe(409)
      const bad = await secretariat.post('/api/workspaces', { dtg: 3, year: 1999, title: '' })
      expect(bad.status).toBe(400)
      expect(bad.json.error.code).toBe('invalid_payload')
      expect(bad.json.error.message).toContain('dtg')
      expect(bad.json.error.message).toContain('year')
      expect(bad.json.error.message).toContain('title')
      expect((await cofacilitator.post('/api/workspaces', { dtg: 2, year: 2027, title: 'x' })).status).toBe(403)
      expect((await secretariat.request('POST', '/api/workspaces', '{not json')).json.error.code).toBe('invalid_json')
      // JSON allows the NUL character; no text a member writes has it, and PostgreSQL refuses it: 400, nothing created.
      const nul = await secretariat.post('/api/workspaces', { dtg: 2, year: 2027, title: 'DTG 2\u0000 in 2027' })
      expect(nul.status).toBe(400)
      expect(nul.json.error).toMatchObject({ code: 'invalid_text', message: 'title must not contain the NUL character (U+0000)' })
      const nested = await secretariat.request('POST', '/api/workspaces', '{"dtg":2,"year":2027,"title":"ok","extra":[{"note":"a\\u0000"}]}')
      expect(nested.json.error).toMatchObject({ code: 'invalid_text', message: 'extra[0].note must not contain the NUL character (U+0000)' })
      const workspaces = (await secretariat.get('/api/workspaces')).json as Array<{ dtg: number; year: number }>
      expect(workspaces.length).toBeGreaterThan(0)
      expect(workspaces.filter((w) => w.dtg === 2 && w.year === 2027)).toEqual([])
    })

    it('lets the secretariat make a member co-facilitator of a workspace, and only then may they create documents in it', async () => {
      expect((await cofacilitator.post(`/api/workspaces/${workspaceId}/documents`, { title: 'x', kind: 'working-draft' })).status).toBe(403)
      const memberId = (await cofacilitator.get('/api/me')).json.member.id
      expect((await cofacilitator.request('PUT', `/api/workspaces/${workspaceId}/cofacilitators/${memberId}`)).status).toBe(403)
      const assigned = await secretariat.request('PUT', `/api/workspaces/${workspaceId}/cofacilitators/${memberId}`)
      expect(assigned.status).toBe(200)
      expect(assigned.json.cofacilitators.map((m: { name: string }) => m.name)).toEqual(['Co-facilitator A'])
      expect((await delegation.get(`/api/workspaces/${workspaceId}`)).json.cofacilitators).toHaveLength(1)
      expect((await secretariat.request('PUT', `/api/workspaces/${workspaceId}/cofacilitators/999999`)).status).toBe(404)
      expect((await secretariat.request('DELETE', `/api/workspaces/${workspaceId}/cofacilitators/abc`)).status).toBe(404)
      const delegationId = (await delegation.get('/api/me')).json.member.id
      expect((await secretariat.request('DELETE', `/api/workspaces/${workspaceId}/cofacilitators/${delegationId}`)).json.error.code).toBe('cofacilitator_not_found')
    })

    it('creates a document from a template, with guiding questions linked to the framework', async () => {
      const created = await cofacilitator.post(`/api/workspaces/${workspaceId}/documents`, {
        title: 'Annual summary',
        kind: 'annual-summary',
        symbol: 'A/AC.292/DTG1/2027/CRP.1',
        templateId: 'dtg1-critical-infrastructure',
      })
      expect(created.status).toBe(201)
      const id = created.json.document.id
      const listed = await delegation.get(`/api/workspaces/${workspaceId}`)
      expect(listed.json.documents.map((d: { id: string }) => d.id)).toContain(id)
      expect((await delegation.get(`/api/documents/${id}`)).json).toMatchObject({ permissions: { write: false }, document: { symbol: 'A/AC.292/DTG1/2027/CRP.1' } })
      expect((await cofacilitator.get(`/api/documents/${id}`)).json.permissions.write).toBe(true)
      expect((await delegation.post(`/api/workspaces/${workspaceId}/documents`, { title: 'x', kind: 'working-draft' })).status).toBe(403)
      expect((await cofacilitator.post(`/api/workspaces/${workspaceId}/documents`, { title: 'x', kind: 'memo' })).json.error.message).toContain('kind')
      expect((await cofacilitator.post(`/api/workspaces/${workspaceId}/documents`, { title: 'x', kind: 'working-draft', templateId: 'none' })).status).toBe(400)

      const reader = connectClient(server.wsUrl, id, await mintToken(dataDir, 'Reader', 'delegation'))
      clients.push(reader)
      await reader.synced
      const json = reader.doc.getXmlFragment('content').toJSON()
      expect(json).toContain('Guiding question')
      expect(json).toContain('norm-g')
    })

    it('reports a document as valid or not, and pushes a new status after an edit', async () => {
      const created = await cofacilitator.post(`/api/workspaces/${workspaceId}/documents`, { title: 'Recommendations', kind: 'recommendations' })
      const id = created.json.document.id
      expect((await delegation.get(`/api/documents/${id}/status`)).json).toMatchObject({ documentId: id, valid: true, problems: [] })

      const events = await fetch(`${server.url}/api/documents/${id}/events`, { headers: { cookie: delegation.sessionCookie! } })
      expect(events.headers.get('content-type')).toContain('text/event-stream')
      const reader = events.body!.getReader()
      let received = ''
      const readUntil = async (pattern: RegExp) => {
        const deadline = Date.now() + 5000
        while (!pattern.test(received) && Date.now() < deadline) {
          const { value, done } = await reader.read()
          if (done) break
          received += new TextDecoder().decode(value)
        }
        return pattern.test(received)
      }
      expect(await readUntil(/"valid":true/)).toBe(true)

      // A writer adds a recommendation without any link.
      const writer = connectClient(server.wsUrl, id, await mintToken(dataDir, 'Writer', 'cofacilitator', { leads: [workspaceId] }))
      clients.push(writer)
      await writer.synced
      const unlinked = prosemirrorJSONToYDoc(draftSchema, {
        type: 'doc',
        content: [{ type: 'recommendation', attrs: { id: 'rec-1', refs: [] }, content: [{ type: 'paragraph', content: [{ type: 'text', text: 'States should.' }] }] }],
      }, 'content')
      Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(unlinked))
      expect(await readUntil(/recommendation_unlinked/)).toBe(true)
      await reader.cancel()
      const status = (await delegation.get(`/api/documents/${id}/status`)).json
      expect(status.valid).toBe(false)
      expect(status.problems[0]).toMatchObject({ code: 'recommendation_unlinked', recommendationId: 'rec-1', recommendationNumber: 1 })
      expect((await delegation.get('/api/documents/unknown-doc/status')).status).toBe(404)
    })
  })

  describe('framework catalogue', () => {
    it('serves the built-in catalogue and lets only the secretariat override it, keeping each version', async () => {
      const builtIn = (await delegation.get('/api/catalogue')).json
      expect(builtIn.elements.some((e: { id: string }) => e.id === 'norm-g')).toBe(true)
      expect(builtIn.pillars).toHaveLength(5)
      const override = {
        version: '2027-01',
        elements: [
          { id: 'norm-a', retired: true },
          { id: 'cbm-9', pillar: 'cbms', label: 'CBM 9', title: 'A new measure', summary: 'Agreed later.', source: 'Annual progress report', verified: false },
        ],
      }
      expect((await cofacilitator.put('/api/catalogue', override)).status).toBe(403)
      const saved = await secretariat.put('/api/catalogue', override)
      expect(saved.status).toBe(200)
      const merged = (await delegation.get('/api/catalogue')).json
      expect(merged.version).toContain('2027-01')
      expect(merged.elements.find((e: { id: string }) => e.id === 'norm-a').retired).toBe(true)
      expect(merged.elements.find((e: { id: string }) => e.id === 'cbm-9').title).toBe('A new measure')
      expect((await secretariat.get('/api/catalogue/history')).json[0].version).toBe('2027-01')
      const bad = await secretariat.put('/api/catalogue', { version: 'x', elements: [{ id: 'nonexistent', retired: true }] })
      expect(bad.status).toBe(422)
      const invalid = await secretariat.put('/api/catalogue', { version: 'x', elements: [{ id: 'Bad Id' }] })
      expect(invalid.status).toBe(400)
    })
  })

  it('refuses oversized request bodies with 413', async () => {
    const big = await secretariat.post('/api/workspaces', { dtg: 1, year: 2028, title: 'x'.repeat(5000) })
    expect(big.status).toBe(413)
    expect(big.json.error.code).toBe('payload_too_large')
  })

  it('answers unknown API routes and unauthenticated calls with JSON errors', async () => {
    expect((await secretariat.get('/api/nothing-here')).status).toBe(404)
    const anonymous = await new ApiClient(server.url).get('/api/workspaces')
    expect(anonymous.status).toBe(401)
    expect(anonymous.json.error.code).toBe('unauthenticated')
  })
})
