/** The app shell: an invite signs in once, a spent link says so, documents are started from the workspace page, sign-out ends it. */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../helpers/server.ts'
import { connectionState, inviteLink, launchChromium, screenshot, startServer, demoWorkspaceIds } from './harness.ts'

describe('signing in and finding a document', () => {
  let server: TestServer
  let browser: Browser

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('an invite signs in once and leaves no token in the address; a second use is refused with a clear message', async () => {
    const link = await inviteLink(server, { name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Kenya', leads: demoWorkspaceIds })
    const first = await browser.newContext()
    const page = await first.newPage()
    await page.goto(link)
    await page.locator('.member-name', { hasText: 'Amina Odhiambo' }).waitFor()
    expect(await page.locator('.member-role').textContent()).toBe('Co-facilitator, Kenya')
    expect(page.url()).not.toContain('invite')
    await page.getByRole('heading', { name: 'Workspaces' }).waitFor()

    const second = await browser.newContext()
    const again = await second.newPage()
    await again.goto(link)
    const refusal = again.getByRole('alert')
    await refusal.waitFor()
    expect(await refusal.textContent()).toContain('already been used')
    expect(again.url()).not.toContain('invite')
    await screenshot(again, 'sign-in-link-used')
    await Promise.all([first.close(), second.close()])
  })

  test('a co-facilitator starts a document from a template in a workspace, lands in it, then signs out', async () => {
    const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
    const page = await context.newPage()
    page.setDefaultTimeout(10_000)
    await page.goto(await inviteLink(server, { name: 'Lars Berg', role: 'cofacilitator', delegation: 'Sweden', leads: demoWorkspaceIds }))
    await page.locator('.card a').first().click()
    await page.getByRole('heading', { name: 'New document' }).waitFor()
    await screenshot(page, 'workspace-page')

    await page.getByLabel('Title').fill('Rev.1 of the recommendations')
    await page.getByLabel('Kind').selectOption('recommendations')
    await page.getByLabel('Symbol').fill('A/AC.292/DTG1/2026/CRP.2')
    const template = page.getByLabel('Template')
    await template.locator('option').nth(1).waitFor({ state: 'attached' })
    await template.selectOption({ index: 1 })
    await page.getByRole('button', { name: 'Create document' }).click()

    await page.getByRole('heading', { name: 'Rev.1 of the recommendations' }).waitFor()
    expect(page.url()).toMatch(/#\/documents\//)
    expect(await page.locator('.document-header .kicker').textContent()).toContain('A/AC.292/DTG1/2026/CRP.2')
    await connectionState(page, 'Connected')
    expect(await page.locator('.draft-text .recommendation').count()).toBeGreaterThan(0)

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in with your invite link' }).waitFor()
    const me = await page.evaluate(async () => (await fetch('/api/me')).status)
    expect(me).toBe(401)
    await context.close()
  })
})
