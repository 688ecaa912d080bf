/** Cold start: our server restarted on a data directory, then one client until it holds the whole document. */
import * as Y from 'yjs'
import { startOurServer } from './servers.ts'
import { textName } from './trace.ts'
import { connectProvider, withTimeout } from './wire.ts'

export interface ColdStartResult {
  /** From creating the provider until its text equals the expected document, per restart. */
  runsMs: number[]
  medianMs: number
  maxMs: number
  /** From spawning the process until its listening line, per restart. */
  processStartMs: number[]
  /** From creating the provider until its socket was open, per restart. */
  connectedMs: number[]
  /** The server's own time to load the room (its `room.loaded` debug record), per restart; null if not logged. */
  serverLoadMs: Array<number | null>
}

/** The `ms` of the server's `room.loaded` record for a document, from its JSON log lines. */
function roomLoadedMs(output: string, documentId: string): number | null {
  for (const line of output.split('\n')) {
    if (!line.includes('"room.loaded"')) continue
    try {
      const record = JSON.parse(line) as { msg?: string; document?: string; ms?: number }
      if (record.msg === 'room.loaded' && record.document === documentId && typeof record.ms === 'number') return record.ms
    } catch {
      // Not a log record.
    }
  }
  return null
}

export async function measureColdStart(
  dataDir: string,
  token: string,
  documentId: string,
  expected: string,
  repeats: number,
  /** Run before each restart (the previous run's shutdown compacts what the store holds). */
  beforeEach: () => Promise<void> = async () => {},
): Promise<ColdStartResult> {
  const runsMs: number[] = []
  const processStartMs: number[] = []
  const connectedMs: number[] = []
  const serverLoadMs: Array<number | null> = []
  for (let i = 0; i < repeats; i++) {
    await beforeEach()
    const spawned = performance.now()
    // Debug logging, for the server's own record of how long the load took.
    const server = await startOurServer(dataDir, token, { LOG_LEVEL: 'debug' })
    processStartMs.push(performance.now() - spawned)
    try {
      const doc = new Y.Doc()
      const text = doc.getText(textName)
      const started = performance.now()
      const provider = connectProvider(server, documentId, doc)
      provider.on('status', ({ status }: { status: string }) => {
        if (status === 'connected' && connectedMs.length === i) connectedMs.push(performance.now() - started)
      })
      try {
        await withTimeout(
          new Promise<void>((resolve) => {
            const check = () => {
              if (text.length === expected.length && text.toString() === expected) resolve()
            }
            provider.on('sync', check)
            doc.on('update', check)
          }),
          30_000,
          'a fresh client to hold the whole document after a restart',
        )
        runsMs.push(performance.now() - started)
        serverLoadMs.push(roomLoadedMs(server.output(), documentId))
      } finally {
        provider.destroy()
        doc.destroy()
      }
    } finally {
      const code = await server.stop()
      if (code !== 0) throw new Error(`our server exited with ${code} after a cold start:\n${server.output()}`)
    }
  }
  const sorted = [...runsMs].sort((a, b) => a - b)
  return { runsMs, medianMs: sorted[Math.floor((sorted.length - 1) / 2)], maxMs: sorted[sorted.length - 1], processStartMs, connectedMs, serverLoadMs }
}
