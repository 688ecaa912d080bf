/**
 * Edit-to-everyone latency: real y-websocket writers type one character at a time, lightweight
 * raw readers time each edit's arrival. Writers and readers live in this process, so send and
 * receive times share one clock (performance.now()).
 */
import WebSocket from 'ws'
import * as Y from 'yjs'
import { connectClient, readerGreeting, unaddressed, type BenchClient } from './dialect.ts'
import { cpuSeconds, machineBusySeconds, type BenchServer } from './servers.ts'
import { textName } from './trace.ts'
import { closeSocket, openSocket, readFrame, sleep, waitUntil } from './wire.ts'

export interface LatencyScenario {
  name: string
  writers: number
  readers: number
  /** Edits per second, per writer. */
  editsPerSecond: number
  warmupMs: number
  durationMs: number
}

export interface LatencyStats {
  p50Ms: number
  p99Ms: number
  maxMs: number
  meanMs: number
  /** Deliveries measured: edits after the warm-up, times readers, that arrived. */
  samples: number
  /** Measured edits times readers. */
  expectedSamples: number
  missing: number
  measuredEdits: number
  /** Readers whose socket the server closed during the run. */
  readersClosed: number
  /** Server CPU time during warm-up, measurement and drain, in seconds. */
  serverCpuSeconds: number
  /** Wall time of warm-up, measurement and drain, in seconds. */
  wallSeconds: number
  /** Load generator CPU time over the same span, in seconds. */
  generatorCpuSeconds: number
  /** CPU time of everything else on the machine over the same span: other work disturbs the figures. */
  otherCpuSeconds: number
}

/** One measured block: fresh readers and writers on a fresh document. */
export interface LatencyBlock extends LatencyStats {
  scenario: string
  server: string
  /** performance.now() of the generator when the measured edits began. */
  startedAt: number
  /** The edits whose slowest delivery was slowest: where the tail comes from. */
  slowestEdits: SlowEdit[]
  /** Every delivery latency, sorted. */
  samplesMs: Float64Array
}

/** Blocks of one server in one scenario, their samples pooled. */
export interface LatencyResult extends LatencyStats {
  scenario: string
  server: string
  blocks: Array<Omit<LatencyBlock, 'samplesMs'>>
}

interface SentEdit {
  t: number
  measured: boolean
  received: number
  /** Sum and maximum of this edit's delivery latencies. */
  sumMs: number
  maxMs: number
}

export interface SlowEdit {
  /** When the edit was made, in ms after the measured part began (performance.now() of the generator: `startedAt` + this). */
  atMs: number
  meanMs: number
  maxMs: number
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN
  const index = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))
  return sorted[index]
}

const letters = 'abcdefghijklmnopqrstuvwxyz'

