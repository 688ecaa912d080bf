/**
 * The shell and its pages in the six languages: the sign-in page offers the language switch before anyone is known;
 * Arabic lays the pages out right to left; the workspace pages, pseudo-localised, show no text outside the catalogues.
 */
import type { Page } from 'playwright-core'
import { describe, expect, test } from 'vitest'
import { createDocument, demoWorkspaceIds, screenshot, signIn } from './harness.ts'
import { serverAndBrowser } from './serverAndBrowser.ts'

/** Texts with a letter in them, inside `selector`, that no ⟦ ⟧ marks (data marked translate="no" left out). */
function unmarkedTexts(page: Page, selector: string): Promise<string[]> {
  return page.evaluate((selector) => {
    const found: string[] = []
    for (const root of document.querySelectorAll(selector)) {
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT)
      let open = 0
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? ''
        const before = open > 0
        open += (text.match(/⟦/g) ?? []).length - (text.match(/⟧/g) ?? []).length
        if (before || text.includes('⟦') || !/\p{L}/u.test(text)) continue
        if (node.parentElement?.closest('[translate="no"]')) continue
        found.push(text.trim())
      }
    }
    return found
  }, selector)
}

describe('the shell in the six languages', () => {
  const running = serverAndBrowser()


  test('before signing in, the language is chosen on the sign-in page; Arabic reads right to left', async () => {
    const context = await running.browser.newContext()
    const page = await context.newPage()
    await page.goto(running.server.url)
    await page.getByRole('heading', { name: 'Sign in with your invite link' }).waitFor()

    await page.getByLabel('Language').selectOption('fr')
    await page.getByRole('heading', { name: 'Connectez-vous avec votre lien d’invitation' }).waitFor()
    expect(await page.evaluate(() => [document.documentElement.lang, document.title])).toEqual(['fr', 'Espace de rédaction des GTS'])

    await page.getByLabel('Langue').selectOption('ar')
    await page.getByRole('heading', { name: 'سجّل الدخول باستخدام رابط الدعوة الخاص بك' }).waitFor()
    expect(await page.evaluate(() => document.documentElement.dir)).toBe('rtl')
    // The notice's rule stands on the side the text starts from: the right.
    const rule = await page.locator('.notice').evaluate((element) => [getComputedStyle(element).borderRightWidth, getComputedStyle(element).borderLeftWidth])
    expect(rule).toEqual(['4px', '1px'])
    await screenshot(page, 'sign-in-arabic')
    await context.close()
  })

  test('pseudo-localised, the workspace list, a workspace, a page not found and the document page (header, paragraph status, panels) show nothing outside the catalogues', async () => {
    const secretariat = await signIn(running.browser, running.server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    const { documentId } = await createDocument(secretariat.page, { title: 'Zero draft', templateId: 'dtg1-critical-infrastructure' })
    const { page } = await signIn(running.browser, running.server, { name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Kenya', leads: demoWorkspaceIds })
    await page.goto(`${running.server.url}/?pseudo#/`)
    await page.locator('.card-list').waitFor()
    expect(await page.locator('.member-role').textContent()).toBe('⟦⟦Co-facilitator⟧, Kenya⟧')
    expect(await unmarkedTexts(page, 'main')).toEqual([])

    await page.locator('.card a').first().click()
    await page.locator('.dtg-context').waitFor()
    await page.locator('.document-table').waitFor()
    expect(await unmarkedTexts(page, '.breadcrumbs, .kicker, .dtg-context, .document-table, main > section > h2, .panel-form')).toEqual([])

    // The document page's header, paragraph status controls, validation and coverage panels.
    await page.goto(`${running.server.url}/?pseudo#/documents/${documentId}`)
    await page.locator('.draft-text').waitFor()
    // The status comes from a validation on the server's worker thread, queued behind the workspace pages' own: on a
    // machine busy with the rest of the suite it once took longer than the default 10 s.
    await page.locator('.status-badge:not(.status-unknown)').waitFor({ timeout: 20_000 })
    await page.locator('.draft-text p').nth(1).click()
    await page.getByTestId('block-status-selection').filter({ hasText: '⟦' }).waitFor()
    expect(
      await unmarkedTexts(page, '.breadcrumbs, .document-header .kicker, .status-badge, .block-status-bar, .validation-panel, .coverage-panel'),
    ).toEqual([])

    await page.goto(`${running.server.url}/?pseudo#/nowhere`)
    await page.locator('main h1').waitFor()
    expect(await unmarkedTexts(page, 'main')).toEqual([])
    await secretariat.context.close()
  })
})
