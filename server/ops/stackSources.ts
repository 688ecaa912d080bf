/**
 * Stack traces that name the TypeScript files and lines the built server was made from, without Node's
 * `--enable-source-maps`: that option parses and keeps the source map of every module the process loads (packages
 * included) for as long as it runs, a few MiB of a server at rest for the odd stack trace. Here a frame in a built file
 * is translated when a stack is written (the log), from the map beside that file, read then and let go a minute later.
 */
import fs from 'node:fs'
import { SourceMap } from 'node:module'
import path from 'node:path'
import { fileURLToPath } from 'node:url'

/** How long maps read for one stack stay for the next (errors come in bursts), in milliseconds. */
const keepMs = 60_000

/** A stack frame's line ("    at ..."): only frames are translated, never the message above them. */
const frameLine = /^\s+at .*$/gm
/** A frame's location: a `file://` URL or an absolute path of a `.js` file, then `:line:column`. */
const location = /(file:\/\/\/[^\s()]+?\.m?js|\/[^\s():]+?\.m?js):(\d+):(\d+)/g

const maps = new Map<string, { map: SourceMap; directory: string } | null>()
let forget: NodeJS.Timeout | null = null

function mapOf(file: string): { map: SourceMap; directory: string } | null {
  let entry = maps.get(file)
  if (entry === undefined) {
    entry = null
    try {
      const payload = JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')) as ConstructorParameters<typeof SourceMap>[0]
      entry = { map: new SourceMap(payload), directory: path.dirname(file) }
    } catch {
      // No map beside the file (a package, or a build without maps), or one that cannot be read: the frame stays.
    }
    maps.set(file, entry)
  }
  return entry
}

function original(file: string, line: number, column: number): string | null {
  const entry = mapOf(file)
  if (!entry) return null
  const found = entry.map.findEntry(line - 1, column - 1) as { originalSource?: string; originalLine?: number; originalColumn?: number }
  if (found.originalSource === undefined || found.originalLine === undefined || found.originalColumn === undefined) return null
  const source = found.originalSource.startsWith('file://') ? fileURLToPath(found.originalSource) : path.resolve(entry.directory, found.originalSource)
  return `${source}:${found.originalLine + 1}:${found.originalColumn + 1}`
}

/**
 * The stack with each frame in a built file (one with a `.map` beside it) naming the source file, line and column
 * instead. Frames elsewhere, and every frame when Node already translates stacks itself, are left as they are.
 */
export function withSourceLocations(stack: string): string {
  if (process.sourceMapsEnabled) return stack
  const result = stack.replace(frameLine, (frame) =>
    frame.replace(location, (whole, where: string, line: string, column: string) => {
      // Whatever goes wrong leaves the frame as it was: writing a log record must never throw.
      try {
        const file = where.startsWith('file://') ? fileURLToPath(where) : where
        return original(file, Number(line), Number(column)) ?? whole
      } catch {
        return whole
      }
    }),
  )
  if (maps.size > 0) {
    if (forget) clearTimeout(forget)
    forget = setTimeout(() => {
      maps.clear()
      forget = null
    }, keepMs)
    forget.unref()
  }
  return result
}
