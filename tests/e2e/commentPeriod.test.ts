/**
 * A comment period that closes while a delegation has the document open: from its deadline the page no longer offers
 * what the server then refuses (a comment, a proposal, an edit of one's own), and says why.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../helpers/server.ts'
import { api, createDocument, launchChromium, openDocument, signIn, startServer, type SignedIn } from './harness.ts'

const proposals = (page: Page) => page.getByTestId('proposals-panel')
const comments = (page: Page) => page.locator('.comments-panel')

describe('a comment period closing in the browser', () => {
  let server: TestServer
  let browser: Browser
  let kenya: SignedIn
  let documentId: string

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    const secretariat = await signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    const created = await createDocument(secretariat.page, { title: 'Recommendations on critical infrastructure', templateId: 'dtg1-critical-infrastructure' })
    documentId = created.documentId
    const cofacilitator = await signIn(browser, server, { name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Singapore', leads: [created.workspaceId] })
    const { revision } = await api<{ revision: { id: number } }>(cofacilitator.page, 'POST', `/api/documents/${documentId}/revisions`, { label: 'Rev.1' })
    // Whole seconds, about 20 s from now: time for the delegation to sign in and open the document first.
    const deadline = new Date(Math.ceil(Date.now() / 1000) * 1000 + 20_000).toISOString()
    await api(cofacilitator.page, 'POST', `/api/documents/${documentId}/procedures`, { kind: 'comments', revisionId: revision.id, deadline })
    await secretariat.context.close()
    await cofacilitator.context.close()
    kenya = await signIn(browser, server, { name: 'Delegate of Kenya', role: 'delegation', delegation: 'Kenya' })
    await openDocument(kenya.page, documentId)
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('offers comments and proposals until the deadline, then neither, and says why', async () => {
    const { page } = kenya
    await comments(page).getByRole('button', { name: 'Comment on selection' }).waitFor()
    await proposals(page).getByRole('button', { name: 'Propose…' }).waitFor()
    expect(await page.locator('.inputs-closed').count()).toBe(0)

    await page.locator('.stage-banner .stage-text', { hasText: /comments closed on/ }).waitFor({ timeout: 40_000 })
    for (const panel of [comments(page), proposals(page)]) {
      await panel.locator('.inputs-closed', { hasText: /^The period for comments and proposals closed on .+ New York time: nothing new is taken on this revision/ }).waitFor()
    }
    expect(await comments(page).getByRole('button', { name: 'Comment on selection' }).count()).toBe(0)
    expect(await proposals(page).getByRole('button', { name: 'Propose…' }).count()).toBe(0)
    expect(kenya.pageErrors).toEqual([])
  })
})
