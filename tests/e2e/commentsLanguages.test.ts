/**
 * Comments and proposals in another official language: in Arabic the panels speak Arabic and mirror (the margin and the
 * Comment button on the text's left), while what members wrote (comment bodies, proposed text, delegations) is shown
 * as written, marked not to be translated, in its own direction; the tab title counts new comments in Arabic words.
 */
import { beforeAll, describe, expect, test } from 'vitest'
import { createDocument, openDocument, screenshot, signIn, type SignedIn } from './harness.ts'
import { serverAndBrowser } from './serverAndBrowser.ts'
import { selectPassage } from './selection.ts'

const title = 'Zero draft in six languages'
const commented = 'keep the ICT supply chain of critical services trustworthy'
const proposed = 'which national measures have proved useful'
const body = 'Kenya asks that supply chains cover managed services.'
const replacement = 'which national measures have worked'

describe('comments and proposals in Arabic', () => {
  const running = serverAndBrowser()
  let kenya: SignedIn
  let brazil: SignedIn

  beforeAll(async () => {
    const secretariat = await signIn(running.browser, running.server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    const { documentId } = await createDocument(secretariat.page, { title, templateId: 'dtg1-critical-infrastructure' })
    kenya = await signIn(running.browser, running.server, { name: 'Wanjiru Kamau', role: 'delegation', delegation: 'Kenya' })
    brazil = await signIn(running.browser, running.server, { name: 'João Silva', role: 'delegation', delegation: 'Brazil' })
    await openDocument(kenya.page, documentId)
    await selectPassage(kenya.page, commented)
    await kenya.page.getByTestId('comment-bubble').click()
    await kenya.page.getByLabel('Your comment').fill(body)
    await kenya.page.getByRole('button', { name: 'Post comment' }).click()
    await kenya.page.locator('.comment-margin .margin-thread', { hasText: body }).waitFor()
    await openDocument(brazil.page, documentId)
    await brazil.page.locator('.language-switch select').selectOption('ar')
    await brazil.page.locator('html[dir="rtl"][lang="ar"]').waitFor()
    await brazil.page.locator('.draft-text').waitFor()
  }, 120_000)


  test('the comments panel speaks Arabic; the margin sits on the text’s left; the comment stays as written', async () => {
    const { page } = brazil
    await page.getByRole('heading', { name: 'التعليقات' }).waitFor()
    await expect.poll(() => page.locator('.comments-panel .panel-summary').textContent(), { timeout: 10_000 }).toBe('المفتوحة: 1، المحلولة: 0')
    const card = page.locator('.comment-margin .margin-thread', { hasText: body })
    await page.waitForFunction(() => [...document.querySelectorAll('.comment-margin .margin-thread')].every((one) => one.hasAttribute('data-placed')))
    const text = (await page.locator('.draft-text').boundingBox())!
    const placed = (await card.boundingBox())!
    expect(placed.x + placed.width).toBeLessThanOrEqual(text.x)
    // The paragraph it is on, once the numbers are derived from the text that arrived.
    await expect.poll(() => card.locator('.margin-location').textContent()).toMatch(/^(الفقرة|التوصية) \d+$/)
    const written = card.locator('.comment-body')
    expect(await written.textContent()).toBe(body)
    expect(await written.getAttribute('translate')).toBe('no')
    expect(await written.getAttribute('dir')).toBe('auto')
    expect(await card.locator('.comment-author').getAttribute('translate')).toBe('no')
    expect(await card.getByRole('button', { name: 'رد' }).count()).toBe(1)
    // The count of new comments and the application's name in the tab, in Arabic; the document's title as it is.
    await expect.poll(() => page.title(), { timeout: 10_000 }).toBe(`(1) ${title} · مساحة الصياغة للأفرقة المواضيعية المخصصة`)
    expect(brazil.pageErrors).toEqual([])
  })

  test('the Comment and Propose buttons appear on the text’s left, named in Arabic', async () => {
    const { page } = brazil
    await selectPassage(page, proposed)
    const bubble = page.getByTestId('comment-bubble')
    await bubble.waitFor()
    expect(await bubble.textContent()).toBe('تعليق')
    const text = (await page.locator('.draft-text').boundingBox())!
    const box = (await bubble.boundingBox())!
    expect(box.x + box.width).toBeLessThanOrEqual(text.x)
    const propose = page.getByTestId('propose-bubble')
    expect(await propose.textContent()).toBe('اقتراح')
    const proposeBox = (await propose.boundingBox())!
    expect(proposeBox.x + proposeBox.width).toBeLessThanOrEqual(text.x)
    // One under the other, whatever the width of their names.
    expect(proposeBox.y).toBeGreaterThanOrEqual(box.y + box.height)
    await propose.click()
    const form = page.locator('.new-proposal')
    await form.getByRole('radio', { name: 'استبدال النص المحدد' }).check()
    await form.locator('textarea').first().fill(replacement)
    await form.getByRole('button', { name: 'إرسال المقترح' }).click()
    const card = page.getByTestId('proposal-card').filter({ hasText: replacement })
    await card.waitFor()
    expect(await card.locator('.proposal-kind-name').textContent()).toBe('استبدال')
    expect(await card.locator('.proposal-new').getAttribute('translate')).toBe('no')
    await screenshot(page, 'comments-proposals-arabic')
    const chip = page.locator('.draft-text .proposal-chip').first()
    expect(await chip.getAttribute('aria-label')).toBe('استبدال مقترح من Brazil: لا تأييد، لا اعتراضات')
    // Its tooltip is Arabic inside the English text: in Arabic and right to left, so that it reads in order.
    const tip = page.locator('.draft-text .proposal-tip').first()
    expect([await tip.getAttribute('lang'), await tip.getAttribute('dir')]).toEqual(['ar', 'rtl'])
    // A passage of the English text quoted in the Arabic panels is in the text's language (its quote marks follow).
    const quote = page.locator('.comments-panel q, .comment-margin q').first()
    await quote.waitFor()
    expect(await quote.evaluate((node) => node.parentElement!.closest('[lang]')!.getAttribute('lang'))).toBe('en')
    expect(brazil.pageErrors).toEqual([])
  })
})
