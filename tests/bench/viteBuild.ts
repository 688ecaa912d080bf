/**
 * Production builds for the client benchmarks, run as a child process with NODE_ENV=production (the bench's own
 * process may run under another NODE_ENV, under which Vite would bundle React's development build):
 *   node --import tsx tests/bench/viteBuild.ts app [--out=<dir>] [--no-minify]   the browser client, as `npm start` builds it (into dist/client)
 *   node --import tsx tests/bench/viteBuild.ts plain --out=<dir> [--no-minify]   the plain TipTap page of tests/bench/plainEditor
 * --no-minify also writes source maps, for profiles that name functions and files.
 */
import path from 'node:path'
import { build, type InlineConfig } from 'vite'

const repoRoot = path.resolve(import.meta.dirname, '../..')
const [what, ...flags] = process.argv.slice(2)
const minify = !flags.includes('--no-minify')
const outDir = flags.find((flag) => flag.startsWith('--out='))?.slice('--out='.length)

if (process.env.NODE_ENV !== 'production') throw new Error('run with NODE_ENV=production')

const output: NonNullable<InlineConfig['build']> = {
  ...(outDir ? { outDir: path.resolve(outDir), emptyOutDir: true } : {}),
  ...(minify ? {} : { minify: false, sourcemap: true }),
}

if (what === 'app') {
  await build({ configFile: path.join(repoRoot, 'vite.config.ts'), mode: 'production', logLevel: 'warn', build: output })
} else if (what === 'plain' && outDir) {
  await build({
    configFile: false,
    root: path.join(import.meta.dirname, 'plainEditor'),
    base: './',
    mode: 'production',
    logLevel: 'warn',
    build: { chunkSizeWarningLimit: 2000, ...output },
  })
} else {
  throw new Error('usage: viteBuild.ts app [--out=<dir>] [--no-minify] | plain --out=<dir> [--no-minify]')
}