/** `writersOn`: another instance serving the same document (several instances); the writers connect there, the readers to `server`. */
export async function measureLatencyBlock(server: BenchServer, scenario: LatencyScenario, writersOn: BenchServer = server): Promise<LatencyBlock> {
  // Each WebsocketProvider adds a process 'exit' listener; ten writers pass Node's default warning limit.
  process.setMaxListeners(Math.max(process.getMaxListeners(), scenario.writers + 20))
  const documentId = `latency-${scenario.name.replace(/[^A-Za-z0-9._-]/g, '-')}-${Date.now().toString(36)}`
  const url = server.documentUrl(documentId)
  const sent = new Map<string, SentEdit>()
  const samples: number[] = []
  let readersClosed = 0

  // Readers: raw sockets that decode each update's (client, clock) range and look up its send time.
  const onUpdate = (update: Uint8Array, receivedAt: number) => {
    const meta = Y.parseUpdateMeta(update)
    for (const [client, to] of meta.to) {
      const from = meta.from.get(client) ?? to - 1
      for (let clock = from + 1; clock <= to; clock++) {
        const edit = sent.get(`${client}:${clock}`)
        if (!edit) continue
        edit.received++
        if (!edit.measured) continue
        const latency = receivedAt - edit.t
        samples.push(latency)
        edit.sumMs += latency
        if (latency > edit.maxMs) edit.maxMs = latency
      }
    }
  }
  const readers: WebSocket[] = []
  const readerReady: Array<Promise<void>> = []
  try {
    const openReader = (socket: WebSocket) => {
      readers.push(socket)
      let gotStep1 = false
      let synced = false
      readerReady.push(
        new Promise<void>((resolve) => {
          socket.on('message', (data: Buffer) => {
            const receivedAt = performance.now()
            const frame = readFrame(unaddressed(server, data))
            if (frame.kind === 'step1') gotStep1 = true
            else if (frame.kind === 'step2' && !synced) synced = true // the initial sync: not an edit
            else if (frame.kind === 'step2' || frame.kind === 'update') onUpdate(frame.update, receivedAt)
            if (gotStep1 && synced) resolve()
          })
        }),
      )
      socket.on('close', () => readersClosed++)
    }
    const sockets = await Promise.all(Array.from({ length: scenario.readers }, () => openSocket(url, 10_000, openReader)))
    const greeting = readerGreeting(server, documentId)
    for (const socket of sockets) for (const frame of greeting) socket.send(frame)
    await waitAll(readerReady, 15_000, 'readers to receive the server greeting and their sync answer')

    // Writers: real documents behind the relay's stock provider.
    const writers: Array<{ doc: Y.Doc; provider: BenchClient; text: Y.Text; measured: boolean }> = []
    try {
      for (let i = 0; i < scenario.writers; i++) {
        const doc = new Y.Doc()
        const writer = { doc, text: doc.getText(textName), measured: false, provider: null as unknown as BenchClient }
        // Registered before the provider's own handler, so the time is taken before the frame is sent.
        doc.on('update', (update: Uint8Array, _origin: unknown, _doc: Y.Doc, transaction: Y.Transaction) => {
          if (!transaction.local) return
          const clockAfterEdit = Y.parseUpdateMeta(update).to.get(doc.clientID)
          sent.set(`${doc.clientID}:${clockAfterEdit}`, { t: performance.now(), measured: writer.measured, received: 0, sumMs: 0, maxMs: 0 })
        })
        writer.provider = connectClient(writersOn, documentId, doc)
        writers.push(writer)
      }
      await Promise.all(writers.map((w) => w.provider.synced(15_000)))

      const machineBefore = machineBusySeconds()
      const cpuBefore = cpuSeconds(server.pid)
      const generatorBefore = process.cpuUsage()
      const wallBefore = performance.now()
      const interval = 1000 / scenario.editsPerSecond
      const warmupEdits = Math.round((scenario.warmupMs / 1000) * scenario.editsPerSecond)
      const measuredEdits = Math.round((scenario.durationMs / 1000) * scenario.editsPerSecond)
      const start = performance.now() + 20
      const hardStop = start + (scenario.warmupMs + scenario.durationMs) * 1.5 + 5000
      // Each writer on its own timer chain, phases spread over one interval, times corrected for drift.
      const typing = writers.map(
        (writer, w) =>
          new Promise<void>((resolve) => {
            const phase = (w * interval) / scenario.writers
            let k = 0
            const step = () => {
              if (k >= warmupEdits + measuredEdits || performance.now() > hardStop) return resolve()
              writer.measured = k >= warmupEdits
              const text = writer.text
              const position = Math.floor(Math.random() * (text.length + 1))
              writer.doc.transact(() => text.insert(position, letters[k % letters.length]))
              k++
              setTimeout(step, Math.max(0, start + phase + k * interval - performance.now()))
            }
            setTimeout(step, Math.max(0, start + phase - performance.now()))
          }),
      )
      await Promise.all(typing)

      // Drain: every measured edit to every reader, or give up after a bounded wait.
      const measured = [...sent.values()].filter((edit) => edit.measured)
      const expected = measured.length * scenario.readers
      await waitUntil(() => samples.length >= expected, 'every edit to reach every reader', 10_000, 20).catch(() => {})
      const wallSeconds = (performance.now() - wallBefore) / 1000
      const serverCpuSeconds = cpuSeconds(server.pid) - cpuBefore
      const generatorCpu = process.cpuUsage(generatorBefore)
      const generatorCpuSeconds = (generatorCpu.user + generatorCpu.system) / 1e6
      const otherCpuSeconds = Math.max(0, machineBusySeconds() - machineBefore - serverCpuSeconds - generatorCpuSeconds)

      const startedAt = start + warmupEdits * interval
      const slowestEdits = [...measured]
        .sort((a, b) => b.maxMs - a.maxMs)
        .slice(0, 5)
        .map((edit) => ({ atMs: edit.t - startedAt, meanMs: edit.sumMs / Math.max(1, edit.received), maxMs: edit.maxMs }))
      const sorted = Float64Array.from(samples).sort()
      const missing = measured.reduce((sum, edit) => sum + Math.max(0, scenario.readers - edit.received), 0)
      return {
        scenario: scenario.name,
        server: server.kind,
        ...distribution(sorted),
        samplesMs: sorted,
        expectedSamples: expected,
        missing,
        measuredEdits: measured.length,
        readersClosed,
        serverCpuSeconds,
        wallSeconds,
        generatorCpuSeconds,
        otherCpuSeconds,
        startedAt,
        slowestEdits,
      }
    } finally {
      for (const writer of writers) {
        writer.provider.destroy()
        writer.doc.destroy()
      }
    }
  } finally {
    await Promise.all(readers.map((socket) => closeSocket(socket)))
    await sleep(200)
  }
}

function distribution(sorted: Float64Array) {
  return {
    p50Ms: percentile(sorted, 50),
    p99Ms: percentile(sorted, 99),
    maxMs: sorted.length ? sorted[sorted.length - 1] : Number.NaN,
    meanMs: sorted.reduce((a, b) => a + b, 0) / Math.max(1, sorted.length),
    samples: sorted.length,
  }
}

/** Pools the samples of several blocks of one server and scenario. */
export function combineBlocks(blocks: LatencyBlock[]): LatencyResult {
  const pooled = new Float64Array(blocks.reduce((sum, block) => sum + block.samplesMs.length, 0))
  let offset = 0
  for (const block of blocks) {
    pooled.set(block.samplesMs, offset)
    offset += block.samplesMs.length
  }
  pooled.sort()
  const total = (pick: (block: LatencyBlock) => number) => blocks.reduce((sum, block) => sum + pick(block), 0)
  return {
    scenario: blocks[0].scenario,
    server: blocks[0].server,
    ...distribution(pooled),
    expectedSamples: total((b) => b.expectedSamples),
    missing: total((b) => b.missing),
    measuredEdits: total((b) => b.measuredEdits),
    readersClosed: total((b) => b.readersClosed),
    serverCpuSeconds: total((b) => b.serverCpuSeconds),
    wallSeconds: total((b) => b.wallSeconds),
    generatorCpuSeconds: total((b) => b.generatorCpuSeconds),
    otherCpuSeconds: total((b) => b.otherCpuSeconds),
    blocks: blocks.map(({ samplesMs: _samples, ...rest }) => rest),
  }
}

async function waitAll(promises: Array<Promise<void>>, timeoutMs: number, what: string): Promise<void> {
  let done = 0
  for (const promise of promises) void promise.then(() => done++)
  await waitUntil(() => done === promises.length, () => `${what} (${done}/${promises.length})`, timeoutMs, 10)
}
