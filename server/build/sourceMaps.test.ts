import { SourceMap } from 'node:module'
import { encode } from '@jridgewell/sourcemap-codec'
import { describe, expect, it } from 'vitest'
import { projectMappingsOnly } from './sourceMaps.mjs'

/** A map of two generated lines: project code, then package code, on each; the second line ends in package code. */
function mixedMap() {
  return {
    version: 3,
    file: 'chunk.js',
    sourceRoot: '',
    sources: ['../../server/app.ts', '../../node_modules/zod/index.js'],
    sourcesContent: [],
    names: [],
    mappings: encode([
      [
        [0, 0, 10, 2],
        [40, 1, 300, 0],
        [80, 0, 11, 4],
      ],
      [
        [0, 1, 400, 0],
        [30, 0, 20, 0],
        [60, 1, 500, 6],
        [90, 1, 501, 0],
      ],
    ]),
  }
}

const where = (map: SourceMap, line: number, column: number) => {
  const entry = map.findEntry(line, column) as { originalSource?: string; originalLine?: number }
  return entry.originalSource === undefined ? null : `${entry.originalSource.split('/').slice(-2).join('/')}:${entry.originalLine}`
}

describe('projectMappingsOnly', () => {
  it("keeps the project's positions and leaves the packages' unmapped, at a line's start and at the map's end too", () => {
    const full = new SourceMap(mixedMap())
    const cut = new SourceMap(projectMappingsOnly(mixedMap()))
    // Project code: as before.
    expect(where(cut, 0, 5)).toBe(where(full, 0, 5))
    expect(where(cut, 0, 85)).toBe('server/app.ts:11')
    expect(where(cut, 1, 35)).toBe('server/app.ts:20')
    // Package code: nothing, never the project code before it (Node's parser reads a one-field segment at the very
    // end of the mappings as the last mapped location unless a separator follows).
    expect(where(full, 0, 50)).toBe('zod/index.js:300')
    expect(where(cut, 0, 50)).toBeNull()
    expect(where(cut, 1, 5)).toBeNull()
    expect(where(cut, 1, 70)).toBeNull()
    expect(where(cut, 1, 95)).toBeNull()
  })
})
