/**
 * Comments in the margin: each thread beside its passage with its paragraph number, never overlapping, filtered by
 * open, mine, delegation and stakeholder input; the count of what is new since the member last looked, in the panel
 * and in the tab's title, kept by the server; caret labels that fade and stay legible when carets meet; the Comment
 * button beside the line rather than over the next one.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../helpers/server.ts'
import { createDocument, launchChromium, openDocument, screenshot, signIn, startServer, type SignedIn } from './harness.ts'
import { selectPassage } from './selection.ts'

const title = 'Zero draft with margin comments'
const passages = {
  brazil: 'which national measures have proved useful',
  kenya: 'keep the ICT supply chain of critical services trustworthy',
  stakeholder: 'emergency response teams be shielded from harm',
}

const marginCard = (page: Page, text: string) => page.locator('.comment-margin .margin-thread').filter({ hasText: text })

async function comment(page: Page, passage: string, body: string): Promise<void> {
  await selectPassage(page, passage)
  await page.getByTestId('comment-bubble').click()
  await page.getByLabel('Your comment').fill(body)
  await page.getByRole('button', { name: 'Post comment' }).click()
  await marginCard(page, body).waitFor()
}

interface Box {
  top: number
  bottom: number
  left: number
  right: number
}

/** The margin's cards in the order shown, each with its box and the box of its passage's highlight. */
async function marginLayout(page: Page): Promise<Array<{ id: string; quote: string; card: Box; passage: Box | null; location: string }>> {
  return page.evaluate(() => {
    const box = (element: Element): Box => {
      const { top, bottom, left, right } = element.getBoundingClientRect()
      return { top, bottom, left, right }
    }
    return [...document.querySelectorAll<HTMLElement>('.comment-margin .margin-thread')].map((card) => {
      const id = card.dataset.marginThread!
      const quote = card.querySelector('q')?.textContent ?? ''
      const highlight = [...document.querySelectorAll('.draft-text .comment-highlight')].find((element) => element.textContent === quote)
      return { id, quote, card: box(card), passage: highlight ? box(highlight) : null, location: card.querySelector('.margin-location')?.textContent ?? '' }
    })
  })
}

