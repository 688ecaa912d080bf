/**
 * `npm start` and `npm run admin`: builds what is missing or older than its sources, then runs the built program with
 * plain node in this process. `node server/build/launch.mjs <main|cli> [arguments]`.
 */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { builtOutput, distDir, hasSources, isStale } from './fingerprint.mjs'

const [program = 'main', ...args] = process.argv.slice(2)
if (program !== 'main' && program !== 'cli') {
  process.stderr.write('usage: node server/build/launch.mjs <main|cli> [arguments]\n')
  process.exit(2)
}
const entry = path.join(distDir, 'server', `${program}.js`)
// The server serves the client; the admin commands need only the server.
const parts = program === 'main' ? ['server', 'client'] : ['server']

function canBuild() {
  try {
    import.meta.resolve('esbuild')
    import.meta.resolve('vite')
    return true
  } catch {
    return false
  }
}

function fail(message) {
  process.stderr.write(`${message}\n`)
  process.exit(1)
}

const stale = parts.filter((part) => hasSources(part) && isStale(part))
if (stale.length > 0) {
  if (!canBuild()) {
    const what = stale.map((part) => `dist/${part}`).join(' and ')
    const missing = stale.every((part) => !fs.existsSync(builtOutput(part)))
    const state = stale.length > 1 ? (missing ? 'are missing' : 'are missing or older than the sources') : missing ? 'is missing' : 'is older than the sources'
    fail(
      `${what} ${state}, and the build tools (esbuild, vite) are not installed (npm ci --omit=dev leaves them out).\n` +
        'Build first with the development dependencies: npm ci && npm run build\n' +
        '(then npm ci --omit=dev && npm start runs the build as it is).',
    )
  }
  const built = spawnSync(process.execPath, [path.join(import.meta.dirname, 'build.mjs'), ...stale], { stdio: ['ignore', 'inherit', 'inherit'] })
  if (built.status !== 0) fail(`the build failed (exit ${built.status ?? built.signal}); see above`)
}
if (!fs.existsSync(entry)) fail(`${path.relative(process.cwd(), entry)} is missing: run npm ci && npm run build`)

// Stack traces name the TypeScript files and lines the bundle was built from: the server's log translates the stacks
// it writes (server/ops/stackSources.ts), so that a server at rest holds no source map; a short admin command lets
// Node translate every stack itself.
if (program === 'cli') process.setSourceMapsEnabled(true)
process.argv = [process.argv[0], entry, ...args]
await import(pathToFileURL(entry).href)
