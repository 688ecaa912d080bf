/** What each part of the build is made from, as one content hash per part, and the stamp a build leaves beside it. */
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'

export const repoRoot = path.resolve(import.meta.dirname, '..', '..')
export const distDir = path.join(repoRoot, 'dist')

/** The stamp of a part: the hash of the sources it was built from, in its own output folder (dist/server/build.json). */
const stampFile = (/** @type {Part} */ part) => path.join(distDir, part, 'build.json')

/** The sources of each part: folders (test files left out) and single files, relative to the repository. */
const inputs = {
  server: ['server', 'shared', 'package-lock.json'],
  client: ['client', 'shared', 'vite.config.ts', 'package-lock.json'],
}

/** @typedef {'server' | 'client'} Part */

function filesUnder(relative, into) {
  const full = path.join(repoRoot, relative)
  if (!fs.existsSync(full)) return
  if (fs.statSync(full).isFile()) {
    into.push(relative)
    return
  }
  for (const entry of fs.readdirSync(full, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue
    const child = path.join(relative, entry.name)
    if (entry.isDirectory()) filesUnder(child, into)
    else if (!/\.test\.tsx?$/.test(entry.name)) into.push(child)
  }
}

/** Whether the sources of a part are here at all (a runtime image holds only dist/). */
export function hasSources(/** @type {Part} */ part) {
  return part === 'server' ? fs.existsSync(path.join(repoRoot, 'server', 'main.ts')) : fs.existsSync(path.join(repoRoot, 'client', 'index.html'))
}

/** A sha256 over the path and content of every source file of the part. */
export function fingerprint(/** @type {Part} */ part) {
  const files = []
  for (const input of inputs[part]) filesUnder(input, files)
  const hash = createHash('sha256')
  for (const file of files.sort()) {
    hash.update(file.split(path.sep).join('/'))
    hash.update('\0')
    hash.update(fs.readFileSync(path.join(repoRoot, file)))
    hash.update('\0')
  }
  return hash.digest('hex')
}

/** The hash of the sources the part was last built from, or null. */
export function readStamp(/** @type {Part} */ part) {
  try {
    return JSON.parse(fs.readFileSync(stampFile(part), 'utf8')).sources ?? null
  } catch {
    return null
  }
}

export function writeStamp(/** @type {Part} */ part, /** @type {string} */ sources) {
  fs.writeFileSync(stampFile(part), JSON.stringify({ sources, builtAt: new Date().toISOString(), node: process.version }, null, 2) + '\n')
}

/** The output a part must have to run at all. */
export function builtOutput(/** @type {Part} */ part) {
  return part === 'server' ? path.join(distDir, 'server', 'main.js') : path.join(distDir, 'client', 'index.html')
}

/**
 * Whether a part needs building: its output is missing, or its sources are here and differ from those it was built
 * from. Without sources (a runtime image) whatever was built is what runs.
 */
export function isStale(/** @type {Part} */ part) {
  if (!fs.existsSync(builtOutput(part))) return true
  if (!hasSources(part)) return false
  return readStamp(part) !== fingerprint(part)
}
