/**
 * The relay benchmarks: latency, ingest, cold start and memory of our server, each against the
 * reference relay in the same run and from the same load generator.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { measureColdStart, type ColdStartResult } from './coldStart.ts'
import { measureIngest, type IngestResult } from './ingest.ts'
import { combineBlocks, measureLatencyBlock, percentile, type LatencyBlock, type LatencyResult, type LatencyScenario } from './latency.ts'
import { measureMemory, type MemoryResult } from './memory.ts'
import { makeTempDir, prepareDataDir, removeTempDir, repoRoot, startHocuspocusServer, startOurServer, startReferenceServer, storedSize, storeStateAndLog, type BenchServer, type OurRuntime, type StoredSize } from './servers.ts'
import { int, met, mib, ms, ratio, type Row } from './table.ts'
import { loadTrace, traceToUpdates, type TraceUpdates } from './trace.ts'
import { createTestSchema, type TestSchema } from '../helpers/postgres.ts'
import * as Y from 'yjs'

const quick = process.env.BENCH_QUICK === '1'

export const relayConfig = {
  quick,
  latency: {
    readers: 100,
    editsPerSecond: 20,
    warmupMs: 1000,
    durationMs: quick ? 3000 : 20_000,
    /**
     * Before the measured blocks, each server runs one block that is not measured, so that every server is measured
     * as it runs once its code has been compiled, not in its first seconds after starting (cold start has its own row).
     */
    warmupBlockMs: quick ? 1000 : 5000,
  },
  /** Quick runs ingest a prefix of the trace. */
  ingestPatches: quick ? 40_000 : Number.POSITIVE_INFINITY,
  /**
   * Our server limits each connection to RATE_LIMIT_MESSAGES_PER_SECOND frames (default 300/s,
   * burst 1000), which would stretch the whole trace over one socket to about 15 minutes. The full
   * ingest runs with the limit off; a prefix is also ingested at the default limit, to show its cost.
   */
  ingestEnv: { RATE_LIMIT_MESSAGES_PER_SECOND: '0' },
  defaultLimitIngestPatches: quick ? 2000 : 4000,
  ingestTimeoutMs: 180_000,
  coldStartRepeats: quick ? 3 : 9,
  /** Cold start again, as a crash leaves the document: the state of all but the last edits, then those edits in the log. */
  coldStartLogEntries: 1000,
  memory: { documents: quick ? 200 : 1000, roomIdleMs: 1000, concurrency: 50 },
}

export const relayArtifact = path.join(repoRoot, 'test-artifacts/bench/relay.json')

const log = (message: string) => console.log(`[bench] ${message}`)

type Kind = 'ours' | 'reference'
const kinds: Kind[] = ['ours', 'reference']
/** The latency runs add Hocuspocus with its SQLite extension as a second reference. */
type LatencyKind = Kind | 'hocuspocus'
const latencyKinds: LatencyKind[] = ['ours', 'reference', 'hocuspocus']

/** A fresh server of that kind; ours on a new data directory (the caller removes it), with extra environment. */
async function freshServer(
  kind: LatencyKind,
  env: Record<string, string> = {},
  runtime: OurRuntime = 'built',
): Promise<{ server: BenchServer; dataDir: string | null; token: string }> {
  if (kind === 'hocuspocus') return { server: await startHocuspocusServer(), dataDir: null, token: 'unused' }
  if (kind === 'reference') return { server: await startReferenceServer(), dataDir: null, token: 'unused' }
  const { dataDir, token } = await prepareDataDir()
  return { server: await startOurServer(dataDir, token, env, runtime), dataDir, token }
}

async function stopChecked(server: BenchServer): Promise<void> {
  const code = await server.stop()
  // The in-memory reference has no SIGTERM handler and dies of the signal (code null); ours must exit 0.
  if (server.kind === 'ours' && code !== 0) throw new Error(`our server exited with ${code} on SIGTERM:\n${server.output()}`)
}

/** Share of a core that other processes may use during a latency block before the figures are flagged. */
const busyMachineShare = 0.15

const percentOfCore = (cpu: number, wall: number) => `${((100 * cpu) / wall).toFixed(0)}%`

