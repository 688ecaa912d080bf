/**
 * How the load generator speaks to each relay: the y-websocket protocol (ours and @y/websocket-server, one document
 * per socket) or Hocuspocus's (every frame starts with the document name, and a token message opens the document).
 */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider'
import WebSocket from 'ws'
import * as Y from 'yjs'
import type { BenchServer } from './servers.ts'
import { connectProvider, emptySyncStep1, providerSynced, withTimeout } from './wire.ts'

/** Hocuspocus's message type of an authentication message, and its token subtype (@hocuspocus/common). */
const hocuspocusAuth = 2
const hocuspocusTokenMessage = 0

/** A client with its own Y.Doc, kept in sync by the stock provider of that relay. */
export interface BenchClient {
  synced(timeoutMs: number): Promise<void>
  destroy(): void
}

/** A y-websocket frame addressed to one document the way Hocuspocus expects: the document name first. */
export function addressed(documentId: string, frame: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, documentId)
  encoding.writeUint8Array(encoder, frame)
  return encoding.toUint8Array(encoder)
}

/** The frames a raw reader sends to open a document and ask for all of it. */
export function readerGreeting(server: BenchServer, documentId: string): Uint8Array[] {
  if (server.protocol === 'y-websocket') return [emptySyncStep1]
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, documentId)
  encoding.writeVarUint(encoder, hocuspocusAuth)
  encoding.writeVarUint(encoder, hocuspocusTokenMessage)
  encoding.writeVarString(encoder, server.token)
  return [encoding.toUint8Array(encoder), addressed(documentId, emptySyncStep1)]
}

/** What the server sent, as a y-websocket frame: Hocuspocus's document name is taken off. */
export function unaddressed(server: BenchServer, data: Buffer): Buffer {
  if (server.protocol === 'y-websocket') return data
  const decoder = decoding.createDecoder(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))
  decoding.readVarString(decoder)
  return data.subarray(decoder.pos)
}

/** The stock provider of the relay (y-websocket's WebsocketProvider or HocuspocusProvider) on `doc`. */
export function connectClient(server: BenchServer, documentId: string, doc: Y.Doc): BenchClient {
  if (server.protocol === 'y-websocket') {
    const provider = connectProvider(server, documentId, doc)
    return { synced: (timeoutMs) => providerSynced(provider, timeoutMs), destroy: () => provider.destroy() }
  }
  // Node 20 has no global WebSocket: the socket is made with ws, the provider attached to it.
  const socket = new HocuspocusProviderWebsocket({ url: server.wsBase, WebSocketPolyfill: WebSocket })
  const provider = new HocuspocusProvider({ websocketProvider: socket, name: documentId, document: doc, token: server.token })
  provider.attach()
  const synced = new Promise<void>((resolve) => {
    if (provider.isSynced) resolve()
    provider.on('synced', () => resolve())
  })
  return {
    synced: (timeoutMs) => withTimeout(synced, timeoutMs, 'a HocuspocusProvider to sync'),
    destroy: () => {
      provider.destroy()
      socket.destroy()
    },
  }
}
