/** Builds the browser client once per test run, before any browser test starts a server that serves it. */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { repoRoot } from '../helpers/server.ts'

const run = promisify(execFile)

export default async function buildClient(): Promise<void> {
  // `npm run build` for the client alone, when its sources changed since the last build. In a child process: vitest
  // sets NODE_ENV=test, under which Vite would bundle React's development build.
  await run(process.execPath, ['server/build/build.mjs', 'client', '--if-stale'], { cwd: repoRoot, env: { ...process.env, NODE_ENV: 'production' } })
  if (!fs.existsSync(path.join(repoRoot, 'dist/client/index.html'))) throw new Error('the client build left no dist/client/index.html')
}