/**
 * Each scenario runs on the three servers at once, in blocks of half the duration in the order
 * ours, reference, hocuspocus, hocuspocus, reference, ours, so that all see the same drift of a shared machine.
 */
export async function runLatency(): Promise<Record<string, Record<LatencyKind, LatencyResult>>> {
  const { readers, editsPerSecond, warmupMs, durationMs, warmupBlockMs } = relayConfig.latency
  const scenarios: LatencyScenario[] = [
    { name: '1w+100r', writers: 1, readers, editsPerSecond, warmupMs, durationMs },
    { name: '10w+100r', writers: 10, readers, editsPerSecond, warmupMs, durationMs },
  ]
  const order: LatencyKind[] = [...latencyKinds, ...[...latencyKinds].reverse()]
  const blocksPerKind = order.filter((kind) => kind === 'ours').length
  const results: Record<string, Record<LatencyKind, LatencyResult>> = {}
  for (const scenario of scenarios) {
    const started: Array<Awaited<ReturnType<typeof freshServer>>> = []
    try {
      for (const kind of latencyKinds) started.push(await freshServer(kind))
      const servers = Object.fromEntries(started.map((s) => [s.server.kind, s.server])) as Record<LatencyKind, BenchServer>
      const blocks: Record<LatencyKind, LatencyBlock[]> = { ours: [], reference: [], hocuspocus: [] }
      const block = { ...scenario, durationMs: scenario.durationMs / blocksPerKind }
      log(`latency ${scenario.name}: a block of ${(warmupMs + warmupBlockMs) / 1000} s on each server, not measured`)
      for (const kind of latencyKinds) await measureLatencyBlock(servers[kind], { ...scenario, durationMs: warmupBlockMs })
      log(`latency ${scenario.name}: ${order.length} blocks of ${(warmupMs + block.durationMs) / 1000} s (${order.join(', ')})`)
      for (const kind of order) blocks[kind].push(await measureLatencyBlock(servers[kind], block))
      const byKind = {} as Record<LatencyKind, LatencyResult>
      for (const kind of latencyKinds) {
        const result = combineBlocks(blocks[kind])
        byKind[kind] = result
        log(
          `  ${kind}: p50 ${ms(result.p50Ms)} ms, p99 ${ms(result.p99Ms)} ms, max ${ms(result.maxMs)} ms, ` +
            `${int(result.samples)}/${int(result.expectedSamples)} samples, blocks p99 ${result.blocks.map((b) => ms(b.p99Ms)).join(' / ')} ms, ` +
            `CPU: server ${percentOfCore(result.serverCpuSeconds, result.wallSeconds)}, generator ${percentOfCore(result.generatorCpuSeconds, result.wallSeconds)}, ` +
            `everything else ${percentOfCore(result.otherCpuSeconds, result.wallSeconds)}`,
        )
        const busiest = Math.max(...result.blocks.map((b) => b.otherCpuSeconds / b.wallSeconds))
        if (busiest > busyMachineShare) {
          log(`  WARNING: other work used ${(100 * busiest).toFixed(0)}% of a core during a ${kind} block: these latency figures are disturbed`)
        }
      }
      results[scenario.name] = byKind
    } finally {
      for (const { server, dataDir } of started) {
        await stopChecked(server)
        if (dataDir) removeTempDir(dataDir)
      }
    }
  }
  return results
}

/** Where one writer's edit spends its time inside a server: from its frame's arrival to the first and the last write of its relay. */
export interface RelayTiming {
  edits: number
  firstWriteP50Ms: number
  firstWriteP90Ms: number
  lastWriteP50Ms: number
  lastWriteP90Ms: number
}

const relayTimingHook = path.join(repoRoot, 'tests/bench/relayTimingHook.mjs')

/**
 * The same 1-writer block on ours and on the reference, each started with tests/bench/relayTimingHook.mjs: per edit, the
 * server's time from the frame's arrival to its first relay write (what each does before relaying: ours checks and
 * stores the update, the reference applies it) and to its last (the relay to every reader). The hook's own cost is
 * the same on both, which is why these servers are not the ones whose latency is reported.
 */
