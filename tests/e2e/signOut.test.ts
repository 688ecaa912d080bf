/**
 * Drafts kept in the browser (y-indexeddb) go when the session does: signing out deletes them, after asking when the
 * server has not had every change; a session ended elsewhere (revoked) deletes them too.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../helpers/server.ts'
import { api, connectionState, demoWorkspaceIds, launchChromium, openDocument, screenshot, signIn, startServer, typeAtEnd, type SignedIn } from './harness.ts'
import { serverText } from './serverCopy.ts'

/** The app's draft databases in this browser, as the page sees them. */
const draftDatabases = (page: Page) => page.evaluate(async () => (await indexedDB.databases()).map((database) => database.name ?? '').filter((name) => name.startsWith('dtg-')))

const meStatus = (page: Page) => page.evaluate(async () => (await fetch('/api/me')).status)

describe('local drafts after sign-out', () => {
  let server: TestServer
  let browser: Browser
  let secretariat: SignedIn
  let documentId: string

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    secretariat = await signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    const { documents } = await api<{ documents: { id: string }[] }>(secretariat.page, 'GET', `/api/workspaces/${demoWorkspaceIds[0]}`)
    documentId = documents[0].id
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  async function withOpenDocument(invitee: Parameters<typeof signIn>[2]): Promise<SignedIn> {
    const member = await signIn(browser, server, invitee)
    member.page.setDefaultTimeout(15_000)
    await openDocument(member.page, documentId)
    await expect.poll(() => draftDatabases(member.page)).toEqual([`dtg-${documentId}`])
    return member
  }

  test('signing out with everything saved asks nothing and leaves no draft in the browser', async () => {
    const { page, pageErrors } = await withOpenDocument({ name: 'Lars Berg', role: 'cofacilitator', delegation: 'Sweden', leads: demoWorkspaceIds })
    await typeAtEnd(page, ' Sweden saves this sentence.')
    await expect.poll(() => serverText(server, documentId), { timeout: 15_000 }).toContain('Sweden saves this sentence.')
    await connectionState(page, 'Connected')

    await page.getByRole('button', { name: 'Sign out' }).click()
    await page.getByRole('heading', { name: 'Sign in with your invite link' }).waitFor()
    expect(await page.getByRole('dialog').count()).toBe(0)
    await expect.poll(() => draftDatabases(page)).toEqual([])
    expect(await meStatus(page)).toBe(401)
    expect(pageErrors).toEqual([])
  })

  test('with changes the server has not had, sign-out asks first; staying keeps them, signing out anyway deletes them', async () => {
    const member = await signIn(browser, server, { name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Kenya', leads: demoWorkspaceIds })
    const { page, context } = member
    page.setDefaultTimeout(15_000)
    // The collaboration socket goes through as long as `refuse` is false (routing applies from the next page load).
    let refuse = false
    await page.routeWebSocket(/\/collab\//, (socket) => (refuse ? socket.close() : socket.connectToServer()))
    await page.reload()
    await page.locator('.member-name', { hasText: 'Amina Odhiambo' }).waitFor()
    await openDocument(page, documentId)
    await expect.poll(() => draftDatabases(page)).toEqual([`dtg-${documentId}`])

    // Offline, then back online with the socket refused: the changes stay unsynced.
    await context.setOffline(true)
    await connectionState(page, /^Offline/)
    refuse = true
    await typeAtEnd(page, ' Kenya wrote this on a train.')
    await connectionState(page, /^Offline - [1-9]\d* unsynced changes?$/)
    await context.setOffline(false)
    const count = Number((await page.getByTestId('connection-state').textContent())!.match(/(\d+) unsynced/)![1])

    const signOut = page.getByRole('button', { name: 'Sign out' })
    await signOut.click()
    const dialog = page.getByRole('dialog', { name: 'Sign out?' })
    await dialog.waitFor()
    expect(await dialog.getByTestId('sign-out-unsynced').textContent()).toBe(
      `You have ${count} ${count === 1 ? 'change' : 'changes'} not yet saved to the server. Sign out anyway?`,
    )
    const stay = dialog.getByRole('button', { name: 'Stay signed in' })
    expect(await stay.evaluate((button) => button === document.activeElement)).toBe(true)
    await screenshot(page, 'sign-out-unsynced')

    await stay.click()
    await dialog.waitFor({ state: 'detached' })
    expect(await signOut.evaluate((button) => button === document.activeElement)).toBe(true)
    expect(await page.locator('.draft-text').textContent()).toContain('Kenya wrote this on a train.')
    expect(await draftDatabases(page)).toEqual([`dtg-${documentId}`])
    expect(await meStatus(page)).toBe(200)

    await signOut.click()
    await dialog.getByRole('button', { name: 'Sign out anyway' }).click()
    await page.getByRole('heading', { name: 'Sign in with your invite link' }).waitFor()
    await expect.poll(() => draftDatabases(page)).toEqual([])
    expect(await meStatus(page)).toBe(401)
    expect(await serverText(server, documentId)).not.toContain('Kenya wrote this on a train.')
    expect(member.pageErrors).toEqual([])
  })

  test('a session ended elsewhere (the member revoked) leaves no draft in the browser either', async () => {
    const { page, pageErrors } = await withOpenDocument({ name: 'Maria Souza', role: 'delegation', delegation: 'Brazil' })
    const { members } = await api<{ members: { id: number; name: string }[] }>(secretariat.page, 'GET', '/api/members')
    await api(secretariat.page, 'POST', `/api/members/${members.find((entry) => entry.name === 'Maria Souza')!.id}/revoke`)
    await page.getByTestId('session-ended').waitFor()
    await expect.poll(() => draftDatabases(page)).toEqual([])
    expect(pageErrors).toEqual([])
  })
})
