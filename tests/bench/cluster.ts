/**
 * Several instances through Redis: edit-to-everyone latency with the writers on instance A and the readers on instance
 * B (stored by A, published on Redis, applied and relayed by B), against one instance serving writers and readers, in
 * the same run (blocks alternate, so both see the same drift of a shared machine), samples pooled.
 */
import { randomUUID } from 'node:crypto'
import { clearPrefix } from '../helpers/cluster.ts'
import { combineBlocks, measureLatencyBlock, type LatencyBlock, type LatencyScenario } from './latency.ts'
import { cpuSeconds, prepareDataDir, startOurServer, type BenchServer } from './servers.ts'
import { met, ms, ratio, type Row } from './table.ts'

const quick = process.env.BENCH_QUICK === '1'
const redisUrl = process.env.BENCH_REDIS_URL ?? process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'
const scenario: LatencyScenario = {
  name: 'cluster',
  writers: 2,
  readers: quick ? 20 : 50,
  editsPerSecond: 20,
  warmupMs: 1000,
  durationMs: quick ? 3000 : 6000,
}
const rounds = quick ? 2 : 4

export async function runClusterBenchmarks(): Promise<Row[]> {
  const prefix = `dtg-bench:${randomUUID()}:`
  const shared = await prepareDataDir()
  const alone = await prepareDataDir()
  const servers: BenchServer[] = []
  try {
    const env = { REDIS_URL: redisUrl, REDIS_PREFIX: prefix }
    const a = await startOurServer(shared.dataDir, shared.token, env)
    servers.push(a)
    const b = await startOurServer(shared.dataDir, shared.token, env)
    servers.push(b)
    const single = await startOurServer(alone.dataDir, alone.token)
    servers.push(single)
    const across: LatencyBlock[] = []
    const one: LatencyBlock[] = []
    for (let round = 0; round < rounds; round++) {
      // Alternating order: A->B, one, one, A->B, ...
      const order = round % 2 === 0 ? (['across', 'one'] as const) : (['one', 'across'] as const)
      for (const which of order) {
        if (which === 'across') {
          // Instance A's work is the relay's too, not other work on the machine (Redis's is counted as other).
          const writerCpu = cpuSeconds(a.pid)
          const block = await measureLatencyBlock(b, { ...scenario, name: `cluster-${round}` }, a)
          const aSeconds = cpuSeconds(a.pid) - writerCpu
          across.push({ ...block, serverCpuSeconds: block.serverCpuSeconds + aSeconds, otherCpuSeconds: Math.max(0, block.otherCpuSeconds - aSeconds) })
        }
        else one.push(await measureLatencyBlock(single, { ...scenario, name: `single-${round}` }))
      }
    }
    const x = combineBlocks(across)
    const y = combineBlocks(one)
    const label = `${scenario.writers}w on A + ${scenario.readers}r on B`
    return [
      {
        metric: `edit-to-everyone p50, ${label}, through Redis (ms)`,
        ours: ms(x.p50Ms),
        reference: `${ms(y.p50Ms)} (one instance)`,
        ratio: ratio(x.p50Ms, y.p50Ms),
        target: '<= one instance + 5 ms',
        met: met(x.p50Ms <= y.p50Ms + 5),
      },
      {
        metric: `edit-to-everyone p99, ${label}, through Redis (ms)`,
        ours: ms(x.p99Ms),
        reference: `${ms(y.p99Ms)} (one instance)`,
        ratio: ratio(x.p99Ms, y.p99Ms),
        target: '<= one instance + 20 ms',
        met: met(x.p99Ms <= y.p99Ms + 20),
      },
      {
        metric: 'other work on the machine meanwhile (cores)',
        ours: ((x.otherCpuSeconds / x.wallSeconds) || 0).toFixed(2),
        reference: ((y.otherCpuSeconds / y.wallSeconds) || 0).toFixed(2),
        ratio: '',
        target: '< 0.15 (else the figures are disturbed)',
        met: met(x.otherCpuSeconds / x.wallSeconds < 0.15 && y.otherCpuSeconds / y.wallSeconds < 0.15),
      },
      {
        metric: 'deliveries through Redis, arrived / expected',
        ours: `${x.samples} / ${x.expectedSamples}`,
        reference: `${y.samples} / ${y.expectedSamples}`,
        ratio: '',
        target: 'all',
        met: met(x.missing === 0 && x.readersClosed === 0),
      },
    ]
  } finally {
    for (const server of servers) await server.stop()
    await clearPrefix(prefix, redisUrl).catch(() => {})
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatTable } = await import('./table.ts')
  console.log(formatTable(await runClusterBenchmarks()))
  process.exit(0)
}
