/**
 * The address the server listens at, written into its data directory when it starts, so that the admin CLI (another
 * process, which may not know the PORT or HOST the server was started with) prints invite links that open it.
 */
import fs from 'node:fs'
import path from 'node:path'

const fileName = 'server-address'

export function recordServerAddress(dataDir: string, url: string): void {
  const file = path.join(dataDir, fileName)
  const written = `${file}.${process.pid}`
  fs.writeFileSync(written, `${url}\n`)
  fs.renameSync(written, file)
}

/** The address the server last started at with this data directory, or null when it never did. */
export function recordedServerAddress(dataDir: string): string | null {
  try {
    const url = fs.readFileSync(path.join(dataDir, fileName), 'utf8').trim()
    return /^https?:\/\/\S+$/.test(url) ? url.replace(/\/+$/, '') : null
  } catch {
    return null
  }
}
