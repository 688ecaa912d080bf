/**
 * The client of the cold start rows, in a process of its own (tests/bench/coldStart.ts forks it): a stock y-websocket
 * provider, as a browser tab runs it, in a process that holds only what such a client holds. In the bench's own
 * process, which holds the whole trace and every result, applying the 300 KB document took 20 to 150 ms, depending on
 * where the bench's garbage collection stood; here it takes what a client takes.
 *
 * Messages from the parent: `warm` (the document's state: applied a few times, then synced through the provider from
 * an in-memory relay a few times, so that Yjs, the provider and the socket library run compiled, as in a tab that has
 * been open a while: what is measured is then the server's cold start, not the client's), then `open` once per
 * restart; each is answered with its result.
 */
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'

export type ColdStartRequest =
  | { kind: 'warm'; state: Uint8Array; expected: string; textName: string; relayBase: string }
  | { kind: 'open'; wsBase: string; documentId: string; token: string; timeoutMs: number }

export type ColdStartReply =
  | { kind: 'warmed'; applyMs: number[]; syncMs: number[] }
  | { kind: 'opened'; totalMs: number; connectedMs: number | null; answeredMs: number | null }
  | { kind: 'failed'; error: string }

/** Enough for Yjs to run compiled: the first applies take 150 to 50 ms, later ones 25 to 35 ms. */
const warmUpApplies = 10
/** Then syncs through the provider: its first few took 180 to 130 ms, later ones 70 to 90 ms. */
const warmUpSyncs = 5
let expected = ''
let textName = ''

async function warm(state: Uint8Array, relayBase: string): Promise<ColdStartReply> {
  const applyMs: number[] = []
  for (let i = 0; i < warmUpApplies; i++) {
    const doc = new Y.Doc()
    const started = performance.now()
    Y.applyUpdate(doc, state)
    const text = doc.getText(textName).toString()
    applyMs.push(performance.now() - started)
    doc.destroy()
    if (text !== expected) throw new Error(`the state given to warm up with holds ${text.length} characters, not the ${expected.length} expected`)
  }
  // The document put on the in-memory relay once, then synced from it by fresh providers, as `open` does.
  const source = new Y.Doc()
  Y.applyUpdate(source, state)
  const seeding = new WebsocketProvider(relayBase, 'cold-start-warm-up', source, { WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket, disableBc: true })
  try {
    await new Promise<void>((resolve) => seeding.once('sync', () => resolve()))
    const syncMs: number[] = []
    for (let i = 0; i < warmUpSyncs; i++) {
      const reply = await open({ kind: 'open', wsBase: relayBase, documentId: 'cold-start-warm-up', token: 'unused', timeoutMs: 30_000 })
      if (reply.kind !== 'opened') throw new Error(`warming up through the in-memory relay: ${reply.kind === 'failed' ? reply.error : reply.kind}`)
      syncMs.push(reply.totalMs)
    }
    return { kind: 'warmed', applyMs, syncMs }
  } finally {
    seeding.destroy()
    source.destroy()
  }
}

/** From creating the provider until its text equals the expected document. */
function open(request: Extract<ColdStartRequest, { kind: 'open' }>): Promise<ColdStartReply> {
  const doc = new Y.Doc()
  const text = doc.getText(textName)
  const started = performance.now()
  let connectedMs: number | null = null
  let answeredMs: number | null = null
  const provider = new WebsocketProvider(request.wsBase, request.documentId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token: request.token },
  })
  provider.on('status', ({ status }: { status: string }) => {
    if (status === 'connected' && connectedMs === null) connectedMs = performance.now() - started
  })
  return new Promise<ColdStartReply>((resolve) => {
    let timer: NodeJS.Timeout | undefined
    const finish = (reply: ColdStartReply) => {
      clearTimeout(timer)
      provider.destroy()
      doc.destroy()
      resolve(reply)
    }
    // When the message that completed the document arrived, before the client applied it: what the server took, apart
    // from the client's own work. This listener runs before the provider's handler, which applies the message.
    // A socket opened again (the first one closed) has no such listener: then the arrival is not known.
    let messageAt: number | null = null
    ;(provider.ws as unknown as WebSocket).prependListener('message', () => {
      messageAt = performance.now()
    })
    provider.on('connection-close', () => {
      messageAt = null
    })
    // Checked as each change is applied: the document is whole inside the handling of the message that completed it.
    doc.on('update', () => {
      if (text.length !== expected.length || text.toString() !== expected) return
      answeredMs = messageAt === null ? null : messageAt - started
      finish({ kind: 'opened', totalMs: performance.now() - started, connectedMs, answeredMs })
    })
    timer = setTimeout(() => finish({ kind: 'failed', error: `the client did not hold the whole document within ${request.timeoutMs} ms` }), request.timeoutMs)
  })
}

process.on('message', async (request: ColdStartRequest) => {
  let reply: ColdStartReply
  try {
    if (request.kind === 'warm') {
      expected = request.expected
      textName = request.textName
      reply = await warm(request.state, request.relayBase)
    } else reply = await open(request)
  } catch (error) {
    reply = { kind: 'failed', error: (error as Error).stack ?? String(error) }
  }
  process.send!(reply)
})
