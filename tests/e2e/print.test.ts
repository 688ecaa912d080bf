/** Printing the document page prints the document alone, numbered as the export numbers it. */
import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { needing } from '../helpers/externalTools.ts'
import type { TestServer } from '../helpers/server.ts'
import { clickInEditor, createDocument, demoWorkspaceIds, launchChromium, openDocument, screenshot, signIn, startServer, typeAtEnd } from './harness.ts'

const printing = needing({ pdftotext: 'poppler-utils' }, 'the PDF of the document page holds the document, numbered as in the export, and none of the application')

describe('printing the document page', () => {
  let server: TestServer
  let browser: Browser

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test.runIf(printing.run)(printing.name, async () => {
    const secretariat = await signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    const { documentId } = await createDocument(secretariat.page, { title: 'Draft for the printer', templateId: 'dtg1-critical-infrastructure' })
    await secretariat.context.close()
    const lead = await signIn(browser, server, { name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Kenya', leads: demoWorkspaceIds })
    const { page } = lead
    await openDocument(page, documentId)
    await typeAtEnd(page, ' Printed as typed.')

    // The export's own text is the reference for the numbering.
    const exported = await page.evaluate(async (id) => (await fetch(`/api/documents/${encodeURIComponent(id)}/export?format=txt&working=1`)).text(), documentId)
    const exportLines = exported.split('\n')
    const firstParagraph = exportLines.find((line) => /^1\. /.test(line))!
    const firstRecommendation = exportLines.find((line) => /^R1\. /.test(line))!
    expect(firstParagraph).toBeTruthy()
    expect(firstRecommendation).toBeTruthy()

    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-print-'))
    const pdf = path.join(dir, 'document.pdf')
    await page.pdf({ path: pdf, format: 'A4', printBackground: true })
    await page.emulateMedia({ media: 'print' })
    await screenshot(page, 'print-preview', { fullPage: true })
    await page.emulateMedia({ media: 'screen' })
    const extracted = spawnSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' })
    expect(extracted.status).toBe(0)
    const text = extracted.stdout.replace(/[ \t]+/g, ' ')

    // The document: its title, paragraphs and recommendations numbered as in the export, the links cited after the text.
    expect(text).toContain('Draft for the printer')
    expect(text).toContain('Printed as typed.')
    expect(text).toMatch(/(^|\n) ?1\. Guiding question/)
    expect(text).toMatch(/(^|\n) ?R1\. The group recommends/)
    expect(text).toContain(firstRecommendation.match(/\[[^\]]+\]$/)![0])
    // None of the application around it.
    for (const chrome of ['Sign out', 'Framework catalogue', 'Insert recommendation', 'Connected', 'Proposals', 'Comments', 'Revisions', 'Validation', '+ Link', 'Export', 'UNVERIFIED', 'Workspaces ›']) {
      expect(text, `the print shows "${chrome}"`).not.toContain(chrome)
    }

    expect(await page.locator('.app-header').isVisible()).toBe(true)
    fs.rmSync(dir, { recursive: true, force: true })
    expect(lead.pageErrors).toEqual([])
  })

  test('a bulleted list item shows in the editor as the exports print it: its paragraph number, no bullet', async () => {
    const secretariat = await signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    const { documentId } = await createDocument(secretariat.page, { title: 'Draft with a list', templateId: 'dtg1-critical-infrastructure' })
    const { page } = secretariat
    await openDocument(page, documentId)
    // The third paragraph becomes an item of a bulleted list.
    await clickInEditor(page, page.locator('.draft-text > p', { hasText: 'supply chain' }))
    await page.getByRole('button', { name: 'Bulleted list' }).click()
    const item = page.locator('.draft-text li.numbered', { hasText: 'supply chain' })
    await item.waitFor()
    expect(await item.evaluate((li) => getComputedStyle(li).listStyleType)).toBe('none')
    const shown = await item.getAttribute('data-paragraph-number')
    expect(shown).toMatch(/^\d+$/)

    await expect
      .poll(() => page.evaluate(async (id) => (await fetch(`/api/documents/${encodeURIComponent(id)}/export?format=txt&working=1`)).text(), documentId), { timeout: 10_000 })
      .toMatch(new RegExp(`(^|\\n)${shown}\\. Guiding question: What practices help States keep the ICT supply chain`))
    await secretariat.context.close()
  })
})
