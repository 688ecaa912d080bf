/**
 * The built server at rest (relaying, answering the REST API; no export, no proposal, no restore, no Redis) loads only
 * the packages it needs for that: the DOCX writer, TipTap and ProseMirror, the diff library and the clients of Redis and
 * PostgreSQL load with the first request that needs them. Most packages are bundled into dist/server's chunks: what a
 * loaded chunk holds is read from esbuild's record of the build (dist/server/meta.json).
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { connectClient } from '../helpers/clients.ts'
import { ApiClient } from '../helpers/http.ts'
import { packageOfInput } from '../../server/build/licenses.mjs'
import { mintToken, registerDocument, repoRoot, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'

/**
 * A `node --import` file whose resolve hook appends to `log` each bare package specifier resolved (a package left out
 * of the bundle) and each file of dist/server loaded (a chunk, with the packages bundled into it).
 */
function moduleLogger(dir: string, log: string): string {
  fs.writeFileSync(
    path.join(dir, 'hooks.mjs'),
    `import fs from 'node:fs'
const log = ${JSON.stringify(log)}
export async function resolve(specifier, context, next) {
  const resolved = await next(specifier, context)
  if (!/^(\\.|\\/|node:|file:|data:)/.test(specifier)) fs.appendFileSync(log, specifier + '\\n')
  else if (resolved.url.includes('/dist/server/')) fs.appendFileSync(log, 'dist/server/' + resolved.url.split('/dist/server/')[1] + '\\n')
  return resolved
}
`,
  )
  const register = path.join(dir, 'register.mjs')
  fs.writeFileSync(register, `import { register } from 'node:module'\nregister(${JSON.stringify(new URL('hooks.mjs', `file://${dir}/`).href)})\n`)
  return register
}

/** The package a specifier names: `@tiptap/core` for `@tiptap/core/dist/x`, `docx` for `docx`. */
const packageOf = (specifier: string) => specifier.split('/').slice(0, specifier.startsWith('@') ? 2 : 1).join('/')

/** The packages bundled into one built file, from the build's record of its inputs. */
function bundledPackages(file: string): string[] {
  const meta = JSON.parse(fs.readFileSync(path.join(repoRoot, 'dist/server/meta.json'), 'utf8')) as { outputs: Record<string, { inputs: Record<string, unknown> }> }
  const output = meta.outputs[file]
  if (!output) throw new Error(`${file} is not in the build's record`)
  return Object.keys(output.inputs).flatMap((input) => packageOfInput(input)?.name ?? [])
}

describe('the built server at rest', () => {
  let server: TestServer
  let hookDir: string
  let log: string
  let token: string
  const year = new Date().getFullYear()

  beforeAll(async () => {
    const dataDir = tempDataDir()
    // A workspace and a member already there: no demo is written at start.
    await registerDocument(dataDir, 'at-rest', { dtg: 1, year })
    token = await mintToken(dataDir, 'Delegate of Kenya', 'delegation', { delegation: 'Kenya' })
    hookDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-modules-'))
    log = path.join(hookDir, 'modules.txt')
    fs.writeFileSync(log, '')
    server = await startTestServer(dataDir, {}, { built: true, nodeArgs: ['--import', moduleLogger(hookDir, log)] })
  }, 120_000)
  afterAll(async () => {
    expect(await server?.stop()).toBe(0)
    fs.rmSync(hookDir, { recursive: true, force: true })
  })

  it('relays and answers the REST API without loading the DOCX writer, TipTap, ProseMirror, diff, Redis or PostgreSQL', async () => {
    const api = new ApiClient(server.url, token)
    expect((await api.get(`/api/workspaces/dtg1-${year}`)).status).toBe(200)
    const client = connectClient(server.wsUrl, 'at-rest', token)
    try {
      await client.synced
    } finally {
      client.destroy()
    }

    const lines = fs.readFileSync(log, 'utf8').split('\n').filter(Boolean)
    const loaded = new Set(lines.flatMap((line) => (line.startsWith('dist/server/') ? bundledPackages(line) : [packageOf(line)])))
    // What the relay and the API are made of is seen, so the hook did record.
    for (const needed of ['yjs', 'hono', 'better-sqlite3']) expect(loaded).toContain(needed)
    const heavy = [...loaded].filter((name) => name === 'docx' || name === 'diff' || name === 'ioredis' || name === 'pg' || name.startsWith('@tiptap/') || name.startsWith('prosemirror-'))
    expect(heavy).toEqual([])
  })
})
