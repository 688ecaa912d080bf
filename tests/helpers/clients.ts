/** Real y-websocket clients for tests, and small waiting helpers. */
import { WebsocketProvider } from 'y-websocket'
import WebSocket from 'ws'
import * as Y from 'yjs'

// Every provider adds a process exit listener; tests open many of them.
process.setMaxListeners(200)

export interface TestClient {
  doc: Y.Doc
  provider: WebsocketProvider
  text: Y.Text
  synced: Promise<void>
  /** Close events of the underlying sockets, newest last. */
  closes: Array<{ code: number; reason: string }>
  /** Reasons of permission-denied messages received. */
  denials: string[]
  destroy(): void
}

export function connectClient(wsUrl: string, documentId: string, token: string | null, options: { connect?: boolean } = {}): TestClient {
  const doc = new Y.Doc()
  const closes: TestClient['closes'] = []
  const denials: string[] = []
  const provider = new WebsocketProvider(wsUrl, documentId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: token === null ? {} : { token },
    maxBackoffTime: 300,
    connect: options.connect ?? true,
  })
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason })
  })
  // The stock provider only logs permission denials; record them for assertions.
  const handlers = (provider as unknown as { messageHandlers: Array<(...args: unknown[]) => void> }).messageHandlers
  const handleAuth = handlers[2]
  handlers[2] = (encoder, decoder, provider_, emitSynced, messageType) => {
    const originalWarn = console.warn
    console.warn = (...args: unknown[]) => denials.push(String(args.at(-1)))
    try {
      handleAuth(encoder, decoder, provider_, emitSynced, messageType)
    } finally {
      console.warn = originalWarn
    }
  }
  const synced = new Promise<void>((resolve) => {
    if (provider.synced) resolve()
    provider.once('sync', (isSynced: boolean) => isSynced && resolve())
  })
  return {
    doc,
    provider,
    get text() {
      return doc.getText('content')
    },
    synced,
    closes,
    denials,
    destroy() {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** Polls until `check` returns true; fails with `what` after `timeoutMs`. */
export async function waitFor(check: () => boolean, what: string, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 10))
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

/** Polls an asynchronous check until it returns true; fails with `what` after `timeoutMs`. */
export async function waitForAsync(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
