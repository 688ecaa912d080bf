/** Two co-facilitators in two browsers edit one document and see each other's text and named caret. */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../helpers/server.ts'
import { createDocument, launchChromium, openDocument, screenshot, signIn, startServer, typeAtEnd, type SignedIn, demoWorkspaceIds } from './harness.ts'
import { serverText } from './serverCopy.ts'

describe('co-editing in the browser', () => {
  let server: TestServer
  let browser: Browser
  let kenya: SignedIn
  let sweden: SignedIn
  let documentId: string

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    const secretariat = await signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    ;({ documentId } = await createDocument(secretariat.page, { title: 'Zero draft', templateId: 'dtg1-critical-infrastructure' }))
    await secretariat.context.close()
    ;[kenya, sweden] = await Promise.all([
      signIn(browser, server, { name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Kenya', leads: demoWorkspaceIds }),
      signIn(browser, server, { name: 'Lars Berg', role: 'cofacilitator', delegation: 'Sweden', leads: demoWorkspaceIds }),
    ])
    await Promise.all([openDocument(kenya.page, documentId), openDocument(sweden.page, documentId)])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('each sees the text the other types', async () => {
    await typeAtEnd(kenya.page, ' Kenya proposes this sentence.')
    await expect.poll(() => sweden.page.locator('.draft-text').textContent(), { timeout: 10_000 }).toContain('Kenya proposes this sentence.')

    await typeAtEnd(sweden.page, ' Sweden adds another.')
    await expect.poll(() => kenya.page.locator('.draft-text').textContent(), { timeout: 10_000 }).toContain('Sweden adds another.')

    const stored = await serverText(server, documentId)
    expect(stored).toContain('Kenya proposes this sentence.')
    expect(stored).toContain('Sweden adds another.')
  })

  test("each sees the other's caret, named, in the other's colour, and both in the presence list", async () => {
    const swedenCaret = kenya.page.locator('.collaboration-carets__label', { hasText: 'Lars Berg (Sweden)' })
    const kenyaCaret = sweden.page.locator('.collaboration-carets__label', { hasText: 'Amina Odhiambo (Kenya)' })
    await swedenCaret.waitFor({ timeout: 10_000 })
    await kenyaCaret.waitFor({ timeout: 10_000 })

    const swatchOf = (page: SignedIn['page'], name: string) =>
      page.locator('.participant', { hasText: name }).locator('.participant-swatch').evaluate((element) => getComputedStyle(element).backgroundColor)
    const caretColour = await swedenCaret.evaluate((element) => getComputedStyle(element).backgroundColor)
    expect(await swatchOf(kenya.page, 'Lars Berg')).toBe(caretColour)

    for (const { page } of [kenya, sweden]) {
      await expect.poll(() => page.locator('.presence .participant').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining('Amina Odhiambo'), expect.stringContaining('Lars Berg')]),
      )
      expect(await page.locator('.participant', { hasText: 'Lars Berg' }).textContent()).toContain('Sweden')
    }
    await screenshot(kenya.page, 'collaboration-two-cofacilitators')
    expect(kenya.pageErrors).toEqual([])
    expect(sweden.pageErrors).toEqual([])
  })
})
