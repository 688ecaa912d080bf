import { createHash } from 'node:crypto'
import { describe, expect, test } from 'vitest'
import { buildVersion, precacheList } from './precache.ts'

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex')

describe('precacheList', () => {
  test('the page as / and every built script, style, font and image under assets/, sorted', () => {
    expect(
      precacheList(['assets/index-B2.js', 'index.html', 'assets/index-A1.css', 'assets/font-x.woff2', 'assets/logo-1.svg', 'assets/DocumentPage-Q.js']),
    ).toEqual(['/', '/assets/DocumentPage-Q.js', '/assets/font-x.woff2', '/assets/index-A1.css', '/assets/index-B2.js', '/assets/logo-1.svg'])
  })

  test('leaves out source maps, the worker itself and files outside assets/', () => {
    expect(precacheList(['sw.js', 'assets/index-B2.js.map', 'stats.html', 'assets/index-B2.js', './index.html'])).toEqual(['/', '/assets/index-B2.js'])
  })

  test('reads Windows separators as the build would serve them', () => {
    expect(precacheList(['assets\\editor-X.js'])).toEqual(['/assets/editor-X.js'])
  })
})

describe('buildVersion', () => {
  test('the same build gives the same version; another file or another page gives another', async () => {
    const list = precacheList(['index.html', 'assets/index-B2.js'])
    const version = await buildVersion(list, '<html>', sha256)
    expect(version).toMatch(/^[0-9a-f]{16}$/)
    expect(await buildVersion(list, '<html>', sha256)).toBe(version)
    expect(await buildVersion(precacheList(['index.html', 'assets/index-C3.js']), '<html>', sha256)).not.toBe(version)
    expect(await buildVersion(list, '<html lang="fr">', sha256)).not.toBe(version)
  })
})
