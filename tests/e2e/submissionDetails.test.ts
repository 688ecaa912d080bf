/** A co-facilitator sets what the masthead of the submission says; a delegation sees it live; the export offers Akoma Ntoso. */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../helpers/server.ts'
import { api, createDocument, demoWorkspaceIds, launchChromium, openDocument, screenshot, signIn, startServer, type SignedIn } from './harness.ts'

describe('submission details in the browser', () => {
  let server: TestServer
  let browser: Browser
  let delegation: SignedIn
  let cofacilitator: SignedIn
  let documentId: string

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    const secretariat = await signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    ;({ documentId } = await createDocument(secretariat.page, { title: 'Recommendations for the plenary', templateId: 'dtg1-critical-infrastructure' }))
    await secretariat.context.close()
    ;[delegation, cofacilitator] = await Promise.all([
      signIn(browser, server, { name: 'Maria Souza', role: 'delegation', delegation: 'Brazil' }),
      signIn(browser, server, { name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Kenya', leads: demoWorkspaceIds }),
    ])
    await Promise.all([openDocument(delegation.page, documentId), openDocument(cofacilitator.page, documentId)])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('a delegation reads the masthead line but has no control to change it', async () => {
    expect(await delegation.page.locator('.masthead-line').textContent()).toBe('Distr.: General · Original: English')
    expect(await delegation.page.getByRole('button', { name: 'Submission details…' }).count()).toBe(0)
  })

  test('the co-facilitator sets the details; a field the server would refuse is named and nothing is saved', async () => {
    const { page } = cofacilitator
    await page.getByRole('button', { name: 'Submission details…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Submission details' })
    await dialog.getByLabel('Symbol').fill('not a symbol')
    await dialog.getByLabel('Distribution').selectOption('limited')
    await dialog.getByRole('button', { name: 'Save' }).click()
    expect(await dialog.locator('.field-error').textContent()).toContain('symbol must be parts separated by "/"')
    expect((await api<{ document: { distribution: string } }>(page, 'GET', `/api/documents/${documentId}`)).document.distribution).toBe('general')

    await dialog.getByLabel('Symbol').fill('A/AC.292/2026/DTG.1/CRP.3')
    expect(await dialog.locator('.field-error').count()).toBe(0)
    await dialog.getByLabel('Body').fill('Global Mechanism on ICT security')
    await dialog.getByLabel('Session').fill('First session')
    await dialog.getByLabel('Agenda item').fill('Item 5 of the provisional agenda')
    await dialog.getByLabel('Original language').selectOption('fr')
    await screenshot(page, 'submission-details')
    await dialog.getByRole('button', { name: 'Save' }).click()
    await dialog.waitFor({ state: 'detached' })

    const line = 'Distr.: Limited · Original: French · Global Mechanism on ICT security · First session · Item 5 of the provisional agenda'
    expect(await page.locator('.masthead-line').textContent()).toBe(line)
    expect(await page.locator('.document-header .symbol').textContent()).toContain('A/AC.292/2026/DTG.1/CRP.3')
    expect((await api<{ document: Record<string, unknown> }>(page, 'GET', `/api/documents/${documentId}`)).document).toMatchObject({
      symbol: 'A/AC.292/2026/DTG.1/CRP.3',
      distribution: 'limited',
      originalLanguage: 'fr',
    })
    // The delegation's page follows without a reload.
    await expect.poll(() => delegation.page.locator('.masthead-line').textContent(), { timeout: 10_000 }).toBe(line)
    await expect.poll(() => delegation.page.locator('.document-header .symbol').textContent(), { timeout: 10_000 }).toContain('A/AC.292/2026/DTG.1/CRP.3')
  })

  test('the export dialog offers Akoma Ntoso and downloads it under the new symbol', async () => {
    const { page } = delegation
    await page.getByRole('button', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export' })
    await dialog.getByLabel('Akoma Ntoso (XML)').check()
    await dialog.getByRole('button', { name: 'Download' }).click()
    await expect.poll(() => dialog.locator('.export-done, .notice-error, .draft-invalid').first().textContent(), { timeout: 15_000 }).toMatch(/Downloaded/)
    expect(await dialog.locator('.export-done').textContent()).toContain('A-AC.292-2026-DTG.1-CRP.3')
    expect(await dialog.locator('.export-done').textContent()).toContain('.xml')
  })
})