describe('comments in the margin', () => {
  let server: TestServer
  let browser: Browser
  let kenya: SignedIn
  let brazil: SignedIn
  let lead: SignedIn
  let stakeholder: SignedIn
  let secretariat: SignedIn
  let documentId: string

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    secretariat = await signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    const created = await createDocument(secretariat.page, { title, templateId: 'dtg1-critical-infrastructure' })
    documentId = created.documentId
    kenya = await signIn(browser, server, { name: 'Wanjiru Kamau', role: 'delegation', delegation: 'Kenya' })
    brazil = await signIn(browser, server, { name: 'João Silva', role: 'delegation', delegation: 'Brazil' })
    lead = await signIn(browser, server, { name: 'Ana Lucía Pérez', role: 'cofacilitator', delegation: 'Mexico', leads: [created.workspaceId] })
    stakeholder = await signIn(browser, server, { name: 'Dr. Lena Vogt', role: 'stakeholder', delegation: 'ICT4Peace Foundation' })
    await Promise.all([kenya, brazil, stakeholder].map(({ page }) => openDocument(page, documentId)))
    await comment(brazil.page, passages.brazil, 'Brazil would name the measures that worked.')
    await comment(kenya.page, passages.kenya, 'Kenya asks that supply chains cover managed services.')
    await comment(stakeholder.page, passages.stakeholder, 'Response teams need legal protection too.')
    await openDocument(lead.page, documentId)
  }, 120_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('each thread sits beside its passage, numbered, in the order of the text, without overlapping', async () => {
    const { page } = lead
    await expect.poll(async () => (await marginLayout(page)).filter(({ passage }) => passage !== null).length, { timeout: 10_000 }).toBe(3)
    // Placed once its passage is drawn.
    await page.waitForFunction(() => [...document.querySelectorAll('.comment-margin .margin-thread')].every((card) => card.hasAttribute('data-placed')))
    await expect.poll(async () => (await marginLayout(page)).every(({ card, passage }) => passage && Math.abs(card.top - passage.top) < 40)).toBe(true)
    // Cards slide into place (a transform transition): read once every slide has ended.
    await page.waitForFunction(() => document.getAnimations().length === 0)
    const layout = await marginLayout(page)
    const byTop = layout.slice().sort((a, b) => a.card.top - b.card.top)
    const order = await page.evaluate(() => [...document.querySelectorAll('.draft-text .comment-highlight')].map((element) => element.textContent))
    expect(byTop.map(({ quote }) => quote)).toEqual(order)
    expect(order).toEqual([passages.brazil, passages.kenya, passages.stakeholder])
    for (let i = 1; i < byTop.length; i++) expect(byTop[i].card.top).toBeGreaterThanOrEqual(byTop[i - 1].card.bottom)
    // In the margin, right of the text (and of the paragraph statuses), not over it.
    const text = await page.locator('.draft-text').boundingBox()
    for (const { card } of layout) expect(card.left).toBeGreaterThan(text!.x + text!.width)
    // The paragraph it is on, as the margin numbers say (once the numbers are derived from the text that arrived).
    await expect
      .poll(async () => (await marginLayout(page)).map(({ location }) => location).filter((location) => !/^(para\. \d+|R\d+)$/.test(location)))
      .toEqual([])
    expect(await page.locator('.comments-panel .panel-summary').textContent()).toBe('3 open, 0 resolved')
  })

  test('threads pushed down by a long one stay in order and clear of each other', async () => {
    const { page } = lead
    const first = marginCard(page, 'Brazil would name')
    await first.getByRole('button', { name: 'Reply' }).click()
    await first.getByLabel('Your reply').fill('The co-facilitators will ask for examples. '.repeat(8))
    await first.getByRole('button', { name: 'Reply' }).click()
    await expect.poll(() => first.locator('[data-testid="comment"]').count()).toBe(2)
    await expect
      .poll(async () => {
        const byTop = (await marginLayout(page)).sort((a, b) => a.card.top - b.card.top)
        return byTop.every((item, i) => i === 0 || item.card.top >= byTop[i - 1].card.bottom)
      })
      .toBe(true)
  })

  test('filters: stakeholder input, one delegation, mine, open only', async () => {
    const { page } = lead
    const shown = async () => (await page.locator('.comment-margin .margin-thread q').allTextContents()).sort()
    const filters = page.locator('.comment-filters')
    await filters.getByLabel('Stakeholder input').check()
    await expect.poll(shown).toEqual([passages.stakeholder])
    await filters.getByLabel('Stakeholder input').uncheck()
    await page.locator('.comment-filters select').selectOption('Kenya')
    await expect.poll(shown).toEqual([passages.kenya])
    // Brazil's thread holds Brazil's comment; the lead replied there, so it is one of the lead's.
    await page.locator('.comment-filters select').selectOption('')
    await filters.getByLabel('Mine').check()
    await expect.poll(shown).toEqual([passages.brazil])
    await filters.getByLabel('Mine').uncheck()
    await expect.poll(shown).toEqual(Object.values(passages).sort())

    await marginCard(page, 'Kenya asks').getByRole('button', { name: 'Resolve' }).click()
    await expect.poll(shown).toEqual([passages.brazil, passages.stakeholder].sort())
    await filters.getByLabel('Open only').uncheck()
    await expect.poll(shown).toEqual(Object.values(passages).sort())
    expect(await marginCard(page, 'Kenya asks').locator('.thread-card').getAttribute('class')).toContain('is-resolved')
    await filters.getByLabel('Open only').check()
    await page.evaluate(() => window.scrollTo(0, 0))
    await marginCard(page, 'Brazil would name').scrollIntoViewIfNeeded()
    await screenshot(page, 'comments-margin')
  })

  test('what is new since the member last looked: in the panel and the tab title, kept by the server, live', async () => {
    const { page } = brazil
    // Brazil never looked: the others' comments are new (the lead's reply and the two other threads), its own are not.
    await expect.poll(() => page.title()).toBe(`(3) ${title} · DTG drafting workspace`)
    expect(await page.getByTestId('comments-new').textContent()).toContain('3 new')
    expect(await marginCard(page, 'Response teams').locator('.badge-new').count()).toBe(1)
    expect(await marginCard(page, 'Brazil would name').locator('.badge-new').count()).toBe(1)
    await page.getByTestId('comments-new').getByRole('button', { name: 'Mark as seen' }).click()
    await expect.poll(() => page.title()).toBe(`${title} · DTG drafting workspace`)
    expect(await page.getByTestId('comments-new').textContent()).toBe('Nothing new since you last looked.')

    // A reply arrives while the page is open.
    const kenyaThread = marginCard(stakeholder.page, 'Response teams')
    await kenyaThread.getByRole('button', { name: 'Reply' }).click()
    await kenyaThread.getByLabel('Your reply').fill('Protection under domestic law, in particular.')
    await kenyaThread.getByRole('button', { name: 'Reply' }).click()
    await expect.poll(() => page.title(), { timeout: 10_000 }).toBe(`(1) ${title} · DTG drafting workspace`)

    // The record is the server's: another machine of the same member (a new context) counts the same.
    const elsewhere = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
    try {
      await elsewhere.addCookies(await brazil.context.cookies())
      const other = await elsewhere.newPage()
      await other.goto(`${server.url}/`)
      await openDocument(other, documentId)
      await expect.poll(() => other.title(), { timeout: 10_000 }).toBe(`(1) ${title} · DTG drafting workspace`)
    } finally {
      await elsewhere.close()
    }
  })

  test('the Comment button sits beside the line, hiding none of the text', async () => {
    const { page } = kenya
    await selectPassage(page, 'Which ICT threats to critical infrastructure')
    const bubble = await page.getByTestId('comment-bubble').boundingBox()
    const text = await page.locator('.draft-text').boundingBox()
    expect(bubble!.x).toBeGreaterThanOrEqual(text!.x + text!.width)
    await page.keyboard.press('Escape')
  })

  test('caret labels show while their participant is active, fade after a few seconds, and stack when carets meet', async () => {
    const writers = [lead, secretariat]
    await openDocument(secretariat.page, documentId)
    const target = 'Which ICT threats'
    for (const { page } of writers) {
      await page.locator('.draft-text p', { hasText: target }).first().click()
      await page.keyboard.press('Home')
    }
    const watcher = kenya.page
    const labels = () =>
      watcher.evaluate(() =>
        [...document.querySelectorAll<HTMLElement>('.draft-text .collaboration-carets__caret')].map((caret) => {
          const label = caret.querySelector('.collaboration-carets__label')!
          const { top, bottom, left, right } = label.getBoundingClientRect()
          return { name: label.textContent, opacity: Number(getComputedStyle(label).opacity), top, bottom, left, right }
        }),
      )
    await lead.page.keyboard.type('Both ')
    await secretariat.page.keyboard.press('Home')
    // A caret is published once the move is painted, its latest position only: a move and its undoing within one
    // frame say nothing to the others, so the two are a moment apart, as a person's are.
    const moveAndBack = async (page: Page) => {
      await page.keyboard.press('ArrowRight')
      await page.waitForTimeout(100)
      await page.keyboard.press('ArrowLeft')
    }
    await moveAndBack(secretariat.page)
    // The two labels as they stood while both were shown (read once more later, they may have faded on a slow machine).
    let shown: Awaited<ReturnType<typeof labels>> = []
    const bothShown = async () => {
      shown = await labels()
      return shown.filter((label) => label.opacity === 1).length === 2
    }
    // A label shows for 3 s after its participant's last activity: on a loaded machine the first one can fade before
    // the second arrives, so both move once more (the carets end where they were) before the test gives up.
    for (let attempt = 1; ; attempt++) {
      try {
        await expect.poll(bothShown, { timeout: 5000 }).toBe(true)
        break
      } catch (error) {
        if (attempt === 3) throw error
      }
      await moveAndBack(lead.page)
      await moveAndBack(secretariat.page)
    }
    const [a, b] = shown
    const apart = a.bottom <= b.top || b.bottom <= a.top || a.right <= b.left || b.right <= a.left
    expect(apart, JSON.stringify(shown)).toBe(true)
    // A few seconds without activity: the labels fade; the carets stay.
    await expect.poll(async () => (await labels()).every((label) => label.opacity === 0), { timeout: 8000, interval: 250 }).toBe(true)
    expect((await labels()).length).toBe(2)
    // Activity brings the label back.
    await lead.page.keyboard.type('x')
    await expect.poll(async () => (await labels()).find((label) => label.name?.startsWith('Ana Lucía Pérez'))?.opacity, { timeout: 5000 }).toBe(1)
  })
})
