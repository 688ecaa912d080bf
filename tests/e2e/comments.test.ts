/**
 * Comment threads on passages of a draft, live between browsers: a delegation comments in its read-only editor, the
 * co-facilitator sees it without reloading, replies and resolves; a stakeholder's comment is marked as stakeholder
 * input; nobody edits another's comment; deleting the passage detaches its thread, which stays with its quote; the
 * co-facilitator downloads the compilation of written inputs; the header's skip link keeps the route.
 */
import fs from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../helpers/server.ts'
import { api, createDocument, launchChromium, openDocument, screenshot, signIn, startServer, type SignedIn } from './harness.ts'
import { selectPassage } from './selection.ts'
import { serverText } from './serverCopy.ts'

interface ThreadJson {
  id: string
  anchor: { quote: string }
  stakeholder: boolean
  resolved: { by: { name: string } } | null
  comments: { id: string; body: string; deleted: boolean; author: { name: string; role: string; delegation: string | null } }[]
}

const kenyaPassage = 'keep the ICT supply chain of critical services trustworthy'
const stakeholderPassage = 'emergency response teams be shielded from harm'

const threadCard = (page: Page, text: string) => page.getByTestId('comment-thread').filter({ hasText: text })

/** Calls the API from the page and returns the status, whatever it is. */
async function statusOf(page: Page, method: string, url: string, body?: unknown): Promise<{ status: number; json: unknown }> {
  return page.evaluate(
    async ({ method, url, body }) => {
      const response = await fetch(url, { method, headers: body ? { 'content-type': 'application/json' } : {}, body: body ? JSON.stringify(body) : undefined })
      return { status: response.status, json: await response.json().catch(() => null) }
    },
    { method, url, body },
  )
}

