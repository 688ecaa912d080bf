/** Recommendations in the browser: linked when inserted, never left without a link, numbered live, checked live. */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../helpers/server.ts'
import { api, clickInEditor, connectionState, createDocument, launchChromium, openDocument, pressInEditor, screenshot, signIn, startServer, type SignedIn, demoWorkspaceIds } from './harness.ts'

const recommendations = (page: Page) => page.locator('.draft-text .recommendation')
const lastRecommendation = (page: Page) => recommendations(page).last()
const picker = (page: Page) => page.getByRole('dialog')

async function chooseInPicker(page: Page, search: string, elementId: string, confirm: string): Promise<void> {
  await picker(page).getByLabel('Search the framework').fill(search)
  await picker(page).locator(`input[data-element-id="${elementId}"]`).check()
  await picker(page).getByRole('button', { name: confirm }).click()
  await picker(page).waitFor({ state: 'detached' })
}

describe('recommendations in the editor', () => {
  let server: TestServer
  let browser: Browser
  let secretariat: SignedIn
  let cofacilitator: SignedIn
  let page: Page

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    secretariat = await signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    const { documentId } = await createDocument(secretariat.page, { title: 'Recommendations, zero draft', templateId: 'dtg1-critical-infrastructure' })
    cofacilitator = await signIn(browser, server, { name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Kenya', leads: demoWorkspaceIds })
    page = cofacilitator.page
    await openDocument(page, documentId)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('"Insert recommendation" refuses to insert until a framework element is chosen', async () => {
    const before = await recommendations(page).count()
    await clickInEditor(page, page.locator('.draft-text'))
    await pressInEditor(page, 'Control+End')
    await page.getByRole('button', { name: 'Insert recommendation' }).click()
    await picker(page).waitFor()

    const confirm = picker(page).getByRole('button', { name: 'Insert recommendation' })
    expect(await confirm.getAttribute('aria-disabled')).toBe('true')
    // A real click on the control that looks disabled: the picker must say why and insert nothing.
    await confirm.click({ force: true })
    await expect.poll(() => picker(page).locator('.picker-refused').textContent()).toContain('Choose at least one framework element')
    expect(await picker(page).isVisible()).toBe(true)
    expect(await recommendations(page).count()).toBe(before)

    await picker(page).getByLabel('Search the framework').fill('critical infrastructure')
    const pillars = await picker(page).locator('legend').allTextContents()
    expect(pillars.length).toBeGreaterThan(0)
    expect(await picker(page).locator('.flag-unverified').count()).toBeGreaterThan(0)
    await screenshot(page, 'framework-picker')

    await chooseInPicker(page, 'norm g', 'norm-g', 'Insert recommendation')
    expect(await recommendations(page).count()).toBe(before + 1)
    const inserted = lastRecommendation(page)
    expect(await inserted.locator('.ref-chip').allTextContents()).toEqual([expect.stringContaining('Norm g')])
    expect(await inserted.getAttribute('data-recommendation-id')).toMatch(/^[0-9a-f-]{36}$/)
    await expect.poll(() => inserted.locator('.recommendation-number').textContent()).toBe(`R${before + 1}`)
    // Still empty: the server's own check, pushed over the event stream, reports it in the header.
    await page.getByTestId('server-status').filter({ hasText: '1 problem' }).waitFor()
  })

  test('the validation panel flags the empty recommendation and leads to it; typing clears it', async () => {
    const entry = page.locator('.validation-panel .problem', { hasText: 'has no text' })
    await entry.waitFor()
    await entry.getByRole('button').click()
    await expect.poll(() => page.locator('.node-recommendation.ProseMirror-selectednode').count()).toBe(1)
    expect(await page.locator('.node-recommendation.ProseMirror-selectednode .recommendation').getAttribute('data-recommendation-id')).toBe(
      await lastRecommendation(page).getAttribute('data-recommendation-id'),
    )

    await clickInEditor(page, lastRecommendation(page).locator('.recommendation-body p'))
    await page.keyboard.type('The group recommends that States designate national points of contact for critical infrastructure.')
    await entry.waitFor({ state: 'detached' })
    await page.getByTestId('server-status').filter({ hasText: 'Valid' }).waitFor({ timeout: 10_000 })
  })

  test('the last link of a recommendation cannot be removed; others can', async () => {
    const inserted = lastRecommendation(page)
    const onlyRemove = inserted.getByRole('button', { name: 'Remove link to Norm g' })
    expect(await onlyRemove.isDisabled()).toBe(true)
    expect(await onlyRemove.getAttribute('title')).toContain('at least one framework element')

    await inserted.getByRole('button', { name: '+ Link' }).click()
    await picker(page).waitFor()
    expect(await picker(page).locator('input[data-element-id="norm-g"]').isDisabled()).toBe(true)
    await chooseInPicker(page, 'cbm 1', 'cbm-1', 'Add links')
    expect(await inserted.locator('.ref-label').allTextContents()).toEqual(['Norm g', 'CBM 1'])
    expect(await inserted.getByRole('button', { name: 'Remove link to Norm g' }).isEnabled()).toBe(true)

    await inserted.getByRole('button', { name: 'Remove link to Norm g' }).click()
    expect(await inserted.locator('.ref-label').allTextContents()).toEqual(['CBM 1'])
    expect(await inserted.getByRole('button', { name: 'Remove link to CBM 1' }).isDisabled()).toBe(true)
  })

  test('paragraph and recommendation numbers follow text inserted above them', async () => {
    const first = page.locator('.draft-text > p.numbered').first()
    const firstText = (await first.textContent())!
    expect(await first.getAttribute('data-paragraph-number')).toBe('1')
    const recommendationNumbers = await page.locator('.recommendation-number').allTextContents()

    const headingAbove = page.locator('.draft-text > h2').first()
    await clickInEditor(page, headingAbove)
    await pressInEditor(page, 'End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('A new opening paragraph.')
    await expect.poll(() => page.locator('.draft-text p.numbered', { hasText: firstText }).getAttribute('data-paragraph-number')).toBe('2')
    expect(await page.locator('.draft-text p.numbered', { hasText: 'A new opening paragraph.' }).getAttribute('data-paragraph-number')).toBe('1')

    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Insert recommendation' }).click()
    await chooseInPicker(page, 'norm f', 'norm-f', 'Insert recommendation')
    await page.keyboard.type('The group recommends a first measure.')
    await expect.poll(() => page.locator('.recommendation-number').allTextContents()).toEqual(
      ['R1', ...recommendationNumbers.map((_, index) => `R${index + 2}`)],
    )
  })

  test('screenshots: the editor with recommendations, and the coverage panel highlighting one element', async () => {
    await page.locator('.coverage-panel button[data-element-id="norm-g"]').click()
    await expect.poll(() => page.locator('.node-recommendation.is-highlighted').count()).toBeGreaterThan(0)
    const highlighted = await page.locator('.node-recommendation.is-highlighted .ref-label').allTextContents()
    expect(highlighted).toContain('Norm g')

    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'editor-with-recommendations')
    await screenshot(page, 'editor-with-recommendations-full', { fullPage: true })
    await screenshot(page, 'coverage-panel', { selector: '.coverage-panel' })
    expect(cofacilitator.pageErrors).toEqual([])
  })

  test('a link to an element the secretariat has retired still shows, marked, and the element is no longer offered', async () => {
    await api(secretariat.page, 'PUT', '/api/catalogue', { version: 'test-1', elements: [{ id: 'norm-k', retired: true }] })
    await page.reload()
    await connectionState(page, 'Connected')

    const chip = page.locator('.recommendation .ref-chip[data-ref="norm-k"]')
    await chip.waitFor()
    expect(await chip.getAttribute('class')).toContain('ref-retired')
    expect(await chip.textContent()).toContain('Norm k')
    expect(await chip.locator('.flag-retired').textContent()).toBe('retired')
    await page.locator('.validation-panel .problem-warning', { hasText: 'retired' }).waitFor()

    await clickInEditor(page, page.locator('.draft-text > p.numbered').first())
    await page.getByRole('button', { name: 'Insert recommendation' }).click()
    await picker(page).getByLabel('Search the framework').fill('norm')
    expect(await picker(page).locator('input[data-element-id="norm-k"]').count()).toBe(0)
    expect(await picker(page).locator('input[data-element-id="norm-j"]').count()).toBe(1)
    await picker(page).getByRole('button', { name: 'Cancel' }).click()
  })
})
