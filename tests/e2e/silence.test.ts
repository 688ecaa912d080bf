/**
 * The silence procedure in the browser: a co-facilitator puts a revision under silence at a New York time; Kenya breaks
 * it on a paragraph while Brazil watches the stage and the count of what is new; at the deadline every page shows the
 * outcome. A second silence on the next revision, with no objection, ends adopted, and its record downloads; marked
 * submitted, the document closes on every open page.
 */
import fs from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { wallClockInput, wallClock, newYorkZone } from '../../shared/time/unTime.ts'
import type { TestServer } from '../helpers/server.ts'
import { api, createDocument, launchChromium, openDocument, screenshot, signIn, startServer, type SignedIn } from './harness.ts'

const banner = (page: Page) => page.locator('.stage-banner')
const panel = (page: Page) => page.locator('.procedures-panel')

/** A New York wall-clock time `seconds` from now, to the second, as the deadline field takes it. */
function newYorkInSeconds(seconds: number): { date: string; time: string; at: number } {
  const at = Math.ceil(Date.now() / 1000) * 1000 + seconds * 1000
  const [date, time] = wallClockInput(at).split('T') as [string, string]
  return { date, time: `${time}:${String(wallClock(at, newYorkZone).second).padStart(2, '0')}`, at }
}

async function openPanel(page: Page): Promise<void> {
  await banner(page).getByRole('button', { name: /Procedures/ }).click()
  await panel(page).locator('details[open]').waitFor()
}

async function startSilence(page: Page, revisionLabel: string, seconds: number): Promise<number> {
  const form = panel(page).getByRole('form', { name: 'Open a procedure' })
  await form.getByLabel('Silence procedure').check()
  // The latest revision, the only one a procedure may be opened on.
  await expect.poll(() => form.locator('.procedure-revision').textContent()).toBe(`Revision ${revisionLabel}`)
  const deadline = newYorkInSeconds(seconds)
  await form.getByLabel('Deadline date (New York)').fill(deadline.date)
  await form.getByLabel('Time (New York, 24-hour)').fill(deadline.time)
  await expect.poll(() => form.locator('.procedure-preview').textContent()).toContain('New York time')
  await form.getByRole('button', { name: 'Start silence' }).click()
  await banner(page).locator('.stage-text', { hasText: /^Under silence until / }).waitFor()
  return deadline.at
}