async function runRelayTiming(): Promise<Record<Kind, RelayTiming>> {
  const { readers, editsPerSecond, warmupMs } = relayConfig.latency
  const scenario: LatencyScenario = { name: 'timing', writers: 1, readers, editsPerSecond, warmupMs, durationMs: quick ? 2000 : 8000 }
  const results = {} as Record<Kind, RelayTiming>
  for (const kind of kinds) {
    const dir = makeTempDir('dtg-bench-timing-')
    const out = path.join(dir, 'timing.json')
    const env = { RELAY_TIMING_OUT: out, RELAY_TIMING_MIN_WRITES: String(readers) }
    let dataDir: string | null = null
    let server: BenchServer
    if (kind === 'ours') {
      const prepared = await prepareDataDir()
      dataDir = prepared.dataDir
      server = await startOurServer(prepared.dataDir, prepared.token, env, 'built', ['--import', relayTimingHook])
    } else server = await startReferenceServer('unused', ['--import', relayTimingHook], env)
    let records: Array<{ firstMs: number; lastMs: number }>
    try {
      try {
        await measureLatencyBlock(server, scenario)
      } finally {
        await stopChecked(server)
        if (dataDir) removeTempDir(dataDir)
      }
      if (!fs.existsSync(out)) throw new Error(`the ${kind} server wrote no relay timing on SIGTERM (did another handler exit first?)`)
      records = JSON.parse(fs.readFileSync(out, 'utf8'))
    } finally {
      removeTempDir(dir)
    }
    const sorted = (pick: (r: { firstMs: number; lastMs: number }) => number) => Float64Array.from(records.map(pick)).sort()
    const first = sorted((r) => r.firstMs)
    const last = sorted((r) => r.lastMs)
    results[kind] = {
      edits: records.length,
      firstWriteP50Ms: percentile(first, 50),
      firstWriteP90Ms: percentile(first, 90),
      lastWriteP50Ms: percentile(last, 50),
      lastWriteP90Ms: percentile(last, 90),
    }
    log(
      `relay timing on ${kind}: ${records.length} edits; first write after p50 ${ms(results[kind].firstWriteP50Ms)} ms (p90 ${ms(results[kind].firstWriteP90Ms)}), ` +
        `last after p50 ${ms(results[kind].lastWriteP50Ms)} ms (p90 ${ms(results[kind].lastWriteP90Ms)})`,
    )
  }
  return results
}

interface IngestSection {
  patches: number
  generateMs: number
  encodedStateBytes: number
  results: Record<Kind, IngestResult>
  /** Ours with its default rate limit, on a prefix of the trace. */
  defaultLimit: IngestResult
  /** Ours on PostgreSQL (DATABASE_URL, a schema of its own), rate limit off; null when no PostgreSQL answered. */
  postgres: IngestResult | null
  stored: StoredSize
  coldStart: ColdStartResult
  coldStartWithLog: ColdStartResult
}

/** The same ingest into our server on PostgreSQL (the test database, 127.0.0.1:5432, a schema dropped after). */
async function ingestOnPostgres(trace: TraceUpdates, documentId: string): Promise<IngestResult | null> {
  let schema: TestSchema
  try {
    schema = await createTestSchema()
  } catch (error) {
    log(`  no PostgreSQL for the ingest on PostgreSQL (${(error as Error).message}); not measured`)
    return null
  }
  try {
    const onPostgres = await prepareDataDir({ databaseUrl: schema.url })
    try {
      const server = await startOurServer(onPostgres.dataDir, onPostgres.token, { ...relayConfig.ingestEnv, DATABASE_URL: schema.url })
      try {
        log('ingest on ours, on PostgreSQL')
        const result = await measureIngest(server, trace, documentId, relayConfig.ingestTimeoutMs)
        log(`  ${int(result.editsPerSecond)} edits/s (${ms(result.ms)} ms); verified`)
        return result
      } finally {
        await stopChecked(server)
      }
    } finally {
      removeTempDir(onPostgres.dataDir)
    }
  } finally {
    await schema.drop()
  }
}

/** When the socket opened and when the answer arrived (before the client applied it), per restart. */
function coldStartSteps(result: ColdStartResult): string {
  const each = (list: Array<number | null>) => list.map((x) => (x === null ? '?' : ms(x))).join(', ')
  return `socket open after ${each(result.connectedMs)} ms; answer arrived after ${each(result.answeredMs)} ms`
}

