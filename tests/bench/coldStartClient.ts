/**
 * The client of the cold start rows, in a process of its own (tests/bench/coldStart.ts forks it): a stock y-websocket
 * provider, as a browser tab runs it, in a process that holds only what such a client holds. In the bench's own
 * process, which holds the whole trace and every result, applying the 300 KB document took 20 to 150 ms, depending on
 * where the bench's garbage collection stood; here it takes what a client takes.
 *
 * Messages from the parent: `warm` (the document's state: applied a few times, so Yjs runs compiled, as it does in a
 * tab that has been open a while), then `open` once per restart; each is answered with its result.
 */
import * as Y from 'yjs'
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'

export type ColdStartRequest =
  | { kind: 'warm'; state: Uint8Array; expected: string; textName: string }
  | { kind: 'open'; wsBase: string; documentId: string; token: string; timeoutMs: number }

export type ColdStartReply =
  | { kind: 'warmed'; applyMs: number[] }
  | { kind: 'opened'; totalMs: number; connectedMs: number | null; answeredMs: number | null }
  | { kind: 'failed'; error: string }

/** Enough for Yjs to run compiled: the first applies take 150 to 50 ms, later ones 25 to 35 ms. */
const warmUpApplies = 10
let expected = ''
let textName = ''

function warm(state: Uint8Array): ColdStartReply {
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
  return { kind: 'warmed', applyMs }
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
      reply = warm(request.state)
    } else reply = await open(request)
  } catch (error) {
    reply = { kind: 'failed', error: (error as Error).stack ?? String(error) }
  }
  process.send!(reply)
})
