/** axe-core finds no accessibility violation on any page of the app, and a long document adds few tab stops. */
import { createRequire } from 'node:module'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../helpers/server.ts'
import { api, clickInEditor, createDocument, eventually, pressInEditor, inviteLink, launchChromium, openDocument, startServer, typeAtEnd } from './harness.ts'
import { serverText } from './serverCopy.ts'

const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js')

interface Violation {
  id: string
  impact: string | null
  help: string
  nodes: { target: string[]; failureSummary?: string }[]
}

/** Runs axe-core (WCAG 2.x A and AA, and best practices) on the page as it stands. */
async function violations(page: Page): Promise<string[]> {
  await page.addScriptTag({ path: axePath })
  const found = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: Violation[] }> } }).axe
    const result = await axe.run(document, { resultTypes: ['violations'] })
    return result.violations
  })
  return found.flatMap((violation) => violation.nodes.map((node) => `${violation.id} (${violation.impact}): ${violation.help} at ${node.target.join(" ")}: ${node.failureSummary ?? ""}`))
}

/**
 * The secretariat, signed in by an invite link in a context that lets axe-core's script be injected (the app's
 * Content-Security-Policy refuses inline scripts, as it should; tests/e2e/securityPolicy.test.ts checks it).
 */
async function signInForAxe(browser: Browser, server: TestServer): Promise<{ page: Page; context: BrowserContext }> {
  const link = await inviteLink(server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
  const context = await browser.newContext({ bypassCSP: true, viewport: { width: 1400, height: 1000 } })
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  await page.goto(link)
  await page.locator('.member-name').waitFor()
  return { page, context }
}

describe('accessibility (axe-core)', () => {
  let server: TestServer
  let browser: Browser
  let lead: { page: Page; context: BrowserContext }
  let workspaceId: string
  let documentId: string
  let revisionId: number

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    lead = await signInForAxe(browser, server)
    ;({ workspaceId, documentId } = await createDocument(lead.page, { title: 'Accessible draft', templateId: 'dtg1-critical-infrastructure' }))
    ;({
      revision: { id: revisionId },
    } = await api<{ revision: { id: number } }>(lead.page, 'POST', `/api/documents/${documentId}/revisions`, { label: 'Zero draft' }))
    await openDocument(lead.page, documentId)
    await typeAtEnd(lead.page, ' A sentence added after the zero draft.')
    // A new paragraph, which the comparison tags "Added".
    await clickInEditor(lead.page, lead.page.locator('.draft-text > p').first())
    await pressInEditor(lead.page, 'End')
    await lead.page.keyboard.press('Enter')
    await lead.page.keyboard.type('A paragraph new since the zero draft.')
    await eventually(async () => (await serverText(server, documentId)).includes('new since the zero draft'), 'the edits to reach the server')
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('the sign-in page', async () => {
    const context = await browser.newContext({ bypassCSP: true })
    const page = await context.newPage()
    await page.goto(server.url)
    await page.getByRole('heading', { name: 'Sign in with your invite link' }).waitFor()
    expect(await violations(page)).toEqual([])
    await context.close()
  })

  const pages: { name: string; hash: () => string; ready: (page: Page) => Promise<void> }[] = [
    { name: 'the workspace list', hash: () => '#/', ready: (page) => page.locator('.card a').first().waitFor() },
    { name: 'a workspace', hash: () => `#/workspaces/${encodeURIComponent(workspaceId)}`, ready: (page) => page.locator('.document-table').waitFor() },
    {
      name: 'the document page',
      hash: () => `#/documents/${encodeURIComponent(documentId)}`,
      ready: async (page) => {
        await page.locator('.draft-text').waitFor()
        await page.getByTestId('connection-state').filter({ hasText: 'Connected' }).waitFor()
        await page.locator('.recommendation').first().waitFor()
      },
    },
    {
      name: 'the document page with the find bar open, the cursor in a recommendation',
      hash: () => `#/documents/${encodeURIComponent(documentId)}`,
      ready: async (page) => {
        await page.getByTestId('connection-state').filter({ hasText: 'Connected' }).waitFor()
        await clickInEditor(page, page.locator('.recommendation-body p').first())
        await page.keyboard.press('Control+f')
        await page.getByRole('searchbox').fill('critical')
        await page.locator('.draft-text .search-match-current').waitFor()
        await page.getByRole('button', { name: /^H1/ }).click({ force: true })
        await page.locator('.toolbar-refused').waitFor()
      },
    },
    {
      name: 'the keyboard shortcuts dialog',
      hash: () => `#/documents/${encodeURIComponent(documentId)}`,
      ready: async (page) => {
        await page.getByTestId('connection-state').filter({ hasText: 'Connected' }).waitFor()
        await page.getByRole('button', { name: /Keyboard shortcuts/ }).click()
        await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor()
      },
    },
    {
      name: 'a revision',
      hash: () => `#/documents/${encodeURIComponent(documentId)}/revisions/${revisionId}`,
      ready: (page) => page.locator('.read-only-draft, .draft-text').first().waitFor(),
    },
    {
      name: 'the comparison',
      hash: () => `#/documents/${encodeURIComponent(documentId)}/compare?from=${revisionId}&to=current`,
      ready: (page) => page.locator('.redline').first().waitFor(),
    },
    { name: 'the members page', hash: () => '#/members', ready: (page) => page.getByRole('heading', { name: 'Members', level: 1 }).waitFor() },
    { name: 'the framework catalogue', hash: () => '#/catalogue', ready: (page) => page.getByRole('heading', { level: 1 }).waitFor() },
    {
      name: "the framework catalogue with an element's form open",
      hash: () => '#/catalogue',
      ready: async (page) => {
        await page.getByRole('button', { name: 'Add an element' }).click()
        await page.locator('form.element-form').waitFor()
      },
    },
  ]

  for (const { name, hash, ready } of pages) {
    test(name, async () => {
      await lead.page.goto(`${server.url}/${hash()}`)
      await ready(lead.page)
      // Let late arrivals (presence, status, counts) settle before the check.
      await lead.page.waitForTimeout(300)
      expect(await violations(lead.page)).toEqual([])
    })
  }

  test('on a phone-sized screen (390 px) no page scrolls sideways: the banner wraps, wide tables scroll in their own frame', async () => {
    const names = ['the workspace list', 'a workspace', 'the document page', 'the members page', 'the framework catalogue']
    await lead.page.setViewportSize({ width: 390, height: 800 })
    try {
      for (const { name, hash, ready } of pages.filter((entry) => names.includes(entry.name))) {
        await lead.page.goto(`${server.url}/${hash()}`)
        await ready(lead.page)
        await lead.page.waitForTimeout(300)
        expect(await lead.page.evaluate(() => document.documentElement.scrollWidth), name).toBe(390)
      }
    } finally {
      await lead.page.setViewportSize({ width: 1400, height: 1000 })
    }
  })

  test('on the comparison, "Added" tags stay inside the redline card, and the change table says each change once', async () => {
    const { page } = lead
    for (const width of [1300, 1000]) {
      await page.setViewportSize({ width, height: 1000 })
      await page.goto(`${server.url}/#/documents/${encodeURIComponent(documentId)}/compare?from=${revisionId}&to=current`)
      const tag = page.locator('.redline-paragraph > .change-tag-added')
      await tag.first().waitFor()
      const card = (await page.locator('.redline-page').boundingBox())!
      for (const box of await Promise.all((await tag.all()).map((one) => one.boundingBox()))) {
        expect(box!.x).toBeGreaterThanOrEqual(card.x)
        expect(box!.x + box!.width, `at ${width} px`).toBeLessThanOrEqual(card.x + card.width)
      }
    }
    await page.setViewportSize({ width: 1400, height: 1000 })
    const table = page.locator('.recommendation-changes table')
    expect(await table.locator('thead th').allTextContents()).toEqual(['Recommendation', 'Change', 'Links'])
  })

  test('the Export dialog gives the focus back to its button, closed with Escape or with its close button', async () => {
    const { page } = lead
    await openDocument(page, documentId)
    const button = page.getByRole('button', { name: 'Export…' })
    const focused = () => button.evaluate((element) => element === document.activeElement)
    for (const close of ['Escape', 'Close'] as const) {
      await button.click()
      const dialog = page.getByRole('dialog', { name: 'Export' })
      await dialog.waitFor()
      expect(await focused()).toBe(false)
      if (close === 'Escape') await page.keyboard.press('Escape')
      else await dialog.getByRole('button', { name: 'Close' }).click()
      await dialog.waitFor({ state: 'detached' })
      expect(await focused(), `after ${close}`).toBe(true)
    }
  })

  test('a long document: its recommendations add one tab stop each, not one per link control', async () => {
    const { page } = lead
    await openDocument(page, documentId)
    const recommendations = await page.locator('.draft-text .recommendation').count()
    expect(recommendations).toBeGreaterThan(1)
    const stops = await page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('.draft-text a[href], .draft-text button:not([disabled]), .draft-text [tabindex]')].filter(
        (element) => element.tabIndex >= 0,
      ).length,
    )
    expect(stops).toBeLessThanOrEqual(recommendations)

    // Within one recommendation, the arrow keys reach its other controls; Tab leaves for the next recommendation.
    const first = page.locator('.draft-text .recommendation-header').first()
    const controls = await first.locator('button:not([disabled])').count()
    expect(controls).toBeGreaterThan(1)
    await first.locator('button:not([disabled])').first().focus()
    await page.keyboard.press('ArrowRight')
    expect(await first.locator('button:not([disabled])').nth(1).evaluate((button) => button === document.activeElement && button.tabIndex === 0)).toBe(true)
    await page.keyboard.press('Tab')
    expect(await first.evaluate((header) => header.contains(document.activeElement))).toBe(false)
  })
})
