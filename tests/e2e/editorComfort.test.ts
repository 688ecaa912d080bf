/**
 * The editor's conveniences in the browser: leaving a recommendation with Enter, a click below the last block,
 * placeholders, undo and redo, toolbar buttons refused with a reason inside a recommendation, find and replace (agreed
 * text skipped and said so), sub-paragraphs lettered (a), (b) in the editor and in the DOCX, the counts and the
 * shortcuts dialog.
 */
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { paragraphTexts, readDocx } from '../helpers/readDocx.ts'
import type { TestServer } from '../helpers/server.ts'
import { clickInEditor, createDocument, demoWorkspaceIds, launchChromium, openDocument, pressInEditor, screenshot, signIn, startServer, typeAtEnd, type SignedIn } from './harness.ts'

const picker = (page: Page) => page.getByRole('dialog')
const recommendations = (page: Page) => page.locator('.draft-text .recommendation')
const topParagraphs = (page: Page) => page.locator('.draft-text > p')

async function insertRecommendation(page: Page, search: string, elementId: string): Promise<void> {
  await page.getByRole('button', { name: 'Insert recommendation' }).click()
  await picker(page).getByLabel('Search the framework').fill(search)
  await picker(page).locator(`input[data-element-id="${elementId}"]`).check()
  await picker(page).getByRole('button', { name: 'Insert recommendation' }).click()
  await picker(page).waitFor({ state: 'detached' })
}

async function docxParagraphs(page: Page, documentId: string): Promise<string[]> {
  const bytes = await page.evaluate(async (id) => {
    const response = await fetch(`/api/documents/${encodeURIComponent(id)}/export?format=docx&working=1`)
    if (!response.ok) throw new Error(`export answered ${response.status}`)
    return [...new Uint8Array(await response.arrayBuffer())]
  }, documentId)
  if (bytes.length === 0) throw new Error('the export was empty')
  return paragraphTexts(readDocx(new Uint8Array(bytes)).document)
}

