import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { projectMappingsOnly } from '../build/sourceMaps.mjs'
import { withSourceLocations } from './stackSources.ts'

describe('withSourceLocations', () => {
  let dir: string
  let stack: string

  beforeAll(async () => {
    // TypeScript modules built as the server is (esbuild, ESM, minified, a package bundled in, linked map cut down to
    // the project's code by build/sourceMaps.mjs), run by plain node, throwing from line 6 through the package's code.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-stack-'))
    fs.mkdirSync(path.join(dir, 'src'))
    fs.mkdirSync(path.join(dir, 'node_modules', 'calling'), { recursive: true })
    fs.writeFileSync(path.join(dir, 'node_modules', 'calling', 'package.json'), '{ "name": "calling", "type": "module", "main": "index.js" }\n')
    fs.writeFileSync(path.join(dir, 'node_modules', 'calling', 'index.js'), 'export function callWith(fn, value) {\n  const result = fn(value)\n  return result\n}\n')
    fs.writeFileSync(
      path.join(dir, 'src', 'thrower.ts'),
      ['interface Shape {', '  sides: number', '}', '', 'export function fail(shape: Shape): never {', "  throw new Error(`no shape has ${shape.sides} sides`)", '}', ''].join('\n'),
    )
    fs.writeFileSync(
      path.join(dir, 'src', 'main.ts'),
      "import { callWith } from 'calling'\nimport { fail } from './thrower.ts'\n\ntry {\n  callWith(fail, { sides: -1 })\n} catch (error) {\n  console.log((error as Error).stack)\n}\n",
    )
    await build({ absWorkingDir: dir, entryPoints: ['src/main.ts'], outdir: 'dist', bundle: true, minify: true, format: 'esm', platform: 'node', sourcemap: 'linked', sourcesContent: false, logLevel: 'silent' })
    const mapFile = path.join(dir, 'dist', 'main.js.map')
    fs.writeFileSync(mapFile, JSON.stringify(projectMappingsOnly(JSON.parse(fs.readFileSync(mapFile, 'utf8')))))
    fs.writeFileSync(path.join(dir, 'dist', 'package.json'), '{ "type": "module" }\n')
    stack = execFileSync(process.execPath, [path.join(dir, 'dist', 'main.js')], { encoding: 'utf8' })
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('names the source file, line and column of each frame in the project code of a built file', () => {
    // Node, without --enable-source-maps, names the bundle.
    expect(stack).toContain(path.join(dir, 'dist', 'main.js'))
    const translated = withSourceLocations(stack)
    const lines = translated.split('\n')
    // Function names are the minified ones; the locations are the sources'.
    const escaped = (file: string) => file.replace(/[.]/g, '\\.')
    expect(lines[1]).toMatch(new RegExp(`^    at \\S+ \\(${escaped(path.join(dir, 'src', 'thrower.ts'))}:6:9\\)$`))
    // The package's frame keeps the bundle's location, as it did when packages loaded from node_modules.
    expect(lines[2]).toMatch(new RegExp(`^    at \\S+ \\(file://${escaped(path.join(dir, 'dist', 'main.js'))}:\\d+:\\d+\\)$`))
    expect(lines[3]).toMatch(new RegExp(`${escaped(path.join(dir, 'src', 'main.ts'))}:5:3`))
    // The message and Node's own frames stay as they were.
    expect(lines[0]).toBe('Error: no shape has -1 sides')
    expect(lines.filter((line) => line.includes('node:internal')).length).toBe(stack.split('\n').filter((line) => line.includes('node:internal')).length)
  })

  it('leaves a frame alone when no map is beside its file, or the map cannot be read', () => {
    fs.copyFileSync(path.join(dir, 'dist', 'main.js'), path.join(dir, 'dist', 'unmapped.js'))
    fs.writeFileSync(path.join(dir, 'dist', 'broken.js'), '')
    fs.writeFileSync(path.join(dir, 'dist', 'broken.js.map'), '{ not json')
    const frames = [
      `Error: x`,
      `    at one (file://${path.join(dir, 'dist', 'unmapped.js')}:4:9)`,
      `    at two (${path.join(dir, 'dist', 'broken.js')}:1:1)`,
      `    at three (file:///nowhere/at/all.js:10:2)`,
    ].join('\n')
    expect(withSourceLocations(frames)).toBe(frames)
  })

  it('never throws, and never touches the message: only frames are translated', () => {
    const built = path.join(dir, 'dist', 'main.js')
    const builtFrame = stack.split('\n').find((line) => line.includes(built))!
    const composed = [
      `Error: cannot read file:///a%2Fb.js:1:1 nor file:///x%ZZ.js:2:3 nor ${built}:4:9`,
      `    at one (file:///a%2Fb.js:1:1)`,
      `    at two (file:///x%ZZ.js:2:3)`,
      builtFrame,
    ].join('\n')
    const translated = withSourceLocations(composed).split('\n')
    // The message and the frames whose file cannot be named stay as they were; the built frame is translated.
    expect(translated.slice(0, 3)).toEqual(composed.split('\n').slice(0, 3))
    expect(translated[3]).toContain(path.join(dir, 'src'))
  })
})
