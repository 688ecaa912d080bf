/** Builds the browser client once per test run, before any browser test starts a server that serves it. */
import { execFile } from 'node:child_process'
import { promisify } from 'node:util'
import { repoRoot } from '../helpers/server.ts'

const run = promisify(execFile)

export default async function buildClient(): Promise<void> {
  // In a child process: vitest sets NODE_ENV=test, under which Vite would bundle React's development build.
  const script = "const dir = await (await import('./server/clientBuild.ts')).ensureClientBuilt(); if (!dir) throw new Error('client/index.html is missing')"
  await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: repoRoot,
    env: { ...process.env, NODE_ENV: 'production', SKIP_CLIENT_BUILD: '', LOG_LEVEL: 'warn' },
  })
}
