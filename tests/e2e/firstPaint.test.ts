/** The first paint loads a small shell; the editor (TipTap, ProseMirror, Yjs) arrives only with a document. */
import fs from 'node:fs'
import path from 'node:path'
import { gzipSync } from 'node:zlib'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { repoRoot, type TestServer } from '../helpers/server.ts'
import { api, inviteLink, launchChromium, openDocument, startServer } from './harness.ts'

const clientDist = path.join(repoRoot, 'dist', 'client')
const initialBudgetBytes = 350 * 1000

/** Scripts the HTML loads before anything else: entry modules and their preloads. */
function initialScripts(indexHtml: string): string[] {
  const sources = [...indexHtml.matchAll(/<script[^>]+src="([^"]+\.js)"/g), ...indexHtml.matchAll(/<link[^>]+rel="modulepreload"[^>]+href="([^"]+\.js)"/g)]
  return [...new Set(sources.map((match) => match[1]))]
}

describe('first paint', () => {
  let server: TestServer
  let browser: Browser

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test(`the initial JavaScript is at most ${initialBudgetBytes / 1000} KB gzipped and holds no editor`, () => {
    const scripts = initialScripts(fs.readFileSync(path.join(clientDist, 'index.html'), 'utf8'))
    expect(scripts.length).toBeGreaterThan(0)
    const sources = scripts.map((src) => fs.readFileSync(path.join(clientDist, src)))
    const gzipped = sources.reduce((total, source) => total + gzipSync(source, { level: 9 }).length, 0)
    expect(gzipped).toBeLessThanOrEqual(initialBudgetBytes)
    for (const source of sources) expect(source.toString()).not.toContain('ProseMirror-selectednode')
  })

  test('the workspace list loads without the editor chunk; opening a document loads it', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    const scripts: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') scripts.push(new URL(request.url()).pathname)
    })
    await page.goto(await inviteLink(server, { name: 'Secretariat officer', role: 'secretariat' }))
    await page.getByRole('heading', { name: 'Workspaces' }).waitFor()
    await page.locator('.card a').first().waitFor()
    expect(scripts.some((script) => script.includes('DocumentPage'))).toBe(false)

    const [workspace] = await api<{ id: string }[]>(page, 'GET', '/api/workspaces')
    const { documents } = await api<{ documents: { id: string }[] }>(page, 'GET', `/api/workspaces/${workspace.id}`)
    await openDocument(page, documents[0].id)
    expect(scripts.some((script) => script.includes('DocumentPage'))).toBe(true)
    await context.close()
  })
})
