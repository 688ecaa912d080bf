import Database from 'better-sqlite3'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { Node } from '@tiptap/pm/model'
import * as Y from 'yjs'
import { updateYFragment, yXmlFragmentToProsemirrorJSON } from '@tiptap/y-tiptap'
import { resolveAnchor } from '../../shared/anchor/placeAnchor.ts'
import { topLevelBlocks } from '../../shared/collab/blockKey.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { doc, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import type { DraftDocJson } from '../../shared/schema/draftJson.ts'
import type { SnapshotSummary } from '../../shared/schema/history.ts'
import { connectClient, sleep, waitFor, waitForAsync, type TestClient } from '../helpers/clients.ts'
import { ApiClient } from '../helpers/http.ts'
import { anchorOn, blockTexts } from '../helpers/passages.ts'
import { mintToken, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'

/** Edits the client's document towards `json` the way the editor does: a minimal change to the shared fragment. */
function write(client: TestClient, json: DraftDocJson): void {
  const fragment = client.doc.getXmlFragment('content')
  client.doc.transact(() => updateYFragment(client.doc, fragment, Node.fromJSON(draftSchema, json), { mapping: new Map(), isOMark: new Map() }))
}

const textOf = (client: TestClient) => blockTexts(client.doc).join('\n')
const jsonText = (content: unknown) => JSON.stringify(content)

const intervalMs = 4000
const base = [
  paragraph('The group met four times in 2026.'),
  recommendation('rec-a', ['norm-g'], 'States should protect critical infrastructure from ICT threats.'),
]

describe('history: automatic snapshots, restores that lose nothing, comments that come back', () => {
  let server: TestServer
  let cofacilitator: ApiClient
  let delegation: ApiClient
  let stakeholder: ApiClient
  let documentId: string
  let otherDocumentId: string
  let cofacilitatorToken: string
  let writer: TestClient
  let reader: TestClient
  const clients: TestClient[] = []

  const history = async (): Promise<SnapshotSummary[]> => {
    const answer = await cofacilitator.get(`/api/documents/${documentId}/history`)
    expect(answer.status).toBe(200)
    return answer.json.snapshots
  }
  /** Writes, then waits until the server has relayed it to the other client (so it is stored). */
  const writeStored = async (json: DraftDocJson, marker: string) => {
    write(writer, json)
    await waitFor(() => textOf(reader).includes(marker), `the server to relay "${marker}"`)
  }

  beforeAll(async () => {
    const dataDir = tempDataDir()
    const secretariatToken = await mintToken(dataDir, 'Secretariat', 'secretariat')
    const delegationToken = await mintToken(dataDir, 'Delegate of Kenya', 'delegation', { delegation: 'Kenya' })
    const stakeholderToken = await mintToken(dataDir, 'Civil society', 'stakeholder')
    server = await startTestServer(dataDir, { HISTORY_SNAPSHOT_INTERVAL_MS: String(intervalMs) })
    const secretariat = new ApiClient(server.url, secretariatToken)
    const workspace = (await secretariat.post('/api/workspaces', { dtg: 1, year: 2026, title: 'DTG 1 (2026)' })).json
    documentId = (await secretariat.post(`/api/workspaces/${workspace.id}/documents`, { title: 'Summary', kind: 'recommendations' })).json.document.id
    otherDocumentId = (await secretariat.post(`/api/workspaces/${workspace.id}/documents`, { title: 'Other', kind: 'recommendations' })).json.document.id
    cofacilitatorToken = await mintToken(dataDir, 'Co-facilitator', 'cofacilitator', { delegation: 'Singapore', leads: [workspace.id] })
    cofacilitator = new ApiClient(server.url, cofacilitatorToken)
    delegation = new ApiClient(server.url, delegationToken)
    stakeholder = new ApiClient(server.url, stakeholderToken)
    writer = connectClient(server.wsUrl, documentId, cofacilitatorToken)
    reader = connectClient(server.wsUrl, documentId, delegationToken)
    clients.push(writer, reader)
    await Promise.all([writer.synced, reader.synced])
  }, 60_000)
  afterAll(async () => {
    for (const client of clients) client.destroy()
    await server?.stop()
  })

  it('takes a snapshot when the text changes, at most once per interval, naming who wrote what went into it', async () => {
    expect(await history()).toEqual([])
    await writeStored(doc(paragraph('First words.'), ...base), 'First words.')
    await waitForAsync(async () => (await history()).length === 1, 'the first snapshot')
    const [first] = await history()
    expect(first!.reason).toBe('auto')
    expect(first!.takenBy).toBeNull()
    expect(first!.authors.map((author) => author.name)).toEqual(['Co-facilitator'])
    const detail = await cofacilitator.get(`/api/documents/${documentId}/history/${first!.id}`)
    expect(jsonText(detail.json.content)).toContain('First words.')

    // Two more edits well within the interval: one snapshot follows them, not two, and not before the interval.
    await writeStored(doc(paragraph('Second words.'), ...base), 'Second words.')
    await writeStored(doc(paragraph('Third words.'), ...base), 'Third words.')
    expect((await history()).length).toBe(1)
    await waitForAsync(async () => (await history()).length === 2, 'the second snapshot', intervalMs + 10_000)
    await sleep(500)
    const [second, again] = await history()
    expect(again!.id).toBe(first!.id)
    expect(second!.createdAt - first!.createdAt).toBeGreaterThanOrEqual(intervalMs)
    const secondText = jsonText((await cofacilitator.get(`/api/documents/${documentId}/history/${second!.id}`)).json.content)
    expect(secondText).toContain('Third words.')
    expect(secondText).not.toContain('Second words.')
    // No edit since: no further snapshot.
    await sleep(intervalMs + 500)
    expect((await history()).length).toBe(2)
  }, 60_000)

  let revisionId: number
  let savedBeforeRestore: SnapshotSummary
  let threadId: string

  it('restoring a revision keeps the text it replaces as a snapshot first, and detaches comments on text it removes', async () => {
    const cut = await cofacilitator.post(`/api/documents/${documentId}/revisions`, { label: 'Rev.1' })
    expect(cut.status).toBe(201)
    revisionId = cut.json.revision.id
    // Wait for a fresh automatic snapshot so the next edit is well inside the interval.
    const before = (await history()).length
    await writeStored(doc(paragraph('Third words.'), ...base, paragraph('Typed after Rev.1 was cut, never named.')), 'never named')
    await waitForAsync(async () => (await history()).length === before + 1, 'a snapshot of the typed text', intervalMs + 10_000)
    await writeStored(doc(paragraph('Third words.'), ...base, paragraph('Typed after Rev.1 was cut, never named. And more since.')), 'And more since.')
    // A comment on the text typed since.
    const thread = await delegation.post(`/api/documents/${documentId}/threads`, { anchor: anchorOn(reader.doc, 'And more since.'), body: 'Keep this.' })
    expect(thread.status).toBe(201)
    threadId = thread.json.thread.id

    const restored = await cofacilitator.post(`/api/documents/${documentId}/revisions/${revisionId}/restore`)
    expect(restored.status).toBe(200)
    expect(restored.json.revision.id).toBe(revisionId)
    savedBeforeRestore = restored.json.saved
    expect(savedBeforeRestore.reason).toBe('restore')
    expect(savedBeforeRestore.takenBy?.name).toBe('Co-facilitator')
    await waitFor(() => !textOf(reader).includes('never named'), 'the restore to reach the reader')
    // The replaced text, typed after the last named revision, is in the history.
    const saved = await cofacilitator.get(`/api/documents/${documentId}/history/${savedBeforeRestore.id}`)
    expect(jsonText(saved.json.content)).toContain('Typed after Rev.1 was cut, never named. And more since.')
    expect((await history())[0]!.id).toBe(savedBeforeRestore.id)
    // The comment's text is gone: the thread is detached.
    const threads = (await cofacilitator.get(`/api/documents/${documentId}/threads`)).json.threads
    const detached = threads.find((t: { id: string }) => t.id === threadId)
    expect(resolveAnchor(reader.doc, reader.doc.getXmlFragment('content'), detached.anchor).kind).toBe('detached')
  }, 60_000)

  it('compares a snapshot with the current text through /compare, and restores it: the text and its comment come back', async () => {
    const compared = await delegation.get(`/api/documents/${documentId}/compare?from=snapshot:${savedBeforeRestore.id}&to=current`)
    expect(compared.status).toBe(200)
    expect(compared.json.from.label).toMatch(/^Snapshot of /)
    expect(compared.json.to.label).toBe('Current text')
    expect(JSON.stringify(compared.json.comparison)).toContain('never named')
    // A snapshot exports like a revision, under its time.
    const exported = await fetch(`${server.url}/api/documents/${documentId}/export?format=md&revision=snapshot:${savedBeforeRestore.id}`, {
      headers: { authorization: `Bearer ${cofacilitatorToken}` },
    })
    expect(exported.status).toBe(200)
    expect(exported.headers.get('content-disposition')).toMatch(/Snapshot-of-/)
    expect(await exported.text()).toContain('Typed after Rev.1 was cut, never named. And more since.')

    const restored = await cofacilitator.post(`/api/documents/${documentId}/history/${savedBeforeRestore.id}/restore`)
    expect(restored.status).toBe(200)
    expect(restored.json.snapshot.id).toBe(savedBeforeRestore.id)
    expect(restored.json.revision).toBeNull()
    // The text replaced now (Rev.1's) is itself kept first.
    expect(restored.json.saved.id).not.toBe(savedBeforeRestore.id)
    const savedNow = await cofacilitator.get(`/api/documents/${documentId}/history/${restored.json.saved.id}`)
    expect(jsonText(savedNow.json.content)).not.toContain('never named')
    await waitFor(() => textOf(reader).includes('Typed after Rev.1 was cut, never named. And more since.'), 'the snapshot restored for everyone')
    expect(yXmlFragmentToProsemirrorJSON(reader.doc.getXmlFragment('content'))).toEqual(
      (await cofacilitator.get(`/api/documents/${documentId}/history/${savedBeforeRestore.id}`)).json.content,
    )
    // The thread is anchored again on its quote.
    const thread = (await cofacilitator.get(`/api/documents/${documentId}/threads`)).json.threads.find((t: { id: string }) => t.id === threadId)
    const resolved = resolveAnchor(reader.doc, reader.doc.getXmlFragment('content'), thread.anchor)
    expect(resolved.kind).toBe('attached')
    if (resolved.kind !== 'attached') return
    expect(resolved.start.type).toBe(resolved.end.type)
    const text = (resolved.start.type as Y.XmlText).toString().replace(/<[^>]+>/g, '')
    expect(text.slice(resolved.start.index, resolved.end.index)).toBe('And more since.')
  }, 60_000)

  it('keeps the text before an accepted proposal changes it', async () => {
    const before = (await history()).length
    await writeStored(doc(paragraph('Fourth words.'), ...base), 'Fourth words.')
    await waitForAsync(async () => (await history()).length === before + 1, 'a snapshot of the fourth words', intervalMs + 10_000)
    await writeStored(doc(paragraph('Fourth words, about to be replaced.'), ...base), 'about to be replaced')
    const proposal = await delegation.post(`/api/documents/${documentId}/proposals`, {
      kind: 'replace',
      anchor: anchorOn(reader.doc, 'about to be replaced'),
      text: 'replaced on the proposal of Kenya',
    })
    expect(proposal.status).toBe(201)
    const accepted = await cofacilitator.post(`/api/documents/${documentId}/proposals/${proposal.json.proposal.id}/accept`, {})
    expect(accepted.status).toBe(200)
    const [newest] = await history()
    expect(newest!.reason).toBe('proposal')
    expect(newest!.takenBy?.name).toBe('Co-facilitator')
    const content = jsonText((await cofacilitator.get(`/api/documents/${documentId}/history/${newest!.id}`)).json.content)
    expect(content).toContain('Fourth words, about to be replaced.')
    await waitFor(() => textOf(reader).includes('replaced on the proposal of Kenya'), 'the accepted proposal')
  }, 60_000)

  it('answers bad input with 4xx and changes nothing', async () => {
    const snapshots = await history()
    const currentBefore = textOf(reader)
    const someone = snapshots[snapshots.length - 1]!
    for (const bad of ['999999', 'abc', '-1', '1.5']) {
      const answer = await cofacilitator.get(`/api/documents/${documentId}/history/${bad}`)
      expect(answer.status).toBe(404)
      expect(answer.json.error.code).toBe('snapshot_not_found')
    }
    // A snapshot of another document is not found under this one.
    expect((await cofacilitator.get(`/api/documents/${otherDocumentId}/history/${someone.id}`)).status).toBe(404)
    expect((await cofacilitator.post(`/api/documents/${otherDocumentId}/history/${someone.id}/restore`)).status).toBe(404)
    expect((await cofacilitator.post(`/api/documents/${documentId}/history/999999/restore`)).json.error.code).toBe('snapshot_not_found')
    const compared = await cofacilitator.get(`/api/documents/${documentId}/compare?from=snapshot:999999&to=current`)
    expect(compared.status).toBe(404)
    expect(compared.json.error.code).toBe('snapshot_not_found')
    expect((await cofacilitator.get(`/api/documents/nope/history`)).status).toBe(404)
    // Only those who may restore revisions may restore snapshots; everyone may read the history.
    for (const client of [delegation, stakeholder]) {
      const refused = await client.post(`/api/documents/${documentId}/history/${someone.id}/restore`)
      expect(refused.status).toBe(403)
      expect((await client.get(`/api/documents/${documentId}/history`)).status).toBe(200)
    }
    expect((await new ApiClient(server.url).get(`/api/documents/${documentId}/history`)).status).toBe(401)
    expect(await history()).toEqual(snapshots)
    expect(textOf(reader)).toBe(currentBefore)
  }, 30_000)

  it('refuses (409) a snapshot restore that would change agreed text, and changes nothing', async () => {
    const [newest] = await history()
    const oldest = (await history()).at(-1)!
    const firstBlock = topLevelBlocks(reader.doc)[0]!.key
    const agreed = await cofacilitator.put(`/api/documents/${documentId}/blocks/status`, { blocks: [firstBlock], status: 'agreed' })
    expect(agreed.status).toBe(200)
    const before = textOf(reader)
    const refused = await cofacilitator.post(`/api/documents/${documentId}/history/${oldest.id}/restore`)
    expect(refused.status).toBe(409)
    expect(refused.json.error.code).toBe('agreed_text_locked')
    await sleep(300)
    expect(textOf(reader)).toBe(before)
    // A restore that was not made leaves no snapshot "before the restore" in the history.
    expect((await history()).filter((snapshot) => snapshot.id > newest!.id && snapshot.reason === 'restore')).toEqual([])
  }, 30_000)
})

describe('history: retention applied at start-up and on a timer', () => {
  it('thins old snapshots to one a day, drops those past the daily window, keeps the newest', async () => {
    const dataDir = tempDataDir()
    const secretariatToken = await mintToken(dataDir, 'Secretariat', 'secretariat')
    const fast = { HISTORY_SNAPSHOT_INTERVAL_MS: '100', HISTORY_KEEP_ALL_DAYS: '7', HISTORY_KEEP_DAILY_DAYS: '30', HISTORY_PRUNE_INTERVAL_MS: '1000' }
    let server = await startTestServer(dataDir, fast)
    let api = new ApiClient(server.url, secretariatToken)
    const workspace = (await api.post('/api/workspaces', { dtg: 2, year: 2026, title: 'DTG 2 (2026)' })).json
    const documentId = (await api.post(`/api/workspaces/${workspace.id}/documents`, { title: 'Summary', kind: 'annual-summary' })).json.document.id
    const writer = connectClient(server.wsUrl, documentId, secretariatToken)
    await writer.synced
    const count = async () => (await api.get(`/api/documents/${documentId}/history`)).json.snapshots.length as number
    for (let i = 1; i <= 5; i++) {
      write(writer, doc(paragraph(`Version ${i}.`)))
      await waitForAsync(async () => (await count()) === i, `snapshot ${i}`)
    }
    writer.destroy()
    await server.stop()

    // Back-date them: two on one day 10 days ago, one 40 days ago, one 20 days ago; the newest stays recent.
    const db = new Database(path.join(dataDir, 'workspace.sqlite'))
    const ids = (db.prepare('SELECT id FROM document_snapshots ORDER BY id').all() as Array<{ id: number }>).map((row) => row.id)
    const day = 86_400_000
    const tenDaysAgo = Math.floor((Date.now() - 10 * day) / day) * day
    const setAt = db.prepare('UPDATE document_snapshots SET created_at = ? WHERE id = ?')
    setAt.run(Date.now() - 40 * day, ids[0])
    setAt.run(tenDaysAgo + 3_600_000, ids[1])
    setAt.run(tenDaysAgo + 7_200_000, ids[2])
    setAt.run(Date.now() - 20 * day, ids[3])
    db.close()

    server = await startTestServer(dataDir, fast)
    try {
      const listed = async () => ((await api.get(`/api/documents/${documentId}/history`)).json.snapshots as SnapshotSummary[]).map((s) => s.id)
      api = new ApiClient(server.url, secretariatToken)
      // At start-up: the one past 30 days and the earlier of the two on one day went.
      expect((await listed()).sort((a, b) => a - b)).toEqual([ids[2], ids[3], ids[4]])
      // On the timer: back-date another while the server runs.
      const live = new Database(path.join(dataDir, 'workspace.sqlite'))
      live.prepare('UPDATE document_snapshots SET created_at = ? WHERE id = ?').run(Date.now() - 31 * day, ids[3])
      live.close()
      await waitForAsync(async () => !(await listed()).includes(ids[3]!), 'the timer to prune the back-dated snapshot', 10_000)
      expect((await listed()).sort((a, b) => a - b)).toEqual([ids[2], ids[4]])
    } finally {
      await server.stop()
    }
  }, 90_000)
})

describe('history: a clean shutdown keeps the snapshot that was due', () => {
  it('takes the pending snapshot when the server stops, long before its interval', async () => {
    const dataDir = tempDataDir()
    const token = await mintToken(dataDir, 'Secretariat', 'secretariat')
    const slow = { HISTORY_SNAPSHOT_INTERVAL_MS: '600000' }
    let server = await startTestServer(dataDir, slow)
    let api = new ApiClient(server.url, token)
    const workspace = (await api.post('/api/workspaces', { dtg: 1, year: 2027, title: 'DTG 1 (2027)' })).json
    const documentId = (await api.post(`/api/workspaces/${workspace.id}/documents`, { title: 'Summary', kind: 'annual-summary' })).json.document.id
    const writer = connectClient(server.wsUrl, documentId, token)
    const reader = connectClient(server.wsUrl, documentId, token)
    try {
      await Promise.all([writer.synced, reader.synced])
      write(writer, doc(paragraph('Typed just before the server stopped.')))
      await waitFor(() => textOf(reader).includes('just before the server stopped'), 'the edit to be stored')
      expect((await api.get(`/api/documents/${documentId}/history`)).json.snapshots).toEqual([])
    } finally {
      writer.destroy()
      reader.destroy()
      await server.stop()
    }
    server = await startTestServer(dataDir, slow)
    try {
      api = new ApiClient(server.url, token)
      const [snapshot, ...rest] = (await api.get(`/api/documents/${documentId}/history`)).json.snapshots as SnapshotSummary[]
      expect(rest).toEqual([])
      expect(snapshot!.reason).toBe('auto')
      expect(jsonText((await api.get(`/api/documents/${documentId}/history/${snapshot!.id}`)).json.content)).toContain('Typed just before the server stopped.')
    } finally {
      await server.stop()
    }
  }, 60_000)
})