async function runIngestAndColdStart(): Promise<IngestSection> {
  log('loading the automerge-paper trace and generating one update per edit')
  const source = loadTrace()
  const trace = traceToUpdates(source, relayConfig.ingestPatches)
  const prefix = traceToUpdates(source, relayConfig.defaultLimitIngestPatches)
  const endState = Y.encodeStateAsUpdate(trace.doc)
  const encodedStateBytes = endState.length
  log(`  ${int(trace.patchCount)} updates in ${ms(trace.generateMs)} ms; encoded state ${int(encodedStateBytes)} bytes`)
  const documentId = 'ingest-automerge-paper'
  const results = {} as Record<Kind, IngestResult>

  const limited = await prepareDataDir()
  let defaultLimit: IngestResult
  try {
    const server = await startOurServer(limited.dataDir, limited.token)
    try {
      log(`ingest of ${int(prefix.patchCount)} edits on ours with its default rate limit`)
      defaultLimit = await measureIngest(server, prefix, documentId, relayConfig.ingestTimeoutMs)
      log(`  ${int(defaultLimit.editsPerSecond)} edits/s (${ms(defaultLimit.ms)} ms); verified`)
    } finally {
      await stopChecked(server)
    }
  } finally {
    prefix.doc.destroy()
    removeTempDir(limited.dataDir)
  }

  const ours = await prepareDataDir()
  try {
    const server = await startOurServer(ours.dataDir, ours.token, relayConfig.ingestEnv)
    try {
      log(`ingest on ours (${Object.entries(relayConfig.ingestEnv).map(([k, v]) => `${k}=${v}`).join(' ')})`)
      results.ours = await measureIngest(server, trace, documentId, relayConfig.ingestTimeoutMs)
      log(`  ${int(results.ours.editsPerSecond)} edits/s (${ms(results.ours.ms)} ms); verified`)
    } finally {
      await stopChecked(server)
    }
    const stored = await storedSize(ours.dataDir, documentId)
    log(`  stored after shutdown: state ${int(stored.stateBytes)} B, log ${int(stored.logBytes)} B in ${stored.logEntries} entries`)

    const reference = await startReferenceServer()
    try {
      log(`ingest on reference`)
      results.reference = await measureIngest(reference, trace, documentId, relayConfig.ingestTimeoutMs)
      log(`  ${int(results.reference.editsPerSecond)} edits/s (${ms(results.reference.ms)} ms); verified`)
    } finally {
      await stopChecked(reference)
    }

    const postgres = await ingestOnPostgres(trace, documentId)

    log(`cold start on ours, ${relayConfig.coldStartRepeats} restarts`)
    const coldStart = await measureColdStart(ours.dataDir, ours.token, documentId, endState, trace.endContent, relayConfig.coldStartRepeats)
    log(
      `  client process warmed up: the document applied in ${coldStart.clientApplyMs.map(ms).join(', ')} ms, ` +
        `then synced from the in-memory reference in ${coldStart.clientSyncMs.map(ms).join(', ')} ms`,
    )
    log(`  ${coldStart.runsMs.map(ms).join(', ')} ms; ${coldStartSteps(coldStart)}`)

    const logEntries = relayConfig.coldStartLogEntries
    const prefix = new Y.Doc()
    prefix.transact(() => {
      for (const update of trace.updates.slice(0, trace.updates.length - logEntries)) Y.applyUpdate(prefix, update)
    })
    const prefixState = Y.encodeStateAsUpdate(prefix)
    prefix.destroy()
    log(`cold start on ours with a state of ${int(prefixState.length)} bytes and ${int(logEntries)} log entries after it, ${relayConfig.coldStartRepeats} restarts`)
    const coldStartWithLog = await measureColdStart(ours.dataDir, ours.token, documentId, endState, trace.endContent, relayConfig.coldStartRepeats, () =>
      storeStateAndLog(ours.dataDir, documentId, prefixState, trace.updates.slice(trace.updates.length - logEntries)),
    )
    log(`  ${coldStartWithLog.runsMs.map(ms).join(', ')} ms; ${coldStartSteps(coldStartWithLog)}`)
    trace.doc.destroy()
    return { patches: trace.patchCount, generateMs: trace.generateMs, encodedStateBytes, results, defaultLimit, postgres, stored, coldStart, coldStartWithLog }
  } finally {
    removeTempDir(ours.dataDir)
  }
}