describe('editor conveniences', () => {
  let server: TestServer
  let browser: Browser
  let lead: SignedIn
  let page: Page
  let emptyDocumentId: string
  let templateDocumentId: string

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    const secretariat = await signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    ;({ documentId: emptyDocumentId } = await createDocument(secretariat.page, { title: 'Empty draft' }))
    ;({ documentId: templateDocumentId } = await createDocument(secretariat.page, { title: 'Zero draft', templateId: 'dtg1-critical-infrastructure' }))
    await secretariat.context.close()
    lead = await signIn(browser, server, { name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Kenya', leads: demoWorkspaceIds })
    page = lead.page
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('Enter on the empty last line of a recommendation leaves it; placeholders say what to do; undo and redo', async () => {
    await openDocument(page, emptyDocumentId)
    const first = topParagraphs(page).first()
    expect(await first.getAttribute('data-placeholder')).toMatch(/Type the draft here/)

    await clickInEditor(page, page.locator('.draft-text'))
    await page.keyboard.type('The group met three times.')
    await expect.poll(() => first.getAttribute('data-placeholder')).toBeNull()
    await insertRecommendation(page, 'norm g', 'norm-g')
    const recommendation = recommendations(page).first()
    await expect.poll(() => recommendation.locator('.recommendation-body p').first().getAttribute('data-placeholder')).toMatch(/Write the recommendation here/)

    await page.keyboard.type('States should designate points of contact.')
    await page.keyboard.press('Enter')
    // On the empty last line, the placeholder says how to leave.
    await expect.poll(() => recommendation.locator('.recommendation-body p').last().getAttribute('data-placeholder')).toMatch(/Enter again to leave/)
    await screenshot(page, 'leave-recommendation', { selector: '.draft-editor' })
    await page.keyboard.press('Enter')
    await page.keyboard.type('After the recommendation.')

    const after = page.locator('.draft-text > p', { hasText: 'After the recommendation.' })
    await expect.poll(() => after.getAttribute('data-paragraph-number')).toBe('2')
    expect(await recommendation.locator('.recommendation-body p').allTextContents()).toEqual(['States should designate points of contact.'])
    expect(await page.locator('.draft-text > *').count()).toBe(3)

    // Undo takes back the member's own typing, redo brings it back.
    await page.getByRole('button', { name: /Undo/ }).click()
    await expect.poll(() => after.count()).toBe(0)
    await page.getByRole('button', { name: /Redo/ }).click()
    await expect.poll(() => after.count()).toBe(1)
  })

  test('a click below the last block, a recommendation, puts the cursor in a paragraph after it', async () => {
    // The end of the draft, which that paragraph ends: robust to a click landing inside it while the undo settles.
    await clickInEditor(page, page.locator('.draft-text > p', { hasText: 'After the recommendation.' }))
    await pressInEditor(page, 'Control+End')
    await insertRecommendation(page, 'cbm 1', 'cbm-1')
    await page.keyboard.type('States should share national views.')
    const last = page.locator('.draft-text > *').last()
    await expect.poll(() => last.getAttribute('class')).toContain('node-recommendation')

    const box = (await last.boundingBox())!
    await page.mouse.click(box.x + 40, box.y + box.height + 60)
    await page.keyboard.type('Below the last recommendation.')
    const below = page.locator('.draft-text > p', { hasText: 'Below the last recommendation.' })
    await expect.poll(() => below.getAttribute('data-paragraph-number')).toBe('3')
    expect(await recommendations(page).last().locator('.recommendation-body').textContent()).toBe('States should share national views.')
  })

  test('inside a recommendation, heading and list buttons are refused with a reason and change nothing', async () => {
    await clickInEditor(page, recommendations(page).last().locator('.recommendation-body p'))
    const heading = page.getByRole('button', { name: /^H1/ })
    // The toolbar follows the selection in the render after it.
    await expect.poll(() => heading.getAttribute('aria-disabled')).toBe('true')
    await expect.poll(() => heading.getAttribute('title')).toMatch(/recommendation holds paragraphs only/)
    await heading.click({ force: true })
    expect(await page.locator('.toolbar-refused').textContent()).toMatch(/recommendation holds paragraphs only/)
    expect(await page.locator('.draft-text h1').count()).toBe(0)
    await expect.poll(() => page.getByRole('button', { name: /^• List/ }).getAttribute('aria-disabled')).toBe('true')
    // Outside, they apply.
    await clickInEditor(page, page.locator('.draft-text > p', { hasText: 'Below the last recommendation.' }))
    await expect.poll(() => heading.getAttribute('aria-disabled')).toBeNull()
  })

  test('sub-paragraphs are lettered (a), (b) in the editor and in the DOCX, numbered as the export numbers them', async () => {
    await clickInEditor(page, page.locator('.draft-text > p', { hasText: 'Below the last recommendation.' }))
    await pressInEditor(page, 'End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('States should:')
    await page.keyboard.press('Enter')
    await page.keyboard.type('designate contacts;')
    await page.getByRole('button', { name: /^\(a\)/ }).click()
    await page.keyboard.press('Enter')
    await page.keyboard.type('share information; and')
    await page.keyboard.press('Enter')
    await page.keyboard.press('Tab')
    await page.keyboard.type('report incidents.')

    const items = page.locator('.draft-text li li')
    await expect.poll(() => items.evaluateAll((elements) => elements.map((element) => element.getAttribute('data-sub-paragraph')))).toEqual(['(a)', '(b)', '(i)'])
    const label = await items.first().evaluate((element) => getComputedStyle(element, '::before').content)
    expect(label).toBe('"(a)"')
    const numbered = page.locator('.draft-text > ul > li.numbered')
    expect(await numbered.getAttribute('data-paragraph-number')).toBe('4')
    // Counted once typing pauses: "States should: (a) designate contacts; ..." and the text above.
    await expect.poll(() => page.getByTestId('text-counts').textContent()).toBe('Document: 32 words, 230 characters')
    await screenshot(page, 'sub-paragraphs', { selector: '.draft-editor' })

    // The server has the text once the editor has nothing left to send.
    await page.getByTestId('connection-state').filter({ hasText: 'Connected' }).waitFor()
    await page.waitForTimeout(500)
    const texts = await docxParagraphs(page, emptyDocumentId)
    expect(texts.slice(texts.indexOf('4.\tStates should:'), texts.indexOf('4.\tStates should:') + 4)).toEqual(['4.\tStates should:', '(a) designate contacts;', '(b) share information; and', '(i) report incidents.'])
  })

  test('find and replace: the match count, replace one and all, agreed text skipped and said so', async () => {
    await openDocument(page, templateDocumentId)
    const paragraphs = topParagraphs(page)
    // The first paragraph agreed: locked.
    await clickInEditor(page, paragraphs.nth(0))
    await page.getByRole('button', { name: 'Agreed ad referendum' }).click()
    await expect.poll(() => paragraphs.nth(0).getAttribute('data-block-status')).toBe('agreed')
    const agreedText = (await paragraphs.nth(0).textContent())!
    expect(agreedText).toMatch(/critical infrastructure/i)

    await page.keyboard.press('Control+f')
    const find = page.getByRole('search', { name: 'Find in the document' })
    await find.waitFor()
    const field = find.getByRole('searchbox')
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('type'))).toBe('search')
    await field.fill('critical infrastructure')
    const total = await page.locator('.draft-text .search-match').count()
    expect(total).toBeGreaterThanOrEqual(3)
    expect(await find.locator('.find-count').textContent()).toMatch(new RegExp(`^\\d+ of ${total}$`))
    expect(await page.locator('.draft-text .search-match-current').count()).toBe(1)
    await field.press('Enter')
    await page.evaluate(() => window.scrollTo(0, 0))
    await screenshot(page, 'find-replace')

    await find.getByLabel('Replace with').fill('essential services')
    // The current match may be in the agreed paragraph: step to one that is not.
    const inAgreed = () => page.locator('.draft-text .block-status-agreed .search-match-current').count()
    for (let step = 0; step < total && (await inAgreed()) > 0; step += 1) await field.press('Enter')
    await find.getByRole('button', { name: 'Replace', exact: true }).click()
    await expect.poll(() => page.locator('.draft-text .search-match').count()).toBe(total - 1)
    expect(await find.locator('.find-outcome').textContent()).toBe('1 replaced')

    const agreedMatches = await page.locator('.draft-text .block-status-agreed .search-match').count()
    expect(agreedMatches).toBeGreaterThan(0)
    await find.getByRole('button', { name: 'Replace all' }).click()
    await expect.poll(() => find.locator('.find-outcome').textContent()).toBe(
      `${total - 1 - agreedMatches} replaced; ${agreedMatches} skipped in agreed text (locked until a co-facilitator reopens it)`,
    )
    expect(await page.locator('.draft-text .search-match').count()).toBe(agreedMatches)
    expect(await paragraphs.nth(0).textContent()).toBe(agreedText)
    expect(await page.locator('.draft-text').textContent()).toContain('essential services')
    expect(await page.getByTestId('agreed-text-notice').count()).toBe(0)

    // The counts under the text follow the selection.
    await page.keyboard.press('Escape')
    await find.waitFor({ state: 'detached' })
    await expect.poll(() => page.getByTestId('text-counts').textContent()).toMatch(/Document: [\d,]+ words, [\d,]+ characters.*Selection: 2 words, 23 characters/)
  })

  test('a reader finds in the document, and is offered no replacing', async () => {
    const reader = await signIn(browser, server, { name: 'Delegate of Brazil', role: 'delegation', delegation: 'Brazil' })
    await openDocument(reader.page, templateDocumentId)
    await reader.page.getByRole('button', { name: 'Find in the document' }).click()
    const find = reader.page.getByRole('search', { name: 'Find in the document' })
    await find.getByRole('searchbox').fill('guiding question')
    await expect.poll(() => find.locator('.find-count').textContent()).toMatch(/^1 of [1-9]\d*$/)
    expect(await find.getByRole('button', { name: 'Replace all' }).count()).toBe(0)
    expect(await find.getByLabel('Replace with').count()).toBe(0)
    // Closed with Escape, the bar gives focus back to the button that opened it (a read-only text cannot take it).
    await find.getByRole('searchbox').press('Escape')
    await find.waitFor({ state: 'detached' })
    await expect
      .poll(() => reader.page.getByRole('button', { name: 'Find in the document' }).evaluate((node) => node === document.activeElement), { timeout: 5000 })
      .toBe(true)
    expect(reader.pageErrors).toEqual([])
    await reader.context.close()
  })

  test('undo takes back only the member\'s own change, not a change another co-facilitator made meanwhile', async () => {
    const other = await signIn(browser, server, { name: 'Second co-facilitator', role: 'cofacilitator', delegation: 'Singapore', leads: demoWorkspaceIds })
    await Promise.all([openDocument(page, emptyDocumentId), openDocument(other.page, emptyDocumentId)])
    // The text alone, without the other participants' caret labels drawn into it.
    const textOf = (who: Page) =>
      who.locator('.draft-text').evaluate((element) => {
        const copy = element.cloneNode(true) as HTMLElement
        copy.querySelectorAll('.collaboration-carets__caret').forEach((caret) => caret.remove())
        return copy.textContent ?? ''
      })
    await clickInEditor(page, topParagraphs(page).last())
    await pressInEditor(page, 'End')
    await page.keyboard.type(' Mine to take back.')
    await expect.poll(() => textOf(other.page)).toContain('Mine to take back.')
    await clickInEditor(other.page, topParagraphs(other.page).first())
    await pressInEditor(other.page, 'Home')
    await other.page.keyboard.type('Theirs to keep. ')
    for (const who of [page, other.page]) {
      await expect.poll(() => textOf(who)).toMatch(/Theirs to keep\. .*Mine to take back\./)
    }
    await page.getByRole('button', { name: /Undo/ }).click()
    for (const who of [page, other.page]) {
      await expect.poll(() => textOf(who)).not.toContain('Mine to take back.')
      expect(await textOf(who)).toContain('Theirs to keep. ')
    }
    await other.context.close()
  })

  test('Ctrl+/ lists the keyboard shortcuts', async () => {
    await clickInEditor(page, topParagraphs(page).nth(1))
    await page.keyboard.press('Control+/')
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' })
    await dialog.waitFor()
    expect(await dialog.textContent()).toContain('Leave the recommendation')
    expect(await dialog.textContent()).toContain('Ctrl+F')
    await page.keyboard.press('Escape')
    await dialog.waitFor({ state: 'detached' })
    expect(lead.pageErrors).toEqual([])
  })
})
