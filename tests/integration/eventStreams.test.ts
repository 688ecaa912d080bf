/**
 * A document's live event stream whose client stops reading: the events for it are held up to
 * MAX_STREAM_BACKLOG_BYTES, then the stream ends (its client reconnects and catches up), rather than held without end.
 * Each reply to a thread publishes the whole thread, so a member replying at length to a thread that viewers do not
 * read would otherwise grow the server's memory by the square of the replies, for each such stream.
 */
import net from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { toBase64 } from 'lib0/buffer'
import { openEvents } from '../helpers/events.ts'
import { waitForAsync } from '../helpers/clients.ts'
import { ApiClient } from '../helpers/http.ts'
import { mintToken, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'

const backlogLimit = 256 * 1024
const commentsPerThread = 80

/** A stream opened on a bare socket that, once the answer's headers arrived, reads nothing more. */
function unreadStream(server: TestServer, documentId: string, token: string): Promise<net.Socket> {
  const { port } = new URL(server.url)
  return new Promise((resolve, reject) => {
    const socket = net.connect(Number(port), '127.0.0.1', () => {
      socket.write(`GET /api/documents/${documentId}/events HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nAuthorization: Bearer ${token}\r\n\r\n`)
    })
    socket.once('data', (chunk) => {
      socket.pause()
      if (chunk.toString('latin1').startsWith('HTTP/1.1 200')) resolve(socket)
      else reject(new Error(`the stream was not opened: ${chunk.toString('latin1').split('\r\n')[0]}`))
    })
    socket.once('error', reject)
  })
}

describe('live event streams', () => {
  let server: TestServer
  let secretariat: ApiClient
  let delegate: ApiClient
  let delegateToken: string
  let documentId: string

  const openStreams = async () => {
    const metrics = await (await fetch(`${server.url}/metrics`)).text()
    return Number(metrics.match(/^dtg_event_streams (\d+)/m)?.[1] ?? Number.NaN)
  }

  beforeAll(async () => {
    const dataDir = tempDataDir()
    const secretariatToken = await mintToken(dataDir, 'Secretariat', 'secretariat')
    delegateToken = await mintToken(dataDir, 'Delegate of Kenya', 'delegation', { delegation: 'Kenya' })
    server = await startTestServer(dataDir, { MAX_STREAM_BACKLOG_BYTES: String(backlogLimit), API_WRITES_PER_MINUTE: '0', MAX_COMMENTS_PER_THREAD: String(commentsPerThread) })
    secretariat = new ApiClient(server.url, secretariatToken)
    delegate = new ApiClient(server.url, delegateToken)
    const workspaceId = (await secretariat.post('/api/workspaces', { dtg: 1, year: 2026, title: 'DTG 1 (2026)' })).json.id
    const created = await secretariat.post(`/api/workspaces/${workspaceId}/documents`, { title: 'Annual summary', kind: 'working-draft' })
    expect(created.status).toBe(201)
    documentId = created.json.document.id
  })
  afterAll(async () => {
    const code = await server?.stop()
    expect(code, server?.output()).toBe(0)
  })

  it('ends a stream its client does not read once its backlog passes the limit; a viewer that reads has every event', async () => {
    const unread = await unreadStream(server, documentId, delegateToken)
    const reading = await openEvents(server, documentId, delegateToken)
    expect(await openStreams()).toBe(2)

    const position = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getXmlFragment('content'), 0))
    const anchor = { start: toBase64(position), end: toBase64(position), quote: '' }
    const long = (n: number) => `Reply ${n}: ${'the delegation proposes to add language on capacity-building. '.repeat(160)}`
    const opened = await delegate.post(`/api/documents/${documentId}/threads`, { anchor, body: long(0) })
    expect(opened.status).toBe(201)
    const threadId = opened.json.thread.id as string
    // Each reply publishes the thread whole: 60 of 10 KB make about 18 MB of events, more than the socket buffers
    // between the server and the unread client hold.
    let published = 0
    let replies = 0
    for (; replies < 60 && (await openStreams()) === 2; replies++) {
      const answer = await delegate.post(`/api/documents/${documentId}/threads/${threadId}/comments`, { body: long(replies + 1) })
      expect(answer.status).toBe(201)
      published += JSON.stringify(answer.json.thread).length
      // The viewer that reads has each reply as it comes.
      const seen = await reading.next('thread', (thread) => thread.comments.length === replies + 2, 10_000)
      expect(seen?.id).toBe(threadId)
    }
    await waitForAsync(async () => (await openStreams()) === 1, 'the unread stream to end')
    expect(published).toBeGreaterThan(backlogLimit)
    expect(replies).toBeLessThan(60)
    // Its connection is closed too, not left open holding what the server had written into it: read on, the client
    // meets the end of the connection (ending the response alone would leave a kept-alive connection open).
    const closed = new Promise<'closed'>((resolve) => unread.once('close', () => resolve('closed')))
    unread.on('data', () => {})
    unread.on('error', () => {})
    unread.resume()
    const outcome = await Promise.race([closed, new Promise<'open'>((resolve) => setTimeout(() => resolve('open'), 10_000))])
    expect(outcome).toBe('closed')
    reading.close()
    unread.destroy()

    // The client reconnects, as it does after any break, and is served again.
    const again = await openEvents(server, documentId, delegateToken)
    const reply = await delegate.post(`/api/documents/${documentId}/threads/${threadId}/comments`, { body: 'Agreed.' })
    expect(reply.status).toBe(201)
    expect(await again.next('thread', (thread) => thread.comments.at(-1)?.body === 'Agreed.')).not.toBeNull()
    again.close()
  }, 60_000)

  it('refuses a reply past MAX_COMMENTS_PER_THREAD, naming the way on: each reply sends the whole thread to every viewer', async () => {
    const position = Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(new Y.Doc().getXmlFragment('content'), 0))
    const anchor = { start: toBase64(position), end: toBase64(position), quote: '' }
    const opened = await delegate.post(`/api/documents/${documentId}/threads`, { anchor, body: 'Comment 1' })
    expect(opened.status).toBe(201)
    const threadId = opened.json.thread.id as string
    for (let n = 2; n <= commentsPerThread; n++) {
      expect((await delegate.post(`/api/documents/${documentId}/threads/${threadId}/comments`, { body: `Comment ${n}` })).status).toBe(201)
    }
    const refused = await delegate.post(`/api/documents/${documentId}/threads/${threadId}/comments`, { body: 'One too many' })
    expect(refused.status).toBe(409)
    expect(refused.json.error).toMatchObject({ code: 'thread_full', message: expect.stringContaining('open a new thread') })
    const thread = (await delegate.get(`/api/documents/${documentId}/threads`)).json.threads.find((t: { id: string }) => t.id === threadId)
    expect(thread.comments).toHaveLength(commentsPerThread)
    // A new thread takes comments again.
    expect((await delegate.post(`/api/documents/${documentId}/threads`, { anchor, body: 'Continued' })).status).toBe(201)
  }, 60_000)
})
