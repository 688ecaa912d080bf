/** The load generator's side of the y-websocket protocol: raw sockets, frames, real providers, bounded waits. */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as syncProtocol from 'y-protocols/sync'
import * as Y from 'yjs'
import type { BenchServer } from './servers.ts'

export const messageSync = 0

export type SyncFrame =
  | { kind: 'step1' }
  | { kind: 'step2'; update: Uint8Array }
  | { kind: 'update'; update: Uint8Array }
  | { kind: 'other' }

/** Decodes what the server sent, far enough to tell sync steps and updates apart. */
export function readFrame(data: Buffer): SyncFrame {
  const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
  if (decoding.readVarUint(decoder) !== messageSync) return { kind: 'other' }
  const step = decoding.readVarUint(decoder)
  if (step === syncProtocol.messageYjsSyncStep1) return { kind: 'step1' }
  if (step === syncProtocol.messageYjsSyncStep2) return { kind: 'step2', update: decoding.readVarUint8Array(decoder) }
  if (step === syncProtocol.messageYjsUpdate) return { kind: 'update', update: decoding.readVarUint8Array(decoder) }
  return { kind: 'other' }
}

export function encodeUpdateFrame(update: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageSync)
  syncProtocol.writeUpdate(encoder, update)
  return encoding.toUint8Array(encoder)
}

export function encodeSyncStep1Frame(doc: Y.Doc): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, messageSync)
  syncProtocol.writeSyncStep1(encoder, doc)
  return encoding.toUint8Array(encoder)
}

/** Sync step 1 of a client that holds nothing. */
export const emptySyncStep1 = encodeSyncStep1Frame(new Y.Doc())

export const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

/** Polls `check` every `everyMs` until it holds; fails with `what` after `timeoutMs`. */
export async function waitUntil(check: () => boolean, what: string | (() => string), timeoutMs: number, everyMs = 5): Promise<void> {
  const deadline = performance.now() + timeoutMs
  while (!check()) {
    if (performance.now() > deadline) {
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${typeof what === 'string' ? what : what()}`)
    }
    await sleep(everyMs)
  }
}

export async function withTimeout<T>(promise: Promise<T>, timeoutMs: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}`)), timeoutMs)
  })
  try {
    return await Promise.race([promise, timeout])
  } finally {
    clearTimeout(timer)
  }
}

/** A raw `ws` client, resolved once open; `setup` attaches listeners before anything can arrive. */
export function openSocket(url: string, timeoutMs = 10_000, setup?: (socket: WebSocket) => void): Promise<WebSocket> {
  const socket = new WebSocket(url, { perMessageDeflate: false })
  setup?.(socket)
  return withTimeout(
    new Promise<WebSocket>((resolve, reject) => {
      socket.once('open', () => resolve(socket))
      socket.once('error', reject)
      socket.once('unexpected-response', (_req, res) => reject(new Error(`upgrade refused with HTTP ${res.statusCode}`)))
    }),
    timeoutMs,
    `a WebSocket to ${url}`,
  ).catch((error) => {
    socket.terminate()
    throw error
  })
}

/** Closes a raw socket and waits (bounded) for the close to complete. */
export async function closeSocket(socket: WebSocket, timeoutMs = 5000): Promise<void> {
  if (socket.readyState === WebSocket.CLOSED) return
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()))
  socket.close()
  await withTimeout(closed, timeoutMs, 'a socket to close').catch(() => socket.terminate())
}

/** The stock y-websocket provider, as a browser would use it. */
export function connectProvider(server: BenchServer, documentId: string, doc: Y.Doc): WebsocketProvider {
  return new WebsocketProvider(server.wsBase, documentId, doc, {
    WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
    disableBc: true,
    params: { token: server.token },
  })
}

/** Resolves when the provider reports its first complete sync. */
export function providerSynced(provider: WebsocketProvider, timeoutMs: number): Promise<void> {
  return withTimeout(
    new Promise<void>((resolve) => {
      if (provider.synced) return resolve()
      const onSync = (synced: boolean) => {
        if (!synced) return
        provider.off('sync', onSync)
        resolve()
      }
      provider.on('sync', onSync)
    }),
    timeoutMs,
    'a WebsocketProvider to sync',
  )
}