/** Memory of the built server (as `npm start` runs it), of the reference, and of our sources run through tsx. */
type MemoryRun = Kind | 'oursTsx'

async function runMemory(): Promise<Record<MemoryRun, MemoryResult>> {
  const results = {} as Record<MemoryRun, MemoryResult>
  for (const run of ['ours', 'reference', 'oursTsx'] as const) {
    const kind = run === 'oursTsx' ? 'ours' : run
    const { server, dataDir } = await freshServer(kind, { ROOM_IDLE_MS: String(relayConfig.memory.roomIdleMs) }, run === 'oursTsx' ? 'tsx' : 'built')
    try {
      log(`memory on ${run === 'oursTsx' ? 'ours (sources through tsx)' : kind}: ${relayConfig.memory.documents} documents`)
      const result = await measureMemory(server, relayConfig.memory)
      results[run] = result
      log(
        `  baseline ${mib(result.baselineBytes)} MiB, at rest ${mib(result.restBytes)} MiB, opened ${mib(result.openedBytes)} MiB (${result.opened} ok, ${result.failed} failed), ` +
          `after unload ${mib(result.afterUnloadBytes)} MiB` + (result.roomsAfterUnload === null ? '' : `, rooms left ${result.roomsAfterUnload}`),
      )
    } finally {
      await stopChecked(server)
      if (dataDir) removeTempDir(dataDir)
    }
  }
  return results
}

const peerNames: Record<Exclude<LatencyKind, 'ours'>, string> = {
  reference: '@y/websocket-server (in memory)',
  hocuspocus: 'Hocuspocus 4.7 + SQLite',
}

/**
 * The latency rows of one scenario: p50 and p99 against each peer (ours at most 1.0x the in-memory reference,
 * below Hocuspocus), absolute targets where given, the worst case and whether every delivery arrived.
 */
export function latencyRows(name: string, r: Record<LatencyKind, LatencyResult>, targets: { p50?: number; p99?: number }): Row[] {
  const { ours } = r
  const samples = (x: LatencyResult) => `${int(x.samples)} of ${int(x.expectedSamples)}` + (x.missing ? ` (${int(x.missing)} missing)` : '')
  const rows: Row[] = []
  for (const percentile of ['p50', 'p99'] as const) {
    const pick = (x: LatencyResult) => (percentile === 'p50' ? x.p50Ms : x.p99Ms)
    const absolute = targets[percentile]
    for (const peer of ['reference', 'hocuspocus'] as const) {
      const theirs = r[peer]
      const ratioMet = peer === 'reference' ? pick(ours) <= pick(theirs) : pick(ours) < pick(theirs)
      const withAbsolute = peer === 'reference' && absolute !== undefined
      rows.push({
        metric: `latency ${name} ${percentile} (ms), vs ${peerNames[peer]}`,
        ours: ms(pick(ours)),
        reference: ms(pick(theirs)),
        ratio: ratio(pick(ours), pick(theirs)),
        target: [withAbsolute ? `< ${absolute} ms` : null, peer === 'reference' ? 'ratio <= 1.0' : 'ratio < 1.0'].filter(Boolean).join(', '),
        met: met(ratioMet && (!withAbsolute || pick(ours) < absolute!)),
      })
    }
  }
  for (const peer of ['reference', 'hocuspocus'] as const) {
    rows.push({
      metric: `latency ${name} max (ms), vs ${peerNames[peer]}`,
      ours: ms(ours.maxMs),
      reference: ms(r[peer].maxMs),
      ratio: ratio(ours.maxMs, r[peer].maxMs),
      target: '',
      met: '',
    })
  }
  rows.push({
    metric: `latency ${name} deliveries (ours; reference / Hocuspocus)`,
    ours: samples(ours),
    reference: `${samples(r.reference)} / ${samples(r.hocuspocus)}`,
    ratio: '',
    target: 'none missing',
    met: met(ours.missing === 0),
  })
  return rows
}

