import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { withSourceLocations } from './stackSources.ts'

describe('withSourceLocations', () => {
  let dir: string
  let stack: string

  beforeAll(async () => {
    // A TypeScript module built as the server is (esbuild, ESM, linked map), run by plain node, throwing from line 6.
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-stack-'))
    fs.mkdirSync(path.join(dir, 'src'))
    fs.writeFileSync(
      path.join(dir, 'src', 'thrower.ts'),
      ['interface Shape {', '  sides: number', '}', '', 'export function fail(shape: Shape): never {', "  throw new Error(`no shape has ${shape.sides} sides`)", '}', ''].join('\n'),
    )
    fs.writeFileSync(path.join(dir, 'src', 'main.ts'), "import { fail } from './thrower.ts'\n\ntry {\n  fail({ sides: -1 })\n} catch (error) {\n  console.log((error as Error).stack)\n}\n")
    await build({ absWorkingDir: dir, entryPoints: ['src/main.ts'], outdir: 'dist', bundle: true, format: 'esm', platform: 'node', sourcemap: 'linked', sourcesContent: false, logLevel: 'silent' })
    fs.writeFileSync(path.join(dir, 'dist', 'package.json'), '{ "type": "module" }\n')
    stack = execFileSync(process.execPath, [path.join(dir, 'dist', 'main.js')], { encoding: 'utf8' })
  })
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }))

  it('names the source file, line and column of each frame in a built file', () => {
    // Node, without --enable-source-maps, names the bundle.
    expect(stack).toContain(path.join(dir, 'dist', 'main.js'))
    const translated = withSourceLocations(stack)
    expect(translated).toContain(`at fail (${path.join(dir, 'src', 'thrower.ts')}:6:9)`)
    expect(translated).toMatch(new RegExp(`${path.join(dir, 'src', 'main.ts').replace(/[.]/g, '\\.')}:4:3`))
    expect(translated).not.toContain(path.join(dir, 'dist', 'main.js'))
    // The message and Node's own frames stay as they were.
    expect(translated.split('\n')[0]).toBe('Error: no shape has -1 sides')
    expect(translated.split('\n').filter((line) => line.includes('node:internal')).length).toBe(stack.split('\n').filter((line) => line.includes('node:internal')).length)
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
