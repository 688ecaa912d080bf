/**
 * Memory: resident set size of a fresh server at rest, with many small documents open, and after
 * every connection has left and the rooms have had time to unload.
 */
import type WebSocket from 'ws'
import * as Y from 'yjs'
import { loadedRooms, type BenchServer } from './servers.ts'
import { textName } from './trace.ts'
import { closeSocket, emptySyncStep1, encodeUpdateFrame, openSocket, readFrame, sleep, withTimeout } from './wire.ts'

export interface MemoryOptions {
  documents: number
  /** The server's ROOM_IDLE_MS (ours); the reference never unloads. */
  roomIdleMs: number
  /** Sockets being opened at once. */
  concurrency: number
}

export interface MemoryResult {
  server: string
  documents: number
  opened: number
  failed: number
  baselineBytes: number
  /** 40 s after the warm-up document was closed, instead of 3 s. */
  restBytes: number
  openedBytes: number
  afterUnloadBytes: number
  afterOverBaseline: number
  /** Rooms still loaded at the end (ours, from /healthz); null for the reference. */
  roomsAfterUnload: number | null
  /** From closing the sockets until /healthz reported no rooms (ours). */
  unloadMs: number | null
}

const sentence =
  'The Group recommends that States, on a voluntary basis, designate national points of contact for the protection of critical infrastructure, share good practices on incident response and consider capacity-building assistance where requested. '

/** One update holding a paragraph of about 500 characters, written by a local Y.Doc. */
export function paragraphUpdate(): Uint8Array {
  const doc = new Y.Doc()
  let paragraph = ''
  while (paragraph.length < 500) paragraph += sentence
  doc.getText(textName).insert(0, paragraph.slice(0, 500))
  const update = Y.encodeStateAsUpdate(doc)
  doc.destroy()
  return update
}

/** Opens one document over a raw socket: writes the paragraph, asks for sync, waits for the answer. Leaves it open. */
async function openDocument(server: BenchServer, documentId: string, updateFrame: Uint8Array, timeoutMs: number): Promise<WebSocket> {
  const socket = await openSocket(server.documentUrl(documentId), timeoutMs)
  const answered = new Promise<void>((resolve, reject) => {
    socket.on('message', (data: Buffer) => {
      if (readFrame(data).kind === 'step2') resolve()
    })
    socket.once('close', (code) => reject(new Error(`closed with ${code} before its sync answer`)))
  })
  // The update first: the answer to the step 1 behind it then comes after the update is in.
  socket.send(updateFrame)
  socket.send(emptySyncStep1)
  try {
    await withTimeout(answered, timeoutMs, `the sync answer for ${documentId}`)
  } catch (error) {
    socket.terminate()
    throw error
  }
  return socket
}

export async function measureMemory(server: BenchServer, options: MemoryOptions): Promise<MemoryResult> {
  const updateFrame = encodeUpdateFrame(paragraphUpdate())
  const run = Date.now().toString(36)

  // Warm-up: one document opened, written, closed; then rest.
  await closeSocket(await openDocument(server, `memory-warmup-${run}`, updateFrame, 10_000))
  await sleep(3000)
  const baselineBytes = server.rssBytes()
  // Longer at rest: what a server holds once the work that follows a write (unload, checkpoint) is over.
  await sleep(37_000)
  const restBytes = server.rssBytes()

  const sockets: WebSocket[] = []
  let failed = 0
  let next = 0
  const deadline = performance.now() + 120_000
  const worker = async () => {
    while (next < options.documents && performance.now() < deadline) {
      const index = next++
      try {
        sockets.push(await openDocument(server, `memory-${run}-${index}`, updateFrame, 15_000))
      } catch {
        failed++
      }
    }
  }
  await Promise.all(Array.from({ length: options.concurrency }, worker))
  await sleep(2000)
  const openedBytes = server.rssBytes()

  const closedAt = performance.now()
  await Promise.all(sockets.map((socket) => closeSocket(socket)))
  let roomsAfterUnload: number | null = null
  let unloadMs: number | null = null
  if (server.kind === 'ours') {
    // Poll /healthz until no room is loaded, bounded at 30 s.
    const pollDeadline = closedAt + 30_000
    let rooms = await loadedRooms(server)
    while (rooms > 0 && performance.now() < pollDeadline) {
      await sleep(250)
      rooms = await loadedRooms(server)
    }
    if (rooms === 0) unloadMs = performance.now() - closedAt
  }
  const unloadWait = options.roomIdleMs + 4000
  const remaining = closedAt + unloadWait - performance.now()
  if (remaining > 0) await sleep(remaining)
  if (server.kind === 'ours') roomsAfterUnload = await loadedRooms(server)
  const afterUnloadBytes = server.rssBytes()

  return {
    server: server.kind,
    documents: options.documents,
    opened: sockets.length,
    failed,
    baselineBytes,
    restBytes,
    openedBytes,
    afterUnloadBytes,
    afterOverBaseline: afterUnloadBytes / baselineBytes,
    roomsAfterUnload,
    unloadMs,
  }
}
