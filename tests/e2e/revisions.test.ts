/** Revisions in the browser: a co-facilitator cuts Zero draft and Rev.1, compares them as a redline, opens one read-only, exports, restores. */
import fs from 'node:fs'
import type { Browser, Download, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../helpers/server.ts'
import { api, clickInEditor, createDocument, launchChromium, openDocument, pressInEditor, screenshot, signIn, startServer, type SignedIn } from './harness.ts'
import { serverText } from './serverCopy.ts'

interface RevisionSummary {
  id: number
  label: string
  note: string | null
  createdBy: { name: string }
}

const panel = (page: Page) => page.locator('.revisions-panel')
const revisionItem = (page: Page, label: string) => panel(page).locator('.revision-item', { has: page.locator('.revision-label', { hasText: new RegExp(`^${label.replace('.', '\\.')}$`) }) })
const recommendations = (page: Page) => page.locator('.draft-text .recommendation')
const picker = (page: Page) => page.getByRole('dialog')

async function chooseInPicker(page: Page, search: string, elementId: string, confirm: string): Promise<void> {
  await picker(page).getByLabel('Search the framework').fill(search)
  await picker(page).locator(`input[data-element-id="${elementId}"]`).check()
  await picker(page).getByRole('button', { name: confirm }).click()
  await picker(page).waitFor({ state: 'detached' })
}

async function cutRevision(page: Page, label: string, note?: string): Promise<void> {
  await panel(page).getByLabel('Label').fill(label)
  if (note) await panel(page).getByLabel('Note').fill(note)
  await panel(page).getByRole('button', { name: /^Cut revision/ }).click()
}

/** Waits until the server holds every text given (edits travel over the WebSocket; a revision is cut from the server's copy). */
async function serverHolds(server: TestServer, documentId: string, texts: string[]): Promise<void> {
  await expect
    .poll(async () => {
      const stored = await serverText(server, documentId)
      return texts.filter((text) => !stored.includes(text))
    }, { timeout: 15_000 })
    .toEqual([])
}

async function downloadedBytes(download: Download): Promise<Buffer> {
  const file = await download.path()
  return fs.readFileSync(file)
}

describe('revisions, comparison and export in the browser', () => {
  let server: TestServer
  let browser: Browser
  let cofacilitator: SignedIn
  let page: Page
  let documentId: string

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    const secretariat = await signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    const created = await createDocument(secretariat.page, { title: 'Annual summary and recommendations', templateId: 'dtg1-critical-infrastructure' })
    documentId = created.documentId
    await secretariat.context.close()
    cofacilitator = await signIn(browser, server, { name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Kenya', leads: [created.workspaceId] })
    page = cofacilitator.page
    await openDocument(page, documentId)
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('a co-facilitator writes a paragraph and cuts "Zero draft"', async () => {
    await panel(page).getByText('No revisions yet').waitFor()
    await clickInEditor(page, page.locator('.draft-text > h2').first())
    await pressInEditor(page, 'End')
    await page.keyboard.press('Enter')
    await page.keyboard.type('The group notes urgent threats to hospitals.')
    await serverHolds(server, documentId, ['The group notes urgent threats to hospitals.'])

    await cutRevision(page, 'Zero draft', 'Circulated for the first informal meeting.')
    const item = revisionItem(page, 'Zero draft')
    await item.waitFor()
    expect(await item.locator('.revision-note').textContent()).toBe('Circulated for the first informal meeting.')
    expect(await item.locator('.revision-meta').textContent()).toContain('Amina Odhiambo (Kenya)')

    const { revisions } = await api<{ revisions: RevisionSummary[] }>(page, 'GET', `/api/documents/${documentId}/revisions`)
    expect(revisions.map(({ label, note, createdBy }) => ({ label, note, by: createdBy.name }))).toEqual([
      { label: 'Zero draft', note: 'Circulated for the first informal meeting.', by: 'Amina Odhiambo' },
    ])
  })

  test('edits a word, inserts a recommendation above R4 and links R1 further, then cuts "Rev.1"', async () => {
    await clickInEditor(page, page.locator('.draft-text p.numbered', { hasText: 'urgent threats to hospitals.' }))
    await pressInEditor(page, 'End')
    for (let i = 0; i < 'hospitals.'.length; i++) await page.keyboard.press('Backspace')
    await page.keyboard.type('water systems.')

    const fourthId = await recommendations(page).nth(3).getAttribute('data-recommendation-id')
    await clickInEditor(page, page.locator('.draft-text p.numbered', { hasText: 'Guiding question: How can requests for help' }))
    await pressInEditor(page, 'End')
    await page.keyboard.press('Enter')
    await page.getByRole('button', { name: 'Insert recommendation' }).click()
    await chooseInPicker(page, 'cbm 1', 'cbm-1', 'Insert recommendation')
    await page.keyboard.type('The group recommends that States share threat assessments.')
    const formerFourth = page.locator(`.draft-text .recommendation[data-recommendation-id="${fourthId}"]`)
    await expect.poll(() => formerFourth.locator('.recommendation-number').textContent()).toBe('R5')

    const first = recommendations(page).first()
    await first.getByRole('button', { name: '+ Link' }).click()
    await chooseInPicker(page, 'norm c', 'norm-c', 'Add links')
    await expect.poll(() => first.locator('.ref-label').allTextContents()).toContain('Norm c')

    await serverHolds(server, documentId, ['threats to water systems.', 'share threat assessments.'])
    await page.getByTestId('server-status').filter({ hasText: 'Valid' }).waitFor({ timeout: 15_000 })
    await cutRevision(page, 'Rev.1')
    await revisionItem(page, 'Rev.1').waitFor()
    expect(await panel(page).locator('.revision-label').allTextContents()).toEqual(['Rev.1', 'Zero draft'])
    await screenshot(page, 'revisions-panel', { selector: '.revisions-panel' })
    await screenshot(page, 'document-with-revisions')
  })

  test('the comparison of Zero draft with Rev.1 shows words inserted and deleted, a link added and R4 renumbered as R5', async () => {
    await revisionItem(page, 'Rev.1').getByRole('link', { name: 'Compare with Zero draft' }).click()
    await page.locator('.redline').waitFor()
    expect(await page.getByLabel('From (earlier)').locator('option:checked').textContent()).toContain('Zero draft')
    expect(await page.getByLabel('To (later)').locator('option:checked').textContent()).toContain('Rev.1')

    const edited = page.locator('.redline-paragraph', { hasText: 'urgent threats to' })
    expect(await edited.locator('ins').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('water')]))
    expect(await edited.locator('del').allTextContents()).toEqual(expect.arrayContaining([expect.stringContaining('hospitals')]))

    const added = page.locator('.redline-recommendation.change-added', { hasText: 'share threat assessments' })
    expect(await added.locator('.recommendation-number').textContent()).toBe('R4')
    expect(await added.locator('.change-tag').textContent()).toBe('Added')
    const renumbered = page.locator('.redline-recommendation', { has: page.locator('.renumbered-marker', { hasText: 'renumbered R4 → R5' }) })
    expect(await renumbered.locator('.redline-ref-kept').allTextContents()).toEqual([expect.stringContaining('Norm h'), expect.stringContaining('CBM 1')])
    const relinked = page.locator('.redline-recommendation', { has: page.locator('.recommendation-number', { hasText: /^R1$/ }) })
    expect(await relinked.locator('.redline-ref-added').textContent()).toContain('Norm c')
    expect(await relinked.locator('.renumbered-marker').count()).toBe(0)

    const table = page.locator('.recommendation-changes')
    const row = table.locator('tr', { hasText: 'R4 → R5' })
    // Each change is said once: the kinds, with the renumbering across the two versions, and no column repeating them.
    expect(await table.locator('thead th').allTextContents()).toEqual(['Recommendation', 'Change', 'Links'])
    expect(await row.textContent()).not.toContain('R4 is now R5')
    expect(await row.textContent()).toContain('R4 in Zero draft is R5 in Rev.1')
    expect(await row.locator('.change-kind').allTextContents()).toEqual(['Renumbered'])
    const linkRow = table.locator('tbody tr').first()
    expect(await linkRow.locator('th').textContent()).toBe('R1')
    expect(await linkRow.locator('.change-kind').allTextContents()).toEqual(['Links changed'])
    expect(await linkRow.locator('ins').textContent()).toContain('Norm c')
    expect(await table.locator('tbody tr', { has: page.locator('.change-kind-added') }).locator('th').textContent()).toBe('R4')
    // Changed only: R1 (links), R4 (added), R5-R7 (renumbered); R2 and R3 are unchanged.
    expect(await table.locator('tbody th').allTextContents()).toEqual(['R1', 'R4', 'R4 → R5', 'R5 → R6', 'R6 → R7'])
    await table.getByLabel('Changed only').uncheck()
    await expect.poll(() => table.locator('tbody th').allTextContents()).toEqual(['R1', 'R2', 'R3', 'R4', 'R4 → R5', 'R5 → R6', 'R6 → R7'])
    await table.getByLabel('Changed only').check()

    await edited.scrollIntoViewIfNeeded()
    await screenshot(page, 'revision-redline')

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download redline (DOCX)' }).click()])
    expect(download.suggestedFilename()).toMatch(/\.docx$/)
    expect((await downloadedBytes(download)).subarray(0, 2).toString('latin1')).toBe('PK')
  })

  test('a revision opens read-only with its own text and margin numbers', async () => {
    await openDocument(page, documentId)
    await revisionItem(page, 'Zero draft').getByRole('link', { name: 'Open Zero draft, read-only' }).click()
    const banner = page.locator('.revision-banner')
    await banner.waitFor()
    expect(await banner.textContent()).toMatch(/Revision: Zero draft \(read-only\), cut by Amina Odhiambo \(Kenya\) on /)
    const text = page.locator('.draft-text')
    await expect.poll(() => text.textContent()).toContain('urgent threats to hospitals.')
    expect(await text.textContent()).not.toContain('water systems')
    expect(await text.getAttribute('contenteditable')).toBe('false')
    expect(await page.locator('.draft-text p.numbered', { hasText: 'urgent threats to hospitals.' }).getAttribute('data-paragraph-number')).toBe('1')
    expect(await page.locator('.draft-text .recommendation-number').allTextContents()).toEqual(['R1', 'R2', 'R3', 'R4', 'R5', 'R6'])
    expect(await page.getByRole('button', { name: '+ Link' }).count()).toBe(0)
    await screenshot(page, 'revision-read-only')
    await banner.getByRole('link', { name: 'Back to the current text' }).click()
    await page.locator('.draft-text[contenteditable="true"]').waitFor()
  })

  test('the export menu downloads the current text as DOCX', async () => {
    await page.getByRole('button', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export' })
    await dialog.getByLabel('Word (DOCX)').check()
    const [download] = await Promise.all([page.waitForEvent('download'), dialog.getByRole('button', { name: 'Download' }).click()])
    expect(download.suggestedFilename()).toMatch(/\.docx$/)
    expect((await downloadedBytes(download)).subarray(0, 2).toString('latin1')).toBe('PK')
    await dialog.getByRole('button', { name: 'Close' }).click()
    await dialog.waitFor({ state: 'detached' })
  })

  test('an invalid draft: cutting a revision and exporting for submission are refused with the problems; a working copy still exports', async () => {
    await clickInEditor(page, page.locator('.draft-text'))
    await pressInEditor(page, 'Control+End')
    await page.getByRole('button', { name: 'Insert recommendation' }).click()
    await chooseInPicker(page, 'norm g', 'norm-g', 'Insert recommendation')
    const empty = recommendations(page).last()
    const emptyId = await empty.getAttribute('data-recommendation-id')
    await page.getByTestId('server-status').filter({ hasText: '1 problem' }).waitFor({ timeout: 15_000 })
    await expect.poll(() => empty.locator('.recommendation-number').textContent()).toBe('R8')
    const emptyNumber = 'R8'

    await cutRevision(page, 'Rev.2')
    const refusal = panel(page).getByRole('alert')
    await refusal.waitFor()
    expect(await refusal.textContent()).toContain('The revision was not cut.')
    const problem = refusal.locator('.problem', { hasText: 'has no text' })
    expect(await problem.locator('.problem-where').textContent()).toBe(emptyNumber)
    await screenshot(page, 'revisions-cut-refused', { selector: '.revisions-panel' })
    await problem.getByRole('button').click()
    await expect.poll(() => page.locator('.node-recommendation.ProseMirror-selectednode .recommendation').getAttribute('data-recommendation-id')).toBe(emptyId)
    const { revisions } = await api<{ revisions: RevisionSummary[] }>(page, 'GET', `/api/documents/${documentId}/revisions`)
    expect(revisions.map((revision) => revision.label)).toEqual(['Zero draft', 'Rev.1'])

    await page.getByRole('button', { name: 'Export…' }).click()
    const dialog = page.getByRole('dialog', { name: 'Export' })
    // The form starts on a working copy, since the server finds a problem in the current text; for submission it is refused.
    const workingCopy = dialog.getByRole('checkbox', { name: 'Working copy' })
    await expect.poll(() => workingCopy.isChecked(), { timeout: 10_000 }).toBe(true)
    expect(await dialog.getByTestId('export-not-ready').textContent()).toContain('(problems to fix: 1)')
    await workingCopy.uncheck()
    await dialog.getByLabel('Markdown').check()
    await dialog.getByRole('button', { name: 'Download' }).click()
    const exportRefusal = dialog.getByRole('alert')
    await exportRefusal.waitFor()
    expect(await exportRefusal.textContent()).toContain('cannot be exported for submission')
    expect(await exportRefusal.locator('.problem-where').allTextContents()).toEqual([emptyNumber])
    await screenshot(page, 'export-refused', { selector: '.export-dialog' })
    const [download] = await Promise.all([page.waitForEvent('download'), exportRefusal.getByRole('button', { name: 'Download as working copy' }).click()])
    const markdown = (await downloadedBytes(download)).toString('utf8')
    expect(markdown).toContain('Draft - not for submission')
    expect(markdown).toContain('threats to water systems.')
    await dialog.getByRole('button', { name: 'Close' }).click()
  })

  test('restoring Zero draft brings its text back as a new change, keeping every revision', async () => {
    await revisionItem(page, 'Zero draft').getByRole('button', { name: 'Restore Zero draft as the current text' }).click()
    const confirm = page.getByRole('dialog', { name: 'Restore Zero draft?' })
    await confirm.getByRole('button', { name: 'Restore Zero draft' }).click()
    await confirm.waitFor({ state: 'detached' })
    await expect.poll(() => page.locator('.draft-text').textContent(), { timeout: 15_000 }).toContain('urgent threats to hospitals.')
    expect(await page.locator('.draft-text').textContent()).not.toContain('share threat assessments')
    await expect.poll(() => panel(page).locator('.revision-announcement').textContent()).toBe('Zero draft was restored as the current text by Amina Odhiambo.')
    await page.getByTestId('server-status').filter({ hasText: 'Valid' }).waitFor({ timeout: 15_000 })
    await serverHolds(server, documentId, ['urgent threats to hospitals.'])
    const { revisions } = await api<{ revisions: RevisionSummary[] }>(page, 'GET', `/api/documents/${documentId}/revisions`)
    expect(revisions.map((revision) => revision.label)).toEqual(['Zero draft', 'Rev.1'])
    expect(cofacilitator.pageErrors).toEqual([])
    // The refused cut and export are the only failed requests the console reports.
    expect(cofacilitator.consoleProblems.filter((message) => !message.includes('status of 422'))).toEqual([])
  })

  test('a delegation sees the revisions live and compares them, but neither cuts nor restores', async () => {
    const delegation = await signIn(browser, server, { name: 'Delegate of Brazil', role: 'delegation', delegation: 'Brazil' })
    try {
      await openDocument(delegation.page, documentId)
      await revisionItem(delegation.page, 'Rev.1').waitFor()
      expect(await panel(delegation.page).getByRole('button', { name: /^Cut revision/ }).count()).toBe(0)
      expect(await panel(delegation.page).getByRole('button', { name: /^Restore/ }).count()).toBe(0)
      expect(await revisionItem(delegation.page, 'Rev.1').getByRole('link', { name: 'Compare with Zero draft' }).count()).toBe(1)


      // A revision cut meanwhile appears without a reload, announced with who cut it.
      await cutRevision(page, 'Rev.2', 'After the second informal meeting.')
      await revisionItem(delegation.page, 'Rev.2').waitFor()
      expect(await panel(delegation.page).locator('.revision-announcement').textContent()).toBe('Rev.2 was cut by Amina Odhiambo (Kenya).')
      expect(delegation.pageErrors).toEqual([])
    } finally {
      await delegation.context.close()
    }
  })
})