function rowsOf(
  latency: Record<string, Record<LatencyKind, LatencyResult>>,
  timing: Record<Kind, RelayTiming>,
  ingest: IngestSection,
  memory: Record<MemoryRun, MemoryResult>,
): Row[] {
  const { results, stored, coldStart, coldStartWithLog, encodedStateBytes } = ingest
  const storedBytes = stored.stateBytes + stored.logBytes
  const storedRatio = storedBytes / encodedStateBytes
  const files = Object.entries(stored.files)
    .map(([name, size]) => `${name.replace('workspace.sqlite', '') || 'db'} ${int(size)}` + (name === 'workspace.sqlite' ? ` (${int(stored.freePages)} of ${int(stored.pageCount)} pages free)` : ''))
    .join(', ')
  const inMemory = 'n/a (in memory)'
  const memoryRow = (metric: string, pick: (m: MemoryResult) => number): Row => ({
    metric,
    ours: mib(pick(memory.ours)),
    reference: mib(pick(memory.reference)),
    ratio: ratio(pick(memory.ours), pick(memory.reference)),
    target: '',
    met: '',
  })
  const otherCpu = (kind: LatencyKind) =>
    Object.values(latency)
      .map((r) => percentOfCore(r[kind].otherCpuSeconds, r[kind].wallSeconds))
      .join(' / ')
  return [
    ...latencyRows('1w+100r', latency['1w+100r'], { p50: 3, p99: 20 }),
    ...latencyRows('10w+100r', latency['10w+100r'], {}),
    ...(['first', 'last'] as const).map(
      (which): Row => ({
        metric: `relay timing 1w+100r: an edit's arrival to the ${which} write of its relay, p50 (ms; servers instrumented alike)`,
        ours: ms(which === 'first' ? timing.ours.firstWriteP50Ms : timing.ours.lastWriteP50Ms),
        reference: ms(which === 'first' ? timing.reference.firstWriteP50Ms : timing.reference.lastWriteP50Ms),
        ratio: ratio(
          which === 'first' ? timing.ours.firstWriteP50Ms : timing.ours.lastWriteP50Ms,
          which === 'first' ? timing.reference.firstWriteP50Ms : timing.reference.lastWriteP50Ms,
        ),
        target: which === 'first' ? 'informational: ours stores the update first, the reference applies it' : 'informational: the relay to 100 readers',
        met: '',
      }),
    ),
    {
      metric: 'other work on the machine during latency (% of a core; reference / Hocuspocus)',
      ours: otherCpu('ours'),
      reference: `${otherCpu('reference')}; ${otherCpu('hocuspocus')}`,
      ratio: '',
      target: `<= ${(100 * busyMachineShare).toFixed(0)}% (else disturbed)`,
      met: '',
    },
    {
      metric: `ingest ${int(ingest.patches)} edits, rate limit off (edits/s)`,
      ours: int(results.ours.editsPerSecond),
      reference: int(results.reference.editsPerSecond),
      ratio: ratio(results.ours.editsPerSecond, results.reference.editsPerSecond),
      target: '>= 15,000',
      met: met(results.ours.editsPerSecond >= 15_000),
    },
    {
      metric: `ingest ${int(ingest.patches)} edits on PostgreSQL, rate limit off (edits/s; ref: ours on SQLite, same run)`,
      ours: ingest.postgres ? int(ingest.postgres.editsPerSecond) : 'not measured (no PostgreSQL)',
      reference: int(results.ours.editsPerSecond),
      ratio: ingest.postgres ? ratio(ingest.postgres.editsPerSecond, results.ours.editsPerSecond) : '',
      target: 'informational',
      met: '',
    },
    {
      metric: 'ingest time (s)',
      ours: (results.ours.ms / 1000).toFixed(2),
      reference: (results.reference.ms / 1000).toFixed(2),
      ratio: ratio(results.ours.ms, results.reference.ms),
      target: '',
      met: '',
    },
    {
      metric: `ingest ${int(ingest.defaultLimit.edits)} edits, default rate limit (edits/s)`,
      ours: int(ingest.defaultLimit.editsPerSecond),
      reference: 'n/a (no limit)',
      ratio: '',
      // The per-connection cap is deliberate (a sender is slowed, never dropped); the ingest target is measured without it.
      target: 'informational: the default cap, 300 frames/s after a burst of 1,000',
      met: '',
    },
    {
      metric: 'stored bytes after compaction (state+log)',
      ours: `${int(storedBytes)} (${storedRatio.toFixed(2)}x of ${int(encodedStateBytes)})`,
      reference: inMemory,
      ratio: '',
      target: '<= 2x encoded state',
      met: met(storedRatio <= 2),
    },
    { metric: 'SQLite files after shutdown (bytes)', ours: files, reference: inMemory, ratio: '', target: '', met: '' },
    { metric: 'cold start, median (ms)', ours: ms(coldStart.medianMs), reference: inMemory, ratio: '', target: '< 100 ms', met: met(coldStart.medianMs < 100) },
    { metric: 'cold start, max (ms)', ours: ms(coldStart.maxMs), reference: inMemory, ratio: '', target: '', met: '' },
    {
      metric: 'cold start, until the answer arrived (before the client applies it), median (ms)',
      ours: ms(coldStart.answeredMedianMs),
      reference: inMemory,
      ratio: '',
      target: "informational: the server's part",
      met: '',
    },
    {
      metric: `cold start with ${int(relayConfig.coldStartLogEntries)} log entries after the state, median (ms)`,
      ours: ms(coldStartWithLog.medianMs),
      reference: inMemory,
      ratio: '',
      target: 'informational: as a crash leaves a document',
      met: '',
    },
    {
      ...memoryRow('RSS baseline, built server (MiB)', (m) => m.baselineBytes),
      target: 'ratio <= 1.3',
      met: met(memory.ours.baselineBytes <= 1.3 * memory.reference.baselineBytes),
    },
    { ...memoryRow('RSS at rest, 40 s after the last write, built server (MiB)', (m) => m.restBytes), target: 'informational' },
    {
      metric: 'RSS baseline, sources through tsx (MiB)',
      ours: mib(memory.oursTsx.baselineBytes),
      reference: mib(memory.reference.baselineBytes),
      ratio: ratio(memory.oursTsx.baselineBytes, memory.reference.baselineBytes),
      target: 'informational: how tests and development run',
      met: '',
    },
    memoryRow(`RSS ${int(memory.ours.documents)} documents open (MiB)`, (m) => m.openedBytes),
    memoryRow('RSS after unload (MiB)', (m) => m.afterUnloadBytes),
    {
      metric: 'RSS after unload / baseline',
      ours: `${memory.ours.afterOverBaseline.toFixed(2)}x`,
      reference: `${memory.reference.afterOverBaseline.toFixed(2)}x`,
      ratio: '',
      target: '<= 1.10x',
      met: met(memory.ours.afterOverBaseline <= 1.1),
    },
  ]
}

/** Runs every relay benchmark, writes test-artifacts/bench/relay.json and returns the table rows. */
export async function runRelayBenchmarks(): Promise<Row[]> {
  const started = performance.now()
  const loadAverageAtStart = os.loadavg()
  log(`relay benchmarks${quick ? ' (BENCH_QUICK)' : ''}, Node ${process.version}, load average ${loadAverageAtStart.map((x) => x.toFixed(2)).join(' ')}`)
  const latency = await runLatency()
  const timing = await runRelayTiming()
  const ingest = await runIngestAndColdStart()
  const memory = await runMemory()
  const rows = rowsOf(latency, timing, ingest, memory)
  const seconds = (performance.now() - started) / 1000
  fs.mkdirSync(path.dirname(relayArtifact), { recursive: true })
  fs.writeFileSync(
    relayArtifact,
    JSON.stringify(
      { generatedAt: new Date().toISOString(), node: process.version, loadAverageAtStart, seconds, config: relayConfig, latency, timing, ingest, memory, rows },
      null,
      2,
    ) + '\n',
  )
  log(`relay benchmarks done in ${seconds.toFixed(0)} s; results in ${path.relative(repoRoot, relayArtifact)}`)
  return rows
}
