/**
 * `npm run build`: the server bundled by esbuild into dist/server (one minified file per entry, shared chunks, source
 * maps, the packages in it but for `runtimePackages`), the browser client by Vite into dist/client, and in each a stamp
 * of the sources it was built from (build.json). `node server/build/build.mjs [server] [client] [--if-stale]`.
 */
import fs from 'node:fs'
import path from 'node:path'
import { distDir, fingerprint, hasSources, isStale, repoRoot, writeStamp } from './fingerprint.mjs'
import { thirdPartyNotices } from './licenses.mjs'
import { projectMappingsOnly } from './sourceMaps.mjs'

/** The programs of the built server: dist/server/<name>.js. Worker threads are started by file name. */
const serverEntries = {
  main: 'server/main.ts',
  cli: 'server/cli.ts',
  worker: 'server/heavy/workerMain.ts',
  checkpointWorker: 'server/store/checkpointWorker.js',
}

/**
 * The packages the built server loads from node_modules, the only dependencies `npm ci --omit=dev` installs: a native
 * module, and the clients of PostgreSQL and Redis (loaded only when DATABASE_URL or REDIS_URL is set). Every other
 * package is bundled and minified with the server's own code: a server at rest then holds about 8 MiB less than with
 * each package's files loaded as they are (hundreds of modules, each with its own records in Node and V8).
 */
export const runtimePackages = ['better-sqlite3', 'ioredis', 'pg']

/** Packages a bundled one tries to load and goes on without (ws's native helpers). */
export const optionalPackages = ['bufferutil', 'utf-8-validate']

export async function buildServer() {
  const { build } = await import('esbuild')
  const outdir = path.join(distDir, 'server')
  fs.rmSync(outdir, { recursive: true, force: true })
  const result = await build({
    absWorkingDir: repoRoot,
    entryPoints: serverEntries,
    outdir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20.19',
    external: [...runtimePackages, ...optionalPackages],
    minify: true,
    // The bundled CommonJS packages call require() (Node's own modules, their optional ones): an ES module has none.
    banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
    sourcemap: 'linked',
    // Stack traces need only the mappings; the sources themselves would sit in the server's memory for nothing.
    sourcesContent: false,
    chunkNames: 'chunk-[hash]',
    // The packages' notices go whole into THIRD_PARTY_LICENSES.txt instead (licenses.mjs).
    legalComments: 'none',
    metafile: true,
    logLevel: 'warning',
  })
  fs.writeFileSync(path.join(outdir, 'meta.json'), JSON.stringify(result.metafile))
  for (const file of fs.readdirSync(outdir).filter((name) => name.endsWith('.js.map'))) {
    const map = JSON.parse(fs.readFileSync(path.join(outdir, file), 'utf8'))
    fs.writeFileSync(path.join(outdir, file), JSON.stringify(projectMappingsOnly(map)))
  }
  fs.writeFileSync(path.join(outdir, 'THIRD_PARTY_LICENSES.txt'), thirdPartyNotices(repoRoot, result.metafile))
  // Node reads dist/server/*.js as ES modules even when the package.json beside them is not the repository's.
  fs.writeFileSync(path.join(outdir, 'package.json'), '{ "type": "module" }\n')
  return result.metafile
}

export async function buildClient() {
  const { build } = await import('vite')
  // Whatever NODE_ENV this runs under (tests set "test"), the client is built for production.
  process.env.NODE_ENV = 'production'
  await build({ configFile: path.join(repoRoot, 'vite.config.ts'), mode: 'production', logLevel: 'warn' })
}

async function main(argv) {
  const ifStale = argv.includes('--if-stale')
  const named = argv.filter((arg) => arg === 'server' || arg === 'client')
  const parts = (named.length > 0 ? named : ['server', 'client']).filter((part) => hasSources(part))
  for (const part of parts) {
    if (ifStale && !isStale(part)) continue
    const sources = fingerprint(part)
    const started = performance.now()
    if (part === 'server') await buildServer()
    else await buildClient()
    writeStamp(part, sources)
    process.stderr.write(`built the ${part} into dist/${part} in ${Math.round(performance.now() - started)} ms\n`)
  }
}

if (import.meta.filename === path.resolve(process.argv[1] ?? '')) {
  main(process.argv.slice(2)).catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
