/** Builds the browser client with Vite when its sources are newer than the last build. */
import fs from 'node:fs'
import path from 'node:path'
import { log } from './log.ts'

const root = path.resolve(import.meta.dirname, '..')
export const clientDist = path.join(root, 'dist', 'client')

function newestChange(dir: string): number {
  let newest = 0
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name)
    newest = Math.max(newest, entry.isDirectory() ? newestChange(full) : fs.statSync(full).mtimeMs)
  }
  return newest
}

function isStale(): boolean {
  const built = path.join(clientDist, 'index.html')
  if (!fs.existsSync(built)) return true
  const sources = Math.max(
    newestChange(path.join(root, 'client')),
    newestChange(path.join(root, 'shared')),
    fs.statSync(path.join(root, 'vite.config.ts')).mtimeMs,
  )
  return sources > fs.statSync(built).mtimeMs
}

/** The directory of the built client, building it first if needed; null when there is no client to build. */
export async function ensureClientBuilt(): Promise<string | null> {
  if (!fs.existsSync(path.join(root, 'client', 'index.html'))) return null
  if (process.env.SKIP_CLIENT_BUILD === '1' || !isStale()) return fs.existsSync(clientDist) ? clientDist : null
  log.info('client.building')
  // Whatever NODE_ENV the server runs under (tests set "test"), the client is built for production.
  const nodeEnv = process.env.NODE_ENV
  process.env.NODE_ENV = 'production'
  try {
    const { build } = await import('vite')
    await build({ configFile: path.join(root, 'vite.config.ts'), mode: 'production', logLevel: 'warn' })
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV
    else process.env.NODE_ENV = nodeEnv
  }
  return clientDist
}
