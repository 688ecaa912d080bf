/**
 * The interface in the six official languages: nothing on the main pages is shown outside the message catalogues
 * (pseudo-localised, every catalogue text is marked ⟦…⟧ and nothing unmarked may remain), Arabic lays the page out
 * right to left with no accessibility violation, the language chosen is remembered for the member, and the document
 * page in Arabic and Chinese and a workspace in French are captured for review.
 */
import { createRequire } from 'node:module'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../helpers/server.ts'
import { api, createDocument, inviteLink, screenshot } from './harness.ts'
import { serverAndBrowser } from './serverAndBrowser.ts'

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

/** Text the page shows (and reads out: labels, titles, placeholders) that no catalogue marked, in pseudo-localisation. */
async function unmarkedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    // Not interface text: the document itself, and what people wrote or are called (marked translate="no").
    const excluded = '[translate="no"], .ProseMirror, script, style, template, noscript'
    const clone = document.body.cloneNode(true) as HTMLElement
    for (const node of clone.querySelectorAll(excluded)) node.remove()
    const texts = [clone.textContent ?? '']
    for (const element of document.body.querySelectorAll('[aria-label], [title], [placeholder], [alt], [aria-description]')) {
      if (element.closest(excluded)) continue
      for (const name of ['aria-label', 'title', 'placeholder', 'alt', 'aria-description']) {
        const value = element.getAttribute(name)
        if (value) texts.push(value)
      }
    }
    const leftovers: string[] = []
    for (let text of texts) {
      // Innermost marked spans first: a message may hold another (a role name inside a sentence).
      while (/⟦[^⟦⟧]*⟧/.test(text)) text = text.replace(/⟦[^⟦⟧]*⟧/g, ' ')
      for (const piece of text.split(/\s{2,}|\n/)) if (/\p{L}/u.test(piece)) leftovers.push(piece.trim())
    }
    return leftovers
  })
}

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe
    const { violations } = await axe.run(document, { resultTypes: ['violations'] })
    return violations.flatMap((violation) => violation.nodes.map((node) => `${violation.id}: ${violation.help} at ${node.target.join(' ')}`))
  })
}

async function signInAs(browser: Browser, server: TestServer, name: string, role: 'secretariat' | 'delegation', delegation?: string) {
  const link = await inviteLink(server, { name, role, ...(delegation ? { delegation } : {}) })
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 1000 }, locale: 'en-GB' })
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(link)
  await page.locator('.member-name').waitFor()
  return { context, page, errors }
}

async function chooseLanguage(page: Page, language: string): Promise<void> {
  await page.locator('.language-switch select').selectOption(language)
  await page.waitForFunction((expected) => document.documentElement.lang.startsWith(expected), language)
}

describe('the interface in the six languages', () => {
  const running = serverAndBrowser()
  let secretariat: { context: BrowserContext; page: Page; errors: string[] }
  let workspaceId: string
  let documentId: string

  beforeAll(async () => {
    secretariat = await signInAs(running.browser, running.server, 'Secretariat officer', 'secretariat', 'UNODA')
    ;({ workspaceId, documentId } = await createDocument(secretariat.page, { title: 'Draft recommendations', templateId: 'dtg1-critical-infrastructure' }))
    await api(secretariat.page, 'POST', `/api/documents/${documentId}/revisions`, { label: 'Zero draft' })
  })


  describe('pseudo-localised, no text escapes the catalogues', () => {
    const pages: { name: string; hash: () => string; ready: (page: Page) => Promise<unknown> }[] = [
      { name: 'the workspace list', hash: () => '#/', ready: (page) => page.locator('.card a').first().waitFor() },
      { name: 'a workspace', hash: () => `#/workspaces/${encodeURIComponent(workspaceId)}`, ready: (page) => page.locator('.document-table').waitFor() },
      {
        name: 'the document page',
        hash: () => `#/documents/${encodeURIComponent(documentId)}`,
        ready: async (page) => {
          await page.locator('.draft-text .recommendation').first().waitFor()
          await page.getByTestId('connection-state').filter({ hasText: '⟦' }).waitFor()
        },
      },
      { name: 'the members page', hash: () => '#/members', ready: (page) => page.locator('h1').waitFor() },
      { name: 'the framework catalogue', hash: () => '#/catalogue', ready: (page) => page.locator('h1').waitFor() },
    ]
    for (const { name, hash, ready } of pages) {
      test(name, async () => {
        const { page } = secretariat
        await page.goto(`${running.server.url}/?pseudo${hash()}`)
        await ready(page)
        // Late arrivals (presence, status, counts) are part of the page too.
        await page.waitForTimeout(500)
        // The page is pseudo-localised (its headings may be titles people wrote, which stay as written).
        expect(await page.locator('main').textContent()).toContain('⟦')
        expect(await unmarkedText(page)).toEqual([])
      })
    }
  })

  test('Arabic: right to left, remembered for the member, no accessibility violation on the document page', async () => {
    const delegate = await signInAs(running.browser, running.server, 'مندوب مصر', 'delegation', 'Egypt')
    const { page } = delegate
    await chooseLanguage(page, 'ar')
    await page.goto(`${running.server.url}/#/documents/${encodeURIComponent(documentId)}`)
    await page.locator('.draft-text .recommendation').first().waitFor()
    expect(await page.evaluate(() => [document.documentElement.dir, document.documentElement.lang])).toEqual(['rtl', 'ar'])
    // Mirrored: the header starts on the right.
    const header = await page.locator('.app-header').boundingBox()
    const brand = await page.locator('.app-header > *:not(.skip-link)').first().boundingBox()
    expect(brand!.x + brand!.width).toBeGreaterThan(header!.x + header!.width / 2)
    await page.waitForTimeout(500)
    await screenshot(page, 'document-ar')
    expect(await axeViolations(page)).toEqual([])

    // Remembered by the server, not only by this browser: with the browser's memory cleared, Arabic comes back.
    await page.evaluate(() => localStorage.clear())
    await page.reload()
    await page.locator('.member-name').waitFor()
    await page.waitForFunction(() => document.documentElement.lang === 'ar')
    expect(delegate.errors).toEqual([])
    await delegate.context.close()
  })

  test('Chinese: the document page', async () => {
    const delegate = await signInAs(running.browser, running.server, 'Delegate of China', 'delegation', 'China')
    await chooseLanguage(delegate.page, 'zh')
    await delegate.page.goto(`${running.server.url}/#/documents/${encodeURIComponent(documentId)}`)
    await delegate.page.locator('.draft-text .recommendation').first().waitFor()
    expect(await delegate.page.evaluate(() => document.documentElement.dir)).toBe('ltr')
    await delegate.page.waitForTimeout(500)
    await screenshot(delegate.page, 'document-zh')
    expect(delegate.errors).toEqual([])
    await delegate.context.close()
  })

  test('French: a workspace', async () => {
    const { page } = secretariat
    await page.goto(`${running.server.url}/#/workspaces/${encodeURIComponent(workspaceId)}`)
    await page.locator('.document-table').waitFor()
    await chooseLanguage(page, 'fr')
    await page.locator('.document-table').waitFor()
    expect(await page.locator('.language-switch label').textContent()).toBe('Langue')
    await screenshot(page, 'workspace-fr')
    await chooseLanguage(page, 'en')
  })
})
