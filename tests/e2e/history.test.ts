/** History in the browser: a restore replaces text typed since the last revision, and the history brings it back. */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../helpers/server.ts'
import { api, clickInEditor, createDocument, launchChromium, openDocument, pressInEditor, screenshot, signIn, startServer, type SignedIn } from './harness.ts'
import { serverText } from './serverCopy.ts'

const history = (page: Page) => page.locator('.history-panel')
const revisions = (page: Page) => page.locator('.revisions-panel')
const editorText = (page: Page) => page.locator('.draft-text').innerText()

const named = 'The group notes urgent threats to hospitals.'
const unnamed = 'Typed after the zero draft and never named: it must not be lost.'

async function serverHolds(server: TestServer, documentId: string, present: string[], absent: string[] = []): Promise<void> {
  await expect
    .poll(async () => {
      const stored = await serverText(server, documentId)
      return [...present.filter((text) => !stored.includes(text)), ...absent.filter((text) => stored.includes(text)).map((text) => `still: ${text}`)]
    }, { timeout: 15_000 })
    .toEqual([])
}

describe('history in the browser', () => {
  let server: TestServer
  let browser: Browser
  let cofacilitator: SignedIn
  let page: Page
  let documentId: string

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    const secretariat = await signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    const created = await createDocument(secretariat.page, { title: 'Annual summary and recommendations', templateId: 'dtg1-critical-infrastructure' })
    documentId = created.documentId
    await secretariat.context.close()
    cofacilitator = await signIn(browser, server, { name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Kenya', leads: [created.workspaceId] })
    page = cofacilitator.page
    await openDocument(page, documentId)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('restoring a revision replaces the unnamed text; the history holds it, compares it and restores it', async () => {
    // A paragraph, then "Zero draft" cut from it.
    await clickInEditor(page, page.locator('.draft-text > h2').first())
    await pressInEditor(page, 'End')
    await page.keyboard.press('Enter')
    await page.keyboard.type(named)
    await serverHolds(server, documentId, [named])
    await api(page, 'POST', `/api/documents/${documentId}/revisions`, { label: 'Zero draft' })
    await revisions(page).locator('.revision-label', { hasText: 'Zero draft' }).waitFor()
    await history(page).getByText('No snapshots yet').waitFor()

    // Text typed after the revision, never named.
    await clickInEditor(page, page.locator('.draft-text p.numbered', { hasText: named }))
    await pressInEditor(page, 'End')
    await page.keyboard.press('Enter')
    await page.keyboard.type(unnamed)
    await serverHolds(server, documentId, [unnamed])

    // Restore "Zero draft": the confirmation says the current text is saved first.
    await revisions(page).getByRole('button', { name: 'Restore Zero draft as the current text' }).click()
    const confirm = page.getByRole('dialog', { name: 'Restore Zero draft?' })
    expect(await confirm.innerText()).toContain('the current text is saved as a new snapshot at the top of the History panel')
    await confirm.getByRole('button', { name: 'Restore Zero draft' }).click()
    await confirm.waitFor({ state: 'detached' })
    await expect.poll(() => editorText(page)).not.toContain(unnamed)
    await serverHolds(server, documentId, [named], [unnamed])

    // The history lists the text the restore replaced, first, by who restored.
    const saved = history(page).locator('.snapshot-item').first()
    await expect.poll(() => saved.locator('.snapshot-reason').textContent()).toBe('Before a restore by Amina Odhiambo (Kenya)')
    expect(await saved.locator('.revision-meta').textContent()).toContain('Amina Odhiambo (Kenya)')

    // Each button's spoken name holds the words it shows, so voice control reaches it by them.
    for (const button of await saved.getByRole('button').all()) {
      const shown = (await button.textContent())!.replace(/…$/, '').trim()
      expect(await button.getAttribute('aria-label')).toContain(shown)
    }
    // Compared with the current text: the unnamed paragraph is what the restore removed.
    await saved.getByRole('button', { name: /^Compare with current: the snapshot of / }).click()
    const comparison = page.getByRole('dialog', { name: /and the current text$/ })
    await comparison.locator('.redline').waitFor()
    expect(await comparison.locator('.redline').innerText()).toContain(unnamed)
    await comparison.getByRole('button', { name: 'Close' }).click()

    // Viewed read-only: the snapshot holds it.
    await saved.getByRole('button', { name: /^View the snapshot of / }).click()
    const view = page.getByRole('dialog', { name: /^Snapshot of / })
    await expect.poll(() => view.innerText()).toContain(unnamed)
    await view.getByRole('button', { name: 'Close' }).click()
    await screenshot(page, 'history-panel', { selector: '.history-panel' })

    // Restored: the unnamed text is back for everyone, and the text it replaced is kept in turn.
    const before = await history(page).locator('.snapshot-item').count()
    await saved.getByRole('button', { name: /^Restore the snapshot of / }).click()
    const restore = page.getByRole('dialog', { name: 'Restore this snapshot?' })
    expect(await restore.innerText()).toContain('Before it is replaced, the current text is saved as a new snapshot at the top of this History list')
    await restore.getByRole('button', { name: 'Restore the snapshot' }).click()
    await restore.waitFor({ state: 'detached' })
    await expect.poll(() => editorText(page)).toContain(unnamed)
    await serverHolds(server, documentId, [named, unnamed])
    await expect.poll(() => history(page).locator('.revision-announcement').textContent()).toMatch(/restored\. The text it replaced is saved as the snapshot of /)
    await expect.poll(() => history(page).locator('.snapshot-item').count()).toBeGreaterThan(before)
  })
})
