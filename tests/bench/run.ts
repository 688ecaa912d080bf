/** `npm run bench`: runs each benchmark section in turn and prints one table. */
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
  const rows: Row[] = []
  rows.push(...(await runRelayBenchmarks()))
  rows.push(...(await runClientBenchmarks()))
  rows.push(...(await runExportCompareBenchmarks()))
  rows.push(...(await runFuzzBenchmark()))
  rows.push(...(await runExportFloodBenchmark()))
  rows.push(...(await runSoakBenchmark()))
  rows.push(...(await runProposalBenchmarks()))
  rows.push(...(await runAgreedLockBenchmarks()))
  rows.push(...(await runClusterBenchmarks()))
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
