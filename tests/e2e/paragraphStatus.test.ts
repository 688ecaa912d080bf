/**
 * Paragraph status in the browser: a co-facilitator marks blocks agreed and under negotiation, a delegation sees it live;
 * typing into agreed text is refused with a notice; a change that bypasses the editor is refused by the server and the
 * page loads the stored text again.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../helpers/server.ts'
import { clickInEditor, createDocument, demoWorkspaceIds, launchChromium, openDocument, screenshot, signIn, startServer, type SignedIn } from './harness.ts'
import { serverText } from './serverCopy.ts'

describe('paragraph status in the browser', () => {
  let server: TestServer
  let browser: Browser
  let lead: SignedIn
  let kenya: SignedIn
  let documentId: string

  const paragraphs = (who: SignedIn) => who.page.locator('.draft-text > p')

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    const secretariat = await signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    ;({ documentId } = await createDocument(secretariat.page, { title: 'Zero draft', templateId: 'dtg1-critical-infrastructure' }))
    await secretariat.context.close()
    ;[lead, kenya] = await Promise.all([
      signIn(browser, server, { name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Singapore', leads: demoWorkspaceIds }),
      signIn(browser, server, { name: 'Delegate of Kenya', role: 'delegation', delegation: 'Kenya' }),
    ])
    await Promise.all([openDocument(lead.page, documentId), openDocument(kenya.page, documentId)])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('a co-facilitator sets statuses on the blocks the selection touches; every open editor shows them in the margin', async () => {
    const { page } = lead
    await clickInEditor(page, paragraphs(lead).nth(0))
    await page.getByRole('button', { name: 'Agreed ad referendum' }).click()
    await expect.poll(() => paragraphs(lead).nth(0).getAttribute('data-block-status')).toBe('agreed')
    expect(await page.getByTestId('block-status-selection').textContent()).toBe('This block: Agreed ad referendum')

    // A selection from the second guiding question into the third: both paragraphs and the recommendation between them.
    await clickInEditor(page, paragraphs(lead).nth(1))
    await paragraphs(lead).nth(2).click({ modifiers: ['Shift'] })
    await expect.poll(() => page.getByTestId('block-status-selection').textContent()).toBe('3 blocks: 3 open')
    await page.getByRole('button', { name: 'Under negotiation' }).click()
    await expect.poll(() => page.locator('.draft-text .block-status-negotiating').count()).toBe(3)
    const label = await paragraphs(lead).nth(0).evaluate((element) => getComputedStyle(element, '::after').content)
    expect(label).toBe('"Agreed ad referendum"')

    // The delegation's editor follows live, and its validation panel counts.
    await expect.poll(() => paragraphs(kenya).nth(0).getAttribute('data-block-status')).toBe('agreed')
    await expect.poll(() => kenya.page.locator('.draft-text .block-status-negotiating').count()).toBe(3)
    await expect.poll(() => kenya.page.getByTestId('block-status-counts').textContent()).toMatch(/Paragraph status: \d+ open · 3 under negotiation · 1 agreed ad referendum/)
    // A delegation sees the statuses but has no controls to change them.
    expect(await kenya.page.getByRole('button', { name: 'Agreed ad referendum' }).count()).toBe(0)
  })

  test('typing into an agreed paragraph is refused with a notice; the text stays as agreed, here and on the server', async () => {
    const { page } = lead
    const agreed = paragraphs(lead).nth(0)
    const before = await agreed.textContent()
    await clickInEditor(page, agreed)
    await page.keyboard.type('XYZ')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Backspace')
    await page.getByTestId('agreed-text-notice').waitFor()
    expect(await page.getByTestId('agreed-text-notice').textContent()).toContain('agreed ad referendum')
    expect(await agreed.textContent()).toBe(before)
    // Open text next to it is still edited as usual.
    await clickInEditor(page, paragraphs(lead).nth(1))
    await page.keyboard.press('End')
    await page.keyboard.type(' Open for comment.')
    await expect.poll(() => kenya.page.locator('.draft-text').textContent(), { timeout: 10_000 }).toContain('Open for comment.')
    await screenshot(page, 'paragraph-status')
    const stored = await serverText(server, documentId)
    expect(stored).not.toContain('XYZ')
    expect(stored).toContain(before!)
  })

  test('"show only what is not agreed" hides agreed blocks', async () => {
    const { page } = lead
    await page.getByLabel('Show only what is not agreed').check()
    await expect.poll(() => paragraphs(lead).nth(0).isVisible()).toBe(false)
    expect(await page.locator('.draft-text .block-status-negotiating').first().isVisible()).toBe(true)
    await page.getByLabel('Show only what is not agreed').uncheck()
    await expect.poll(() => paragraphs(lead).nth(0).isVisible()).toBe(true)
  })

  test('a change that bypasses the editor is refused by the server; the page discards its copy and loads the stored text', async () => {
    const { page } = lead
    const before = await paragraphs(lead).nth(0).textContent()
    // Written into the Y.Doc directly, as a faulty or hostile client would: the editor's guard never sees it.
    await page.evaluate(() => {
      const view = (document.querySelector('.ProseMirror') as HTMLElement & { editor: { view: { state: { plugins: Array<{ key: string; getState(state: unknown): any }> } } } }).editor.view
      const sync = view.state.plugins.find((plugin) => plugin.key.startsWith('y-sync'))!
      const fragment = sync.getState(view.state).binding.type
      const agreedParagraph = fragment.toArray().find((node: { toString(): string }) => node.toString().includes('Which ICT threats'))
      agreedParagraph.get(0).insert(0, 'Forbidden ')
    })
    await page.getByTestId('lock-notice').filter({ hasText: 'your change was not kept' }).waitFor({ timeout: 15_000 })
    await openDocumentAgain(lead)
    await expect.poll(() => paragraphs(lead).nth(0).textContent(), { timeout: 10_000 }).toBe(before)
    // The statuses come with the text loaded again (they are fetched for it).
    await expect.poll(() => paragraphs(lead).nth(0).getAttribute('data-block-status'), { timeout: 10_000 }).toBe('agreed')
    expect(await serverText(server, documentId)).not.toContain('Forbidden')
    expect(await kenya.page.locator('.draft-text').textContent()).not.toContain('Forbidden')
    expect(lead.pageErrors).toEqual([])
    expect(kenya.pageErrors).toEqual([])
  })

  test('a co-facilitator reopens agreed text with a reason; it can be edited again', async () => {
    const { page } = lead
    const agreed = paragraphs(lead).nth(0)
    await clickInEditor(page, agreed)
    expect(await page.getByRole('button', { name: 'Under negotiation' }).isDisabled()).toBe(true)
    await page.getByRole('button', { name: 'Reopen…' }).click()
    await page.getByLabel('Why is agreed text reopened?').fill('Kenya asked for a second reading.')
    await page.getByRole('button', { name: 'Reopen agreed block' }).click()
    await expect.poll(() => agreed.getAttribute('data-block-status')).toBe(null)
    await expect.poll(() => paragraphs(kenya).nth(0).getAttribute('data-block-status')).toBe(null)
    await clickInEditor(page, agreed)
    await page.keyboard.press('End')
    await page.keyboard.type(' Reopened.')
    await expect.poll(() => kenya.page.locator('.draft-text').textContent(), { timeout: 10_000 }).toContain('Reopened.')
    expect(lead.pageErrors).toEqual([])
  })

  /** The page opens the document again by itself: wait until it is connected with the stored text. */
  async function openDocumentAgain(who: SignedIn) {
    await who.page.locator('.draft-text').waitFor()
    await who.page.getByTestId('connection-state').filter({ hasText: 'Connected' }).waitFor({ timeout: 15_000 })
  }
})