describe('the silence procedure in the browser', () => {
  let server: TestServer
  let browser: Browser
  let cofacilitator: SignedIn
  let kenya: SignedIn
  let brazil: SignedIn
  let documentId: string

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    const secretariat = await signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    const created = await createDocument(secretariat.page, { title: 'Recommendations on critical infrastructure', templateId: 'dtg1-critical-infrastructure' })
    documentId = created.documentId
    await secretariat.context.close()
    cofacilitator = await signIn(browser, server, { name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Singapore', leads: [created.workspaceId] })
    kenya = await signIn(browser, server, { name: 'Delegate of Kenya', role: 'delegation', delegation: 'Kenya' })
    brazil = await signIn(browser, server, { name: 'Delegate of Brazil', role: 'delegation', delegation: 'Brazil' })
    // Brazil's computer clock runs two hours slow: the page must follow the server's clock, not its own.
    await brazil.context.addInitScript(() => {
      const skew = -2 * 3_600_000
      const RealDate = Date
      class SlowDate extends RealDate {
        constructor(...args: unknown[]) {
          if (args.length === 0) super(RealDate.now() + skew)
          else super(...(args as [number]))
        }
        static override now() {
          return RealDate.now() + skew
        }
      }
      globalThis.Date = SlowDate as DateConstructor
    })
    for (const { page } of [cofacilitator, kenya, brazil]) await openDocument(page, documentId)
    await brazil.page.reload()
    await brazil.page.locator('.draft-text').waitFor()
    await api(cofacilitator.page, 'POST', `/api/documents/${documentId}/revisions`, { label: 'Rev.1' })
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('every page shows the stage; a delegation breaks silence on a paragraph; at the deadline silence is broken', async () => {
    for (const { page } of [cofacilitator, kenya, brazil]) await expect.poll(() => banner(page).locator('.stage-text').textContent()).toBe('Drafting')
    // Delegations may not open procedures: the form is the co-facilitators'.
    await openPanel(kenya.page)
    expect(await panel(kenya.page).getByRole('form', { name: 'Open a procedure' }).count()).toBe(0)

    await openPanel(cofacilitator.page)
    // A deadline already past by the server's clock is refused before anything is sent.
    const form = panel(cofacilitator.page).getByRole('form', { name: 'Open a procedure' })
    const past = newYorkInSeconds(-120)
    await form.getByLabel('Deadline date (New York)').fill(past.date)
    await form.getByLabel('Time (New York, 24-hour)').fill(past.time)
    await form.locator('.procedure-preview', { hasText: "not in the future by the server's clock" }).waitFor()
    // Said once, under the fields, and the button stays off until the deadline is put right.
    expect(await form.getByRole('button', { name: 'Open comment period' }).isDisabled()).toBe(true)
    expect(await form.getByRole('alert').count()).toBe(0)
    expect(await banner(cofacilitator.page).locator('.stage-text').textContent()).toBe('Drafting')

    const deadline = await startSilence(cofacilitator.page, 'Rev.1', 25)
    for (const { page } of [kenya, brazil]) {
      await banner(page).locator('.stage-text', { hasText: /^Under silence until \d+ \w+ \d{4}, \d\d:\d\d:\d\d New York time$/ }).waitFor()
    }
    // Brazil's slow clock does not matter: the time left is the server's (under a minute, not two hours more).
    await expect.poll(() => banner(brazil.page).locator('.stage-left').textContent()).toMatch(/^(Deadline near: )?\d+ seconds left$/)
    // Brazil has not opened the panel: the silence is new to it.
    await banner(brazil.page).locator('.stage-new-count', { hasText: '1' }).waitFor()

    // Kenya, whose panel is open, breaks silence on the first numbered block.
    const firstBlock = panel(kenya.page).locator('.silence-block').first()
    const number = await firstBlock.getAttribute('data-block')
    await firstBlock.getByRole('button', { name: /^Break silence on/ }).click()
    await firstBlock.getByLabel(/^Reason for breaking silence/).fill('Kenya cannot join consensus on this paragraph as drafted.')
    await firstBlock.getByRole('button', { name: 'Send objection' }).click()
    await firstBlock.locator('.silence-broken-mark').waitFor()
    // The same block cannot be objected to twice: its button is gone.
    expect(await firstBlock.getByRole('button', { name: /^Break silence on/ }).count()).toBe(0)

    // Brazil sees the objection arrive live: one more thing new since it last looked.
    await banner(brazil.page).locator('.stage-new-count', { hasText: '2' }).waitFor()
    await openPanel(brazil.page)
    await expect.poll(() => banner(brazil.page).locator('.stage-new-count').count()).toBe(0)
    await panel(brazil.page).locator('.objection', { hasText: 'Kenya' }).waitFor()

    const timeout = deadline - Date.now() + 15_000
    for (const { page } of [cofacilitator, kenya, brazil]) {
      await banner(page).locator('.stage-text', { hasText: 'Silence broken by Kenya' }).waitFor({ timeout })
    }
    const outcome = panel(brazil.page).locator('.procedure-outcome.outcome-broken')
    await outcome.waitFor()
    expect(await outcome.textContent()).toContain(`by Kenya (${number!.startsWith('R') ? 'recommendation' : 'paragraph'} ${number})`)
    // After the deadline the break-silence list is gone for Kenya.
    expect(await panel(kenya.page).locator('.silence-block').count()).toBe(0)
  }, 120_000)

  test('on the next revision no delegation breaks silence: it is adopted, and the record downloads', async () => {
    await api(cofacilitator.page, 'POST', `/api/documents/${documentId}/revisions`, { label: 'Rev.2' })
    await banner(brazil.page).locator('.stage-text', { hasText: /^Drafting$/ }).waitFor()
    const deadline = await startSilence(cofacilitator.page, 'Rev.2', 15)
    await banner(kenya.page).locator('.stage-text', { hasText: /^Under silence until / }).waitFor()

    const timeout = deadline - Date.now() + 15_000
    for (const { page } of [cofacilitator, kenya, brazil]) {
      await banner(page).locator('.stage-text', { hasText: /^Adopted under silence on \d+ \w+ \d{4}$/ }).waitFor({ timeout })
    }
    const adopted = panel(cofacilitator.page).locator('.procedure-outcome.outcome-adopted')
    await adopted.waitFor()
    expect(await adopted.textContent()).toContain('Rev.2 was adopted under silence')
    // Both outcomes stay on record, newest first.
    expect(await panel(cofacilitator.page).locator('.procedure-outcome').count()).toBe(2)

    const [download] = await Promise.all([cofacilitator.page.waitForEvent('download'), adopted.getByRole('button', { name: 'Markdown' }).click()])
    const markdown = fs.readFileSync((await download.path())!, 'utf8')
    expect(markdown).toContain('# Silence procedure on Rev.2: Recommendations on critical infrastructure')
    expect(markdown).toContain('No delegation broke silence.')

    // Tall enough for both records beside the text: adopted on Rev.2, broken by Kenya on Rev.1.
    await cofacilitator.page.setViewportSize({ width: 1400, height: 1250 })
    await panel(cofacilitator.page).locator('.procedure-outcome.outcome-broken').waitFor()
    await screenshot(cofacilitator.page, 'silence-procedure')

    // Marked submitted, the document closes on every open page: the co-facilitator's editor turns read-only, and each
    // page says why.
    await cofacilitator.page.locator('.draft-text[contenteditable="true"]').waitFor()
    await panel(cofacilitator.page).getByRole('button', { name: 'Mark as submitted to the plenary' }).click()
    for (const { page } of [cofacilitator, kenya]) {
      await page.getByTestId('access-notice').filter({ hasText: 'This document has been submitted to the plenary' }).waitFor()
    }
    await cofacilitator.page.locator('.draft-text[contenteditable="false"]').waitFor()
    await banner(brazil.page).locator('.stage-text', { hasText: /^Submitted on / }).waitFor()
    for (const signedIn of [cofacilitator, kenya, brazil]) expect(signedIn.pageErrors).toEqual([])
  }, 120_000)
})
