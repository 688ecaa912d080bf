/**
 * The protocol fuzz at bench scale: the test of `npm test` (tests/integration/protocolFuzz.test.ts, 20,000 frames)
 * run with 100,000 frames (20,000 with BENCH_QUICK), with the same checks; a failed check fails the row.
 */
import { spawnSync } from 'node:child_process'
import path from 'node:path'
import { int, met, type Row } from './table.ts'

const quick = process.env.BENCH_QUICK === '1'
const repoRoot = path.resolve(import.meta.dirname, '../..')

export async function runFuzzBenchmark(): Promise<Row[]> {
  const frames = quick ? 20_000 : 100_000
  console.log(`[bench] protocol fuzz: ${frames} frames from every role`)
  const started = performance.now()
  const run = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/vitest/vitest.mjs'), 'run', 'tests/integration/protocolFuzz.test.ts'], {
    cwd: repoRoot,
    env: { ...process.env, FUZZ_FRAMES: String(frames) },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  })
  const seconds = (performance.now() - started) / 1000
  const output = `${run.stdout}\n${run.stderr}`
  const reported = output.match(/protocol fuzz: (\{.*\})/)
  const report = reported ? (JSON.parse(reported[1]) as { frames: number; reconnects: number; closeCodes: Record<string, number> }) : null
  // Every check is an expect in that one test: it passed only if vitest says so, and it ran as many frames as asked.
  const testPassed = run.status === 0 && /Tests\s+1 passed/.test(output.replace(/\u001b\[[0-9;]*m/g, ''))
  const passed = testPassed && report !== null && report.frames >= frames
  console.log(
    `[bench]   ${report ? int(report.frames) : '?'} of ${int(frames)} frames in ${seconds.toFixed(0)} s; ` +
      (passed ? 'every check passed (server up, clients converged, read-only unchanged, reloads the same)' : 'FAILED'),
  )
  if (!passed) console.log(output.slice(-4000))
  return [
    {
      metric: `protocol fuzz: ${int(frames)} random and mutated frames, every role`,
      ours: report ? `${int(report.frames)} frames, ${int(report.reconnects)} closes, ${seconds.toFixed(0)} s, ${passed ? 'all checks passed' : 'a check FAILED'}` : `failed after ${seconds.toFixed(0)} s`,
      reference: '',
      ratio: '',
      target: 'up, converged, read-only unchanged, reloads same',
      met: met(passed),
    },
  ]
}
