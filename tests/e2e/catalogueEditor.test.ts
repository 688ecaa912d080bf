/** The secretariat's catalogue editor in the browser, with a co-facilitator's open document following its changes live; the unverified explanation by keyboard; the DTG's proposed focus marked as a proposal. */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../helpers/server.ts'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { createDocument, demoWorkspaceIds, launchChromium, openDocument, screenshot, signIn, startServer, type SignedIn } from './harness.ts'

const chip = (page: Page, ref: string) => page.locator(`.recommendation .ref-chip[data-ref="${ref}"]`).first()
const checkedTitle = 'Exchange of information and good practice on critical infrastructure protection'

/** The text of the element an element's aria-describedby names: what a screen reader reads as its description. */
function description(page: Page, selector: string): Promise<string> {
  return page.evaluate((selector) => {
    const element = document.querySelector(selector) ?? document.activeElement
    const ids = element?.getAttribute('aria-describedby')?.split(/\s+/) ?? []
    return ids.map((id) => document.getElementById(id)?.textContent ?? '').join(' ')
  }, selector)
}

describe('catalogue editor', () => {
  let server: TestServer
  let browser: Browser
  let secretariat: SignedIn
  let cofacilitator: SignedIn
  let documentId: string
  let workspaceId: string

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    secretariat = await signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    ;({ documentId, workspaceId } = await createDocument(secretariat.page, { title: 'Recommendations, zero draft', templateId: 'dtg1-critical-infrastructure' }))
    cofacilitator = await signIn(browser, server, { name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Kenya', leads: demoWorkspaceIds })
    await openDocument(cofacilitator.page, documentId)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('an element edited, then retired, in the editor changes the open document without a reload', async () => {
    const page = cofacilitator.page
    await chip(page, 'cbm-7').waitFor()
    expect(await chip(page, 'cbm-7').locator('.flag-unverified').count()).toBe(1)
    // Survives only if the page is never reloaded.
    await page.evaluate(() => Object.assign(window, { stillTheSamePage: true }))

    const editor = secretariat.page
    await editor.getByRole('link', { name: 'Framework catalogue' }).click()
    await editor.getByRole('heading', { name: 'Framework catalogue', level: 1 }).waitFor()
    await editor.getByRole('button', { name: 'Edit CBM 7' }).click()
    const form = editor.getByRole('form', { name: 'Edit CBM 7' })
    await form.getByLabel('Title', { exact: true }).fill(checkedTitle)
    await form.getByLabel('Verified against the UN document').check()
    await form.getByText('Titles in other official languages').click()
    await form.getByLabel('French').fill('Échange d’informations sur la protection des infrastructures critiques')
    await form.scrollIntoViewIfNeeded()
    await screenshot(editor, 'catalogue-editor')
    await form.getByRole('button', { name: 'Save changes' }).click()
    await editor.getByRole('status').filter({ hasText: 'CBM 7 saved.' }).waitFor()

    await expect.poll(() => chip(page, 'cbm-7').locator('.ref-title').textContent()).toBe(checkedTitle)
    expect(await chip(page, 'cbm-7').locator('.flag-unverified').count()).toBe(0)

    await editor.getByRole('button', { name: 'Retire Norm g' }).click()
    await editor.getByRole('status').filter({ hasText: 'Norm g retired' }).waitFor()
    await expect.poll(() => chip(page, 'norm-g').getAttribute('class')).toContain('ref-retired')
    expect(await chip(page, 'norm-g').locator('.ref-label').textContent()).toBe('Norm g')
    expect(await chip(page, 'norm-g').locator('.flag-retired').textContent()).toBe('retired')
    expect(await page.evaluate(() => (window as unknown as { stillTheSamePage?: boolean }).stillTheSamePage)).toBe(true)

    // The history compares the versions: CBM 7's title and verification, Norm g retired.
    const comparison = editor.getByRole('table', { name: 'Changes between the versions' })
    await comparison.waitFor()
    expect(await comparison.locator('tr[data-change="retired"] th').textContent()).toBe('Norm g')
    await editor.getByLabel('Compare').selectOption({ label: 'Built-in catalogue' })
    await expect.poll(() => comparison.locator('tbody').textContent()).toContain(checkedTitle)
    expect(await comparison.locator('tbody').textContent()).toContain('verified')
    await comparison.scrollIntoViewIfNeeded()
    await screenshot(editor, 'catalogue-history')

    // Restored, it is offered again and the open chip loses its mark.
    await editor.getByRole('button', { name: 'Restore Norm g' }).click()
    await expect.poll(() => chip(page, 'norm-g').getAttribute('class')).not.toContain('ref-retired')
    expect([...secretariat.pageErrors, ...cofacilitator.pageErrors]).toEqual([])
  })

  test('the catalogue refuses an incomplete element, naming the field, and a non-secretariat member sees no edit control', async () => {
    const editor = secretariat.page
    await editor.getByRole('button', { name: 'Add an element' }).click()
    const form = editor.getByRole('form', { name: 'Add an element' })
    await form.getByLabel('Id', { exact: true }).fill('cbm-9')
    await form.getByLabel('Label', { exact: true }).fill('CBM 9')
    await form.getByRole('button', { name: 'Add the element' }).click()
    expect(await form.locator('.field-error').allTextContents()).toEqual(['title must not be empty', 'summary must not be empty', 'source must not be empty'])
    await form.getByRole('button', { name: 'Cancel' }).click()

    const page = cofacilitator.page
    await page.goto(`${server.url}/#/catalogue`)
    await page.getByRole('heading', { name: 'Framework catalogue', level: 1 }).waitFor()
    await page.locator('.catalogue-table').first().waitFor()
    expect(await page.getByRole('button', { name: /^(Edit|Retire|Restore) / }).count()).toBe(0)

    // The workspace page gives the agreed mandate and marks the year's focus as the policy paper's proposal.
    await page.goto(`${server.url}/#/workspaces/${workspaceId}`)
    const proposal = page.getByTestId('dtg-proposal')
    await proposal.waitFor()
    expect(await proposal.textContent()).toContain('proposal, not agreed')
    // Cited by what it is, never by the name of a file.
    expect(await proposal.textContent()).toContain('(policy paper, March 2026)')
    expect(await proposal.textContent()).not.toMatch(/\.txt/)
    expect(await page.locator('.dtg-context').textContent()).toContain('A/80/257, annex I')
    await openDocument(page, documentId)
  })

  test('the unverified explanation is reachable by keyboard, on a chip and in the picker, and read as the description', async () => {
    const page = cofacilitator.page
    const cbm8 = builtInNote('cbm-8')
    // A recommendation's links are one tab stop: from the chip's remove control, the left arrow reaches its unverified flag.
    await chip(page, 'cbm-8').getByRole('button', { name: 'Remove link to CBM 8' }).focus()
    await page.keyboard.press('ArrowLeft')
    const flag = chip(page, 'cbm-8').locator('.flag-unverified')
    expect(await flag.evaluate((element) => element === document.activeElement)).toBe(true)
    const tooltip = chip(page, 'cbm-8').getByRole('tooltip')
    await tooltip.waitFor({ state: 'visible' })
    expect(await tooltip.textContent()).toContain(cbm8)
    expect(await description(page, ':focus')).toContain(cbm8)
    await page.keyboard.press('Escape')
    await tooltip.waitFor({ state: 'hidden' })

    // In the picker: the search field, Tab to CBM 8's checkbox (its description explains), Tab to its flag.
    await page.locator('.draft-text > p.numbered').first().click()
    await page.getByRole('button', { name: 'Insert recommendation' }).click()
    const picker = page.getByRole('dialog')
    await picker.getByLabel('Search the framework').fill('cbm 8')
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-element-id'))).toBe('cbm-8')
    expect(await description(page, ':focus')).toContain(cbm8)
    await page.keyboard.press('Tab')
    const pickerTooltip = picker.getByRole('tooltip')
    await pickerTooltip.waitFor({ state: 'visible' })
    expect(await pickerTooltip.textContent()).toContain(cbm8)
    await screenshot(page, 'unverified-explanation')
    // Escape hides the explanation first, then closes the picker.
    await page.keyboard.press('Escape')
    await pickerTooltip.waitFor({ state: 'hidden' })
    expect(await picker.isVisible()).toBe(true)
    await page.keyboard.press('Escape')
    await picker.waitFor({ state: 'detached' })
  })
})

function builtInNote(id: string): string {
  return builtInCatalogue.elements.find((element) => element.id === id)!.note!
}
