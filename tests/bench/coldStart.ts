/**
 * Cold start: our server restarted on a data directory, then one client until it holds the whole document. The client
 * runs in a process of its own (tests/bench/coldStartClient.ts), warmed up once, as a tab that has been open a while.
 */
import { fork, type ChildProcess } from 'node:child_process'
import path from 'node:path'
import { startOurServer, startReferenceServer } from './servers.ts'
import { textName } from './trace.ts'
import { withTimeout } from './wire.ts'
import type { ColdStartReply, ColdStartRequest } from './coldStartClient.ts'

export interface ColdStartResult {
  /** From creating the provider until its text equals the expected document, per restart. */
  runsMs: number[]
  medianMs: number
  maxMs: number
  /** From spawning the process until its listening line, per restart. */
  processStartMs: number[]
  /** From creating the provider until its socket was open, per restart. */
  connectedMs: Array<number | null>
  /** From creating the provider until the message that synced it arrived (before the client applied it), per restart. */
  answeredMs: Array<number | null>
  /** The median of `answeredMs` (NaN when no answer's arrival was seen). */
  answeredMedianMs: number
  /** The client applying the whole document in its process while warming up, each time (ms). */
  clientApplyMs: number[]
  /** Then the client syncing it through its provider from an in-memory relay (the reference), each time (ms). */
  clientSyncMs: number[]
}

const clientTimeoutMs = 30_000

/** The client process: one request at a time, each answered in turn. */
class ColdStartClient {
  private readonly child: ChildProcess
  private waiting: ((reply: ColdStartReply) => void) | null = null
  private exited: string | null = null

  constructor() {
    this.child = fork(path.join(import.meta.dirname, 'coldStartClient.ts'), [], {
      execArgv: ['--import', 'tsx'],
      serialization: 'advanced',
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    })
    this.child.on('message', (reply: ColdStartReply) => {
      const waiting = this.waiting
      this.waiting = null
      waiting?.(reply)
    })
    this.child.on('error', (error) => {
      this.exited = `the cold start client failed: ${error.message}`
      this.waiting?.({ kind: 'failed', error: this.exited })
    })
    this.child.on('exit', (code, signal) => {
      this.exited = `the cold start client exited (${code ?? signal})`
      this.waiting?.({ kind: 'failed', error: this.exited })
    })
  }

  async ask(request: ColdStartRequest): Promise<ColdStartReply> {
    if (this.exited) throw new Error(this.exited)
    const reply = await withTimeout(
      new Promise<ColdStartReply>((resolve) => {
        this.waiting = resolve
        this.child.send(request)
      }),
      clientTimeoutMs + 5000,
      `the cold start client to answer "${request.kind}"`,
    )
    if (reply.kind === 'failed') throw new Error(reply.error)
    return reply
  }

  close(): void {
    this.child.kill()
  }
}

/** The lower median: a run that happened, not the mean of two. */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted.length ? sorted[Math.floor((sorted.length - 1) / 2)] : Number.NaN
}

export async function measureColdStart(
  dataDir: string,
  token: string,
  documentId: string,
  /** The document's whole state, for the client to warm up with; `expected` is its text. */
  state: Uint8Array,
  expected: string,
  repeats: number,
  /** Run before each restart (the previous run's shutdown compacts what the store holds). */
  beforeEach: () => Promise<void> = async () => {},
): Promise<ColdStartResult> {
  const runsMs: number[] = []
  const processStartMs: number[] = []
  const connectedMs: Array<number | null> = []
  const answeredMs: Array<number | null> = []
  const client = new ColdStartClient()
  try {
    const relay = await startReferenceServer()
    let warmed: ColdStartReply
    try {
      warmed = await client.ask({ kind: 'warm', state, expected, textName, relayBase: relay.wsBase })
    } finally {
      await relay.stop()
    }
    const clientApplyMs = warmed.kind === 'warmed' ? warmed.applyMs : []
    const clientSyncMs = warmed.kind === 'warmed' ? warmed.syncMs : []
    for (let i = 0; i < repeats; i++) {
      await beforeEach()
      const spawned = performance.now()
      const server = await startOurServer(dataDir, token)
      processStartMs.push(performance.now() - spawned)
      try {
        const reply = await client.ask({ kind: 'open', wsBase: server.wsBase, documentId, token: server.token, timeoutMs: clientTimeoutMs })
        if (reply.kind !== 'opened') throw new Error(`the cold start client answered ${reply.kind}`)
        runsMs.push(reply.totalMs)
        connectedMs.push(reply.connectedMs)
        answeredMs.push(reply.answeredMs)
      } finally {
        const code = await server.stop()
        if (code !== 0) throw new Error(`our server exited with ${code} after a cold start:\n${server.output()}`)
      }
    }
    const sorted = [...runsMs].sort((a, b) => a - b)
    return {
      runsMs,
      medianMs: median(runsMs),
      maxMs: sorted[sorted.length - 1],
      processStartMs,
      connectedMs,
      answeredMs,
      answeredMedianMs: median(answeredMs.filter((x): x is number => x !== null)),
      clientApplyMs,
      clientSyncMs,
    }
  } finally {
    client.close()
  }
}
