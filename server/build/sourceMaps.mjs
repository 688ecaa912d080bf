/**
 * The built server's source maps, cut down to this project's code. The server bundles its packages, and esbuild maps
 * every byte of them too; the log translates a stack by parsing the whole map of each file a frame is in (see
 * server/ops/stackSources.ts), and a map holding the packages' mappings costs several MiB and tens of milliseconds to
 * parse. Frames in package code are left as the bundle names them, as they were when the packages loaded from
 * node_modules: their mappings become unmapped positions, so that such a frame is never given the location of the
 * project code before it on the same line.
 */

import { decode, encode } from '@jridgewell/sourcemap-codec'

/** Whether a source a map names is a package's file. */
export const isPackageSource = (source) => /(^|\/)node_modules\//.test(source)

/**
 * A copy of a source map (version 3, as esbuild writes it) whose mappings into package sources are unmapped
 * positions, consecutive ones merged; the rest is unchanged.
 */
export function projectMappingsOnly(map, keepSource = (source) => !isPackageSource(source)) {
  const keep = map.sources.map((source) => keepSource(source))
  const lines = decode(map.mappings).map((segments) => {
    const kept = []
    for (const segment of segments) {
      if (segment.length >= 4 && keep[segment[1]]) kept.push(segment)
      // An unmapped position: one is enough until the next mapped segment.
      else if (kept.length === 0 || kept.at(-1).length > 1) kept.push([segment[0]])
    }
    return kept
  })
  // Node's parser reads a one-field segment as one only when a separator follows it: at the very end of the string it
  // would take the last mapped location instead. An empty last line costs nothing.
  const mappings = encode(lines)
  return { ...map, mappings: lines.at(-1)?.at(-1)?.length === 1 ? `${mappings};` : mappings }
}