describe('comment threads in the browser', () => {
  let server: TestServer
  let browser: Browser
  let kenya: SignedIn
  let cofacilitator: SignedIn
  let stakeholder: SignedIn
  let documentId: string

  const threads = async (page: Page) => ((await statusOf(page, 'GET', `/api/documents/${documentId}/threads`)).json as { threads: ThreadJson[] }).threads

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    const secretariat = await signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    const created = await createDocument(secretariat.page, { title: 'Zero draft for comments', templateId: 'dtg1-critical-infrastructure' })
    documentId = created.documentId
    await secretariat.context.close()
    // One invite at a time: each is an admin CLI process writing to the server's database.
    kenya = await signIn(browser, server, { name: 'Wanjiru Kamau', role: 'delegation', delegation: 'Kenya' })
    cofacilitator = await signIn(browser, server, { name: 'Ana Lucía Pérez', role: 'cofacilitator', delegation: 'Mexico', leads: [created.workspaceId] })
    stakeholder = await signIn(browser, server, { name: 'Dr. Lena Vogt', role: 'stakeholder', delegation: 'ICT4Peace Foundation' })
    await Promise.all([openDocument(kenya.page, documentId), openDocument(cofacilitator.page, documentId), openDocument(stakeholder.page, documentId)])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('a delegation selects a passage in its read-only editor and comments; the co-facilitator sees it live', async () => {
    const { page } = kenya
    expect(await page.locator('.draft-text').getAttribute('contenteditable')).toBe('false')
    await expect.poll(() => cofacilitator.page.locator('.comments-panel .panel-summary').textContent()).toBe('0 open, 0 resolved')

    await selectPassage(page, kenyaPassage)
    await page.getByTestId('comment-bubble').waitFor()
    await screenshot(page, 'comment-read-only-selection')
    await page.getByTestId('comment-bubble').click()
    await expect.poll(() => page.locator('.new-thread-quote').textContent()).toContain(kenyaPassage)
    await page.getByLabel('Your comment').fill('Kenya asks that supply-chain integrity cover managed service providers.')
    await page.getByRole('button', { name: 'Post comment' }).click()

    const own = threadCard(page, 'managed service providers')
    await own.waitFor()
    expect(await own.textContent()).toContain('Wanjiru Kamau')
    await page.locator('.comment-highlight', { hasText: 'supply chain' }).waitFor()

    // The co-facilitator's browser has not reloaded: the thread arrives over the document's event stream.
    const seen = threadCard(cofacilitator.page, 'managed service providers')
    await seen.waitFor({ timeout: 10_000 })
    expect(await seen.locator('q').textContent()).toBe(kenyaPassage)
    expect(await seen.locator('.comment-meta').first().textContent()).toMatch(/Wanjiru Kamau.*Kenya/)
    expect(await cofacilitator.page.locator('.comment-highlight').textContent()).toBe(kenyaPassage)

    // Clicking the passage in the text brings its thread forward.
    await cofacilitator.page.locator('.comment-highlight').click()
    await expect.poll(() => seen.getAttribute('class')).toContain('is-active')
    expect(await cofacilitator.page.locator('.comment-highlight').getAttribute('class')).toContain('is-active')

    const [stored] = await threads(page)
    expect(stored).toMatchObject({ stakeholder: false, anchor: { quote: kenyaPassage }, resolved: null })
    expect(stored!.comments[0]!.author).toMatchObject({ name: 'Wanjiru Kamau', role: 'delegation', delegation: 'Kenya' })
  })

  test('the co-facilitator replies and resolves; the delegation sees both live', async () => {
    const { page } = cofacilitator
    const card = threadCard(page, 'managed service providers')
    await card.getByRole('button', { name: 'Reply' }).click()
    await card.getByLabel('Your reply').fill('Noted; the co-facilitators will reflect this in Rev.1.')
    await card.getByRole('button', { name: 'Reply', exact: true }).click()
    await threadCard(kenya.page, 'reflect this in Rev.1').waitFor({ timeout: 10_000 })
    // Once the reply is posted, focus is back on the Reply button the form replaced; the same when a reply is given up.
    await expect.poll(() => card.getByRole('button', { name: 'Reply' }).evaluate((node) => node === document.activeElement), { timeout: 5000 }).toBe(true)
    await page.keyboard.press('Enter')
    await card.getByLabel('Your reply').press('Escape')
    await expect.poll(() => card.getByRole('button', { name: 'Reply' }).evaluate((node) => node === document.activeElement), { timeout: 5000 }).toBe(true)
    await screenshot(page, 'comments-live')

    await card.getByRole('button', { name: 'Resolve' }).click()
    const resolvedSection = kenya.page.locator('.resolved-threads')
    await resolvedSection.waitFor({ timeout: 10_000 })
    expect(await resolvedSection.locator('summary').textContent()).toBe('Resolved (1)')
    await expect.poll(() => kenya.page.locator('.comments-panel .panel-summary').textContent()).toBe('0 open, 1 resolved')
    // Resolved threads are not highlighted in the text.
    await expect.poll(() => kenya.page.locator('.comment-highlight').count()).toBe(0)
    await resolvedSection.locator('summary').click()
    expect(await threadCard(kenya.page, 'managed service providers').locator('.thread-resolved-note').textContent()).toContain('Resolved by Ana Lucía Pérez (Mexico)')

    const [stored] = await threads(page)
    expect(stored!.resolved?.by.name).toBe('Ana Lucía Pérez')
    expect(stored!.comments.map((comment) => comment.author.name)).toEqual(['Wanjiru Kamau', 'Ana Lucía Pérez'])
  })

  test("the delegation can edit its own comment, but not the co-facilitator's: no buttons, and the API refuses", async () => {
    const { page } = kenya
    const card = threadCard(page, 'managed service providers')
    const ownComment = card.getByTestId('comment').filter({ hasText: 'Wanjiru Kamau' })
    const reply = card.getByTestId('comment').filter({ hasText: 'Ana Lucía Pérez' })
    expect(await reply.getByRole('button').count()).toBe(0)
    expect(await ownComment.getByRole('button', { name: 'Edit' }).count()).toBe(1)
    expect(await ownComment.getByRole('button', { name: 'Delete' }).count()).toBe(1)
    // Delegations neither resolve nor reopen.
    expect(await card.getByRole('button', { name: 'Reopen' }).count()).toBe(0)

    const [stored] = await threads(page)
    const replyId = stored!.comments[1]!.id
    const edit = await statusOf(page, 'PATCH', `/api/documents/${documentId}/comments/${replyId}`, { body: 'Kenya rewrites the reply.' })
    const removal = await statusOf(page, 'DELETE', `/api/documents/${documentId}/comments/${replyId}`)
    expect(edit.status).toBe(403)
    expect(removal.status).toBe(403)
    expect(await statusOf(page, 'POST', `/api/documents/${documentId}/threads/${stored!.id}/reopen`).then((answer) => answer.status)).toBe(403)

    await ownComment.getByRole('button', { name: 'Edit' }).click()
    await ownComment.getByLabel('Edit your comment').fill('Kenya asks that supply-chain integrity cover managed service providers and cloud services.')
    await ownComment.getByRole('button', { name: 'Save' }).click()
    await cofacilitator.page.locator('.resolved-threads summary').click()
    await threadCard(cofacilitator.page, 'and cloud services').getByText(/edited/).waitFor({ timeout: 10_000 })
    const [after] = await threads(page)
    expect(after!.comments[1]!.body).toBe('Noted; the co-facilitators will reflect this in Rev.1.')
  })

  test("a stakeholder's comment is marked as stakeholder input; its author may delete it, and the place stays", async () => {
    const { page } = stakeholder
    await selectPassage(page, stakeholderPassage)
    await page.keyboard.press('Control+Alt+m')
    await page.getByLabel('Your comment').fill('Independent CERTs ask for a reference to their protected status.')
    await page.getByRole('button', { name: 'Post comment' }).click()

    const seen = threadCard(cofacilitator.page, 'protected status')
    await seen.waitFor({ timeout: 10_000 })
    expect(await seen.locator('.badge-stakeholder').textContent()).toBe('Stakeholder input')
    expect(await seen.getAttribute('class')).toContain('is-stakeholder')
    await cofacilitator.page.locator('.comment-highlight.is-stakeholder', { hasText: 'shielded from harm' }).waitFor()

    const card = threadCard(page, 'protected status')
    await card.getByRole('button', { name: 'Reply' }).click()
    await card.getByLabel('Your reply').fill('A second thought, withdrawn.')
    await card.getByRole('button', { name: 'Reply', exact: true }).click()
    const withdrawn = card.getByTestId('comment').filter({ hasText: 'A second thought' })
    await withdrawn.getByRole('button', { name: 'Delete' }).click()
    await withdrawn.getByRole('button', { name: 'Delete comment' }).click()
    await threadCard(kenya.page, 'protected status').getByText('Comment deleted by its author').waitFor({ timeout: 10_000 })

    const stored = (await threads(page)).find((thread) => thread.anchor.quote === stakeholderPassage)!
    expect(stored.stakeholder).toBe(true)
    expect(stored.comments.map((comment) => comment.deleted)).toEqual([false, true])
  })

  test('deleting the commented text in the editor detaches the thread, which keeps its quote', async () => {
    const { page } = cofacilitator
    await selectPassage(page, stakeholderPassage)
    await page.keyboard.press('Backspace')
    await expect.poll(() => serverText(server, documentId), { timeout: 10_000 }).not.toContain(stakeholderPassage)

    for (const { page: viewer } of [cofacilitator, kenya]) {
      const detachedGroup = viewer.locator('.thread-group', { has: viewer.getByRole('heading', { name: /^Detached/ }) })
      await detachedGroup.waitFor({ timeout: 10_000 })
      const card = threadCard(viewer, 'protected status')
      expect(await detachedGroup.getByTestId('comment-thread').filter({ hasText: 'protected status' }).count()).toBe(1)
      expect(await card.locator('q').textContent()).toBe(stakeholderPassage)
      expect(await card.locator('.thread-detached-note').textContent()).toContain('has been deleted')
      expect(await viewer.locator('.comment-highlight.is-stakeholder').count()).toBe(0)
    }
    await screenshot(page, 'comment-detached')
    expect((await threads(page)).length).toBe(2)
  })

  test('the co-facilitator downloads the compilation of written inputs by delegation, as Markdown', async () => {
    const { page } = cofacilitator
    const compilation = page.getByTestId('compilation')
    await compilation.locator('summary').click()
    await compilation.getByLabel('By delegation').check()
    await compilation.getByLabel('Markdown').check()
    await compilation.getByRole('button', { name: 'Preview' }).click()
    await expect.poll(() => compilation.locator('.compilation-summary').textContent()).toBe('2 written inputs under 2 headings, by delegation')
    expect(await compilation.locator('.compilation-heading').allTextContents()).toEqual(['Kenya', 'ICT4Peace Foundation (stakeholder input)'])
    // The preview holds the text of the inputs, not only counts, and follows a new reply without a click.
    const kenyaInput = compilation.locator('.compilation-input', { hasText: 'Kenya asks that supply-chain integrity cover managed service providers' })
    await kenyaInput.waitFor()
    expect(await kenyaInput.locator('.compilation-input-quote').textContent()).not.toBe('')
    const threadList = await api<{ threads: { id: string; comments: { body: string }[] }[] }>(page, 'GET', `/api/documents/${documentId}/threads`)
    const kenyaThread = threadList.threads.find((thread) => thread.comments[0]?.body.startsWith('Kenya asks that supply-chain integrity'))!
    await api(page, 'POST', `/api/documents/${documentId}/threads/${kenyaThread.id}/comments`, { body: 'Noted; we will look at managed services.' })
    const replies = kenyaThread.comments.length // the first comment is the input; the one just posted is one more reply
    await kenyaInput.getByText(replies === 1 ? '1 reply' : `${replies} replies`, { exact: true }).waitFor()
    await screenshot(page, 'comments-compilation', { selector: '.comments-panel' })

    const [download] = await Promise.all([page.waitForEvent('download'), compilation.getByRole('button', { name: 'Download' }).click()])
    expect(download.suggestedFilename()).toBe("Zero-draft-for-comments-written-inputs-by-delegation.md")
    const markdown = fs.readFileSync(await download.path(), 'utf8')
    const kenyaSection = markdown.slice(markdown.indexOf('\n## Kenya\n'), markdown.indexOf('\n## ICT4Peace Foundation'))
    expect(kenyaSection).toContain('Kenya asks that supply-chain integrity cover managed service providers and cloud services.')
    expect(kenyaSection).toContain('Noted; the co-facilitators will reflect this in Rev.1.')
    await compilation.getByRole('status').filter({ hasText: 'Downloaded' }).waitFor()
  })

  test('the skip link moves focus to the content and keeps the document on screen', async () => {
    const page = await kenya.context.newPage()
    const url = `${server.url}/#/documents/${encodeURIComponent(documentId)}`
    await page.goto(url)
    await page.locator('.draft-text').waitFor()
    await page.keyboard.press('Tab')
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Skip to content')
    await page.keyboard.press('Enter')
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main')
    expect(page.url()).toBe(url)
    await page.getByRole('heading', { level: 1, name: 'Zero draft for comments' }).waitFor()
    expect(await page.getByRole('heading', { name: 'Page not found' }).count()).toBe(0)
    expect(await page.locator('.draft-text').isVisible()).toBe(true)
    await page.close()
  })

  test('no errors in any page', () => {
    for (const signedIn of [kenya, cofacilitator, stakeholder]) expect(signedIn.pageErrors).toEqual([])
    for (const signedIn of [kenya, cofacilitator, stakeholder]) expect(signedIn.consoleProblems.filter((message) => !/WebSocket|ERR_|Failed to load resource/.test(message))).toEqual([])
  })
})
