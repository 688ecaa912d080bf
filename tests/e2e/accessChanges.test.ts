/**
 * Permissions follow the secretariat's changes while a document is open: a delegation reading a DTG 1 document is made
 * its co-facilitator on the workspace page, and without a reload its editor becomes editable and what it types reaches
 * the server; removed again, the editor is read-only again; a new role shows in the header.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../helpers/server.ts'
import { api, connectionState, launchChromium, openDocument, screenshot, signIn, startServer, typeAtEnd, type SignedIn } from './harness.ts'
import { serverText } from './serverCopy.ts'

interface WorkspaceRecord {
  id: string
  dtg: number
}

/** A mark the page keeps only as long as it is not reloaded. */
const markPage = (page: Page) => page.evaluate(() => Object.assign(window, { sameLoad: true }))
const stillSamePage = (page: Page) => page.evaluate(() => (window as unknown as { sameLoad?: boolean }).sameLoad === true)

describe('permissions that follow changes while a document is open', () => {
  let server: TestServer
  let browser: Browser
  let secretariat: SignedIn
  let delegate: SignedIn
  let workspace: WorkspaceRecord
  let documentId: string

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    ;[secretariat, delegate] = await Promise.all([
      signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' }),
      signIn(browser, server, { name: 'Maria Souza', role: 'delegation', delegation: 'Brazil', regionalGroup: 'latin-american-caribbean' }),
    ])
    secretariat.page.setDefaultTimeout(15_000)
    delegate.page.setDefaultTimeout(15_000)
    workspace = (await api<WorkspaceRecord[]>(secretariat.page, 'GET', '/api/workspaces')).find((entry) => entry.dtg === 1)!
    const { documents } = await api<{ documents: { id: string }[] }>(secretariat.page, 'GET', `/api/workspaces/${workspace.id}`)
    documentId = documents[0].id
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('made co-facilitator of the workspace, the delegation edits the open document without reloading', async () => {
    const { page } = delegate
    await openDocument(page, documentId)
    await page.locator('.read-only-banner').waitFor()
    expect(await page.locator('.draft-text').getAttribute('contenteditable')).toBe('false')
    expect(await page.locator('.ref-remove, .add-link').count()).toBe(0)
    expect(await page.getByTestId('access-notice').textContent()).toBe('')
    await markPage(page)

    const admin = secretariat.page
    await admin.goto(`${server.url}/#/workspaces/${workspace.id}`)
    const section = admin.getByTestId('cofacilitators')
    const select = section.getByLabel('Add a co-facilitator')
    await select.locator('option', { hasText: 'Maria Souza (Brazil)' }).waitFor({ state: 'attached' })
    await select.selectOption({ label: 'Maria Souza (Brazil)' })
    await section.getByRole('button', { name: 'Add', exact: true }).click()
    await section.getByRole('button', { name: 'Remove Maria Souza as co-facilitator' }).waitFor()

    await page.getByTestId('access-notice').filter({ hasText: 'Your role in this workspace changed: you can now edit this document.' }).waitFor()
    await page.locator('.draft-text[contenteditable="true"]').waitFor()
    await page.getByRole('toolbar').first().waitFor()
    expect(await page.locator('.read-only-banner').count()).toBe(0)
    expect(await page.locator('.draft-text').getAttribute('aria-readonly')).toBe('false')
    // The recommendations' link controls follow too.
    await page.locator('.recommendation .add-link').first().waitFor()
    // Panels follow: a co-facilitator here cuts revisions and sees the contributors.
    await page.getByTestId('contributors-panel').waitFor()
    await connectionState(page, 'Connected')
    await screenshot(page, 'access-now-editable')

    await typeAtEnd(page, ' Brazil, now co-facilitating, adds this sentence.')
    await expect.poll(() => serverText(server, documentId), { timeout: 15_000 }).toContain('Brazil, now co-facilitating, adds this sentence.')
    expect(await stillSamePage(page)).toBe(true)

    await page.getByRole('button', { name: 'Dismiss' }).click()
    expect(await page.getByTestId('access-notice').textContent()).toBe('')
  })

  test('no longer co-facilitator, the open document is read-only again', async () => {
    const { page } = delegate
    const section = secretariat.page.getByTestId('cofacilitators')
    await section.getByRole('button', { name: 'Remove Maria Souza as co-facilitator' }).click()
    await section.getByText('No co-facilitator leads this workspace yet.').waitFor()

    await page.getByTestId('access-notice').filter({ hasText: 'Your role in this workspace changed: this document is now read-only for you.' }).waitFor()
    await page.locator('.draft-text[contenteditable="false"]').waitFor()
    await page.locator('.read-only-banner').waitFor()
    expect(await page.getByRole('toolbar').count()).toBe(0)
    expect(await page.locator('.draft-text').getAttribute('aria-readonly')).toBe('true')
    await expect.poll(() => page.locator('.ref-remove, .add-link').count()).toBe(0)
    expect(await page.getByTestId('contributors-panel').count()).toBe(0)
    await connectionState(page, 'Connected')
    expect(await stillSamePage(page)).toBe(true)
    await screenshot(page, 'access-now-read-only')
  })

  test('a new role shows in the header without reloading', async () => {
    const { page } = delegate
    expect(await page.locator('.member-role').textContent()).toBe('Delegation, Brazil')
    const members = await api<{ members: { id: number; name: string }[] }>(secretariat.page, 'GET', '/api/members')
    const maria = members.members.find((member) => member.name === 'Maria Souza')!
    await api(secretariat.page, 'PATCH', `/api/members/${maria.id}`, { role: 'stakeholder' })

    await page.locator('.member-role', { hasText: 'Stakeholder, Brazil' }).waitFor()
    await page.locator('.read-only-banner', { hasText: 'stakeholder' }).waitFor()
    await connectionState(page, 'Connected')
    expect(await stillSamePage(page)).toBe(true)
    expect(delegate.pageErrors).toEqual([])
    expect(secretariat.pageErrors).toEqual([])
    expect(delegate.consoleProblems).toEqual([])
  })
})
