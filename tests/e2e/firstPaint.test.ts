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

  test('the workspace list paints without the editor chunk, which is fetched after, once the page is idle; opening a document uses it', async () => {
    const context = await browser.newContext()
    const page = await context.newPage()
    await page.goto(await inviteLink(server, { name: 'Secretariat officer', role: 'secretariat' }))
    await page.getByRole('heading', { name: 'Workspaces' }).waitFor()
    await page.locator('.card a').first().waitFor()

    // Resource timing, in the page's own clock: the editor's chunk starts loading only after the first paint.
    const timing = () =>
      page.evaluate(() => ({
        firstPaint: performance.getEntriesByType('paint').find((entry) => entry.name === 'first-contentful-paint')?.startTime ?? null,
        editor: performance
          .getEntriesByType('resource')
          .filter((entry) => /\/assets\/DocumentPage-[^/]+\.js$/.test(new URL(entry.name).pathname))
          .map((entry) => entry.startTime),
      }))
    await expect.poll(async () => (await timing()).editor.length, { timeout: 15_000 }).toBe(1)
    const { firstPaint, editor } = await timing()
    expect(firstPaint).not.toBeNull()
    expect(editor[0]).toBeGreaterThan(firstPaint!)

    const [workspace] = await api<{ id: string }[]>(page, 'GET', '/api/workspaces')
    const { documents } = await api<{ documents: { id: string }[] }>(page, 'GET', `/api/workspaces/${workspace.id}`)
    await openDocument(page, documents[0].id)
    await context.close()
  })
})
