/**
 * Ingest: the whole trace, one update per edit, pushed down one raw socket with backpressure,
 * closed by a sync step 1 whose answer the server sends only after everything before it.
 */
import * as Y from 'yjs'
import { cpuSeconds, type BenchServer } from './servers.ts'
import { textName, type TraceUpdates } from './trace.ts'
import { closeSocket, connectProvider, emptySyncStep1, encodeSyncStep1Frame, encodeUpdateFrame, openSocket, providerSynced, readFrame, sleep, withTimeout } from './wire.ts'

export interface IngestResult {
  server: string
  documentId: string
  edits: number
  ms: number
  editsPerSecond: number
  /** Bytes of update frames sent. */
  bytesSent: number
  /** Milliseconds a fresh WebsocketProvider took to sync the ingested document (verification). */
  verifySyncMs: number
  /** CPU time of the server process from the first frame sent to the sync answer. */
  serverCpuSeconds: number
}

/** Pause sending while more than this is queued on the socket, until it falls under the low mark. */
const highWaterBytes = 4 * 1024 * 1024
const lowWaterBytes = 1024 * 1024

export async function measureIngest(server: BenchServer, trace: TraceUpdates, documentId: string, timeoutMs: number): Promise<IngestResult> {
  const frames = trace.updates.map(encodeUpdateFrame)
  const bytesSent = frames.reduce((sum, frame) => sum + frame.length, 0)
  const socket = await openSocket(server.documentUrl(documentId))
  let ms: number
  let serverCpuSeconds: number
  try {
    let answered: () => void
    let failed: (error: Error) => void
    let waitingForAnswer = false
    let opened: () => void = () => {}
    const answer = new Promise<void>((resolve, reject) => {
      answered = resolve
      failed = reject
    })
    // The document is open on the server (its first sync answered) before the clock starts: a server bounds what it
    // holds while a document loads, and loading is not what the ingest measures.
    const open = new Promise<void>((resolve) => {
      opened = resolve
    })
    socket.on('message', (data: Buffer) => {
      if (readFrame(data).kind !== 'step2') return
      if (waitingForAnswer) answered()
      else opened()
    })
    socket.on('close', (code, reason) => failed(new Error(`the ${server.kind} server closed the ingest socket: ${code} ${reason}`)))
    socket.on('error', (error) => failed(error))
    void answer.catch(() => {})
    socket.send(emptySyncStep1)
    await withTimeout(Promise.race([open, answer]), timeoutMs, `the ${server.kind} server to open the document`)

    const deadline = performance.now() + timeoutMs
    const cpuBefore = cpuSeconds(server.pid)
    const started = performance.now()
    for (const frame of frames) {
      socket.send(frame)
      if (socket.bufferedAmount > highWaterBytes) {
        while (socket.bufferedAmount > lowWaterBytes) {
          if (socket.readyState !== socket.OPEN) await answer
          if (performance.now() > deadline) throw new Error(`ingest into ${server.kind} did not finish within ${timeoutMs} ms`)
          await sleep(1)
        }
      }
    }
    waitingForAnswer = true
    socket.send(encodeSyncStep1Frame(trace.doc))
    await withTimeout(answer, Math.max(1000, deadline - performance.now()), `the ${server.kind} server's sync step 2 after ingest`)
    ms = performance.now() - started
    serverCpuSeconds = cpuSeconds(server.pid) - cpuBefore
  } finally {
    await closeSocket(socket)
  }

  const verifySyncMs = await verifyDocument(server, documentId, trace.endContent)
  return { server: server.kind, documentId, edits: frames.length, ms, editsPerSecond: frames.length / (ms / 1000), bytesSent, verifySyncMs, serverCpuSeconds }
}

/** A fresh stock client syncs the document; its text must equal the trace's end. Throws otherwise. */
export async function verifyDocument(server: BenchServer, documentId: string, expected: string): Promise<number> {
  const doc = new Y.Doc()
  const started = performance.now()
  const provider = connectProvider(server, documentId, doc)
  try {
    await providerSynced(provider, 60_000)
    const ms = performance.now() - started
    const text = doc.getText(textName).toString()
    if (text !== expected) {
      let at = 0
      while (at < Math.min(text.length, expected.length) && text[at] === expected[at]) at++
      throw new Error(
        `VERIFICATION FAILED on ${server.kind}: the synced document has ${text.length} characters, expected ${expected.length}; first difference at ${at}`,
      )
    }
    return ms
  } finally {
    provider.destroy()
    doc.destroy()
  }
}
