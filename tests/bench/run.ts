/**
 * `npm run bench`: runs each benchmark section in turn and prints one table. BENCH_ONLY=client (a comma-separated list of
 * relay, client, exportCompare, fuzz, exportFlood, soak, proposals, agreedLock, cluster) runs only those sections.
 */
import { runAgreedLockBenchmarks } from './agreedLock.ts'
import { runClientBenchmarks } from './client.ts'
import { runClusterBenchmarks } from './cluster.ts'
import { runExportCompareBenchmarks } from './exportCompare.ts'
import { runFuzzBenchmark } from './fuzz.ts'
import { runExportFloodBenchmark } from './exportFlood.ts'
import { runProposalBenchmarks } from './proposals.ts'
import { runRelayBenchmarks } from './relay.ts'
import { runSoakBenchmark } from './soak.ts'
import { formatTable, type Row } from './table.ts'

async function main(): Promise<void> {
  const sections: Record<string, () => Promise<Row[]>> = {
    relay: runRelayBenchmarks,
    client: runClientBenchmarks,
    exportCompare: runExportCompareBenchmarks,
    fuzz: runFuzzBenchmark,
    exportFlood: runExportFloodBenchmark,
    soak: runSoakBenchmark,
    proposals: runProposalBenchmarks,
    agreedLock: runAgreedLockBenchmarks,
    cluster: runClusterBenchmarks,
  }
  const only = process.env.BENCH_ONLY?.split(',').map((name) => name.trim()).filter(Boolean) ?? []
  const unknown = only.filter((name) => !(name in sections))
  if (unknown.length > 0) throw new Error(`BENCH_ONLY names no section ${unknown.join(', ')}; known: ${Object.keys(sections).join(', ')}`)
  const rows: Row[] = []
  for (const [name, section] of Object.entries(sections)) {
    if (only.length === 0 || only.includes(name)) rows.push(...(await section()))
  }
  console.log()
  console.log(formatTable(rows))
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    // Exiting runs the cleanup in servers.ts: child servers killed, temp directories removed.
    process.exit(1)
  },
)
