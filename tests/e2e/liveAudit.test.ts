/**
 * The audit follows the work on its own: the contributors panel, while open, refreshes when the document's `status`
 * event arrives (at most once per 10 s); the participation chart refreshes every minute while the page is visible.
 */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../helpers/server.ts'
import { api, demoWorkspaceIds, launchChromium, openDocument, signIn, startServer, typeAtEnd, type SignedIn } from './harness.ts'
import { serverText } from './serverCopy.ts'

interface Participation {
  series: { counts: Record<string, { edits: number; comments: number }> }[]
}

const workspaceId = demoWorkspaceIds[0]

describe('an audit that follows the work', () => {
  let server: TestServer
  let browser: Browser
  let secretariat: SignedIn
  let amina: SignedIn
  let documentId: string

  const africanEdits = async () => {
    const { series } = await api<Participation>(secretariat.page, 'GET', `/api/workspaces/${workspaceId}/participation?bucket=day`)
    return series.reduce((sum, bucket) => sum + (bucket.counts.african?.edits ?? 0), 0)
  }

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    ;[secretariat, amina] = await Promise.all([
      signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' }),
      signIn(browser, server, { name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Kenya', regionalGroup: 'african', leads: [workspaceId] }),
    ])
    secretariat.page.setDefaultTimeout(15_000)
    amina.page.setDefaultTimeout(15_000)
    const { documents } = await api<{ documents: { id: string }[] }>(secretariat.page, 'GET', `/api/workspaces/${workspaceId}`)
    documentId = documents[0].id
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('the open contributors panel shows new contributors without a click, refreshing at most once per 10 s', async () => {
    const { page } = secretariat
    const asked: number[] = []
    page.on('request', (request) => {
      if (request.url().endsWith(`/api/documents/${documentId}/contributors`)) asked.push(Date.now())
    })
    await openDocument(page, documentId)
    const panel = page.getByTestId('contributors-panel')
    await panel.locator('summary').click()
    await panel.getByText("Nobody has changed this document's text yet.").waitFor()

    await openDocument(amina.page, documentId)
    await typeAtEnd(amina.page, ' Kenya adds a first sentence.')
    const row = panel.getByRole('row', { name: /Amina Odhiambo/ })
    await row.waitFor({ timeout: 30_000 })
    const first = Number((await row.locator('td').first().textContent()) ?? 0)
    expect(first).toBeGreaterThan(0)

    await typeAtEnd(amina.page, ' And a second one.')
    await expect.poll(async () => Number(await row.locator('td').first().textContent()), { timeout: 30_000 }).toBeGreaterThan(first)
    // One load on opening, then refreshes no closer together than 10 s (a little slack for when the test sees them).
    expect(asked.length).toBeGreaterThanOrEqual(3)
    for (let index = 2; index < asked.length; index++) expect(asked[index] - asked[index - 1]).toBeGreaterThan(9_500)
    expect(await panel.getByRole('button', { name: 'Refresh' }).count()).toBe(1)
    expect(secretariat.pageErrors).toEqual([])
  })

  test('the participation chart refreshes every minute while the page is visible', async () => {
    const page = await secretariat.context.newPage()
    page.setDefaultTimeout(15_000)
    await page.clock.install()
    await page.goto(`${server.url}/#/workspaces/${workspaceId}`)
    const chart = page.getByTestId('participation')
    await chart.getByRole('button', { name: 'Show the numbers as a table' }).click()
    const totalEdits = chart.locator('table tfoot tr td').first() // African Group comes first: edits, then comments
    const before = await africanEdits()
    await expect.poll(async () => Number(await totalEdits.textContent())).toBe(before)

    // Edits count as editing sessions: another member of the African Group starts one (Amina's typing is still her first).
    const kwame = await signIn(browser, server, { name: 'Kwame Mensah', role: 'cofacilitator', delegation: 'Ghana', regionalGroup: 'african', leads: [workspaceId] })
    await openDocument(kwame.page, documentId)
    await typeAtEnd(kwame.page, ' A third sentence, for the chart.')
    await expect.poll(() => serverText(server, documentId), { timeout: 15_000 }).toContain('A third sentence, for the chart.')
    await expect.poll(africanEdits, { timeout: 15_000 }).toBeGreaterThan(before)
    const after = await africanEdits()
    expect(Number(await totalEdits.textContent())).toBe(before)

    await page.clock.runFor(60_000)
    await expect.poll(async () => Number(await totalEdits.textContent())).toBe(after)
    await page.close()
    await kwame.context.close()
  })
})
