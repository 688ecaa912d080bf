/**
 * Negotiation in the text, between browsers: a delegation proposes a replacement on text selected in its read-only
 * editor; the co-facilitator sees it inline, live, as a tracked change with Kenya's chip, and accepts it, and every
 * editor receives the text; a second delegation supports another proposal and the chip's count follows; proposals
 * bracketed by the co-facilitator show as square brackets and as "Alt 1" / "Alt 2" with their proposers, counted in
 * the validation panel; the compilation of proposals is previewed and downloaded; a stakeholder sees no propose control.
 */
import fs from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import * as Y from 'yjs'
import { alternative, alternatives, bracketed, doc, heading, paragraph } from '../../shared/schema/draftBuilders.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import type { Proposal, ProposalList } from '../../shared/schema/proposals.ts'
import { connectClient, waitFor } from '../helpers/clients.ts'
import { mintToken, type TestServer } from '../helpers/server.ts'
import { api, createDocument, launchChromium, openDocument, pressInEditor, screenshot, signIn, startServer, type SignedIn } from './harness.ts'
import { selectPassage } from './selection.ts'

const replaced = 'keep the ICT supply chain of critical services trustworthy'
const replacement = 'secure the ICT supply chain of critical services end to end'
const beforeNewParagraph = 'emergency response teams be shielded from harm'
const newParagraph = 'States should designate national points of contact for critical infrastructure incidents.'
const contested = 'public-private cooperation'
const alternativeText = 'multistakeholder cooperation'
const deleted = 'and answered quickly'

const card = (page: Page, text: string) => page.getByTestId('proposal-card').filter({ hasText: text })
const chipOf = (page: Page, proposalId: string) => page.locator(`.draft-text .proposal-chip[data-proposal-id="${proposalId}"]`)

/** Selects a passage, opens the propose form from the bubble, fills it in and sends it; returns the stored proposal. */
async function proposeOnSelection(page: Page, documentId: string, passage: string, kind: string, text?: string): Promise<Proposal> {
  await selectPassage(page, passage)
  await page.getByTestId('propose-bubble').click()
  const form = page.locator('.new-proposal')
  await form.getByRole('radio', { name: kind }).check()
  if (text !== undefined) await form.locator('textarea').first().fill(text)
  await form.getByRole('button', { name: 'Send proposal' }).click()
  await form.waitFor({ state: 'detached' })
  const { proposals } = await api<ProposalList>(page, 'GET', `/api/documents/${documentId}/proposals`)
  const made = proposals.filter((proposal) => proposal.quote.includes(passage) || proposal.text === text).at(-1)
  if (!made) throw new Error(`no proposal on "${passage}"`)
  return made
}

describe('proposals in the browser', () => {
  let server: TestServer
  let browser: Browser
  let kenya: SignedIn
  let brazil: SignedIn
  let cofacilitator: SignedIn
  let stakeholder: SignedIn
  let documentId: string
  let workspaceId: string
  let replacementId: string
  let paragraphId: string

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    const secretariat = await signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    const created = await createDocument(secretariat.page, { title: 'Zero draft under negotiation', templateId: 'dtg1-critical-infrastructure' })
    documentId = created.documentId
    workspaceId = created.workspaceId
    await secretariat.context.close()
    kenya = await signIn(browser, server, { name: 'Wanjiru Kamau', role: 'delegation', delegation: 'Kenya' })
    brazil = await signIn(browser, server, { name: 'João Silva', role: 'delegation', delegation: 'Brazil' })
    cofacilitator = await signIn(browser, server, { name: 'Ana Lucía Pérez', role: 'cofacilitator', delegation: 'Mexico', leads: [created.workspaceId] })
    stakeholder = await signIn(browser, server, { name: 'Dr. Lena Vogt', role: 'stakeholder', delegation: 'ICT4Peace Foundation' })
    for (const { page } of [kenya, brazil, cofacilitator, stakeholder]) {
      // Four editors with live streams on two shared cores: more patience than the harness's default.
      page.setDefaultTimeout(20_000)
      await openDocument(page, documentId)
    }
    // Five members signed in by invite (each an admin CLI process), then four documents opened.
  }, 180_000)

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('a delegation proposes a replacement on text selected in its read-only editor; the co-facilitator sees it inline, live', async () => {
    const { page } = kenya
    expect(await page.locator('.draft-text').getAttribute('contenteditable')).toBe('false')
    await expect.poll(() => cofacilitator.page.locator('.proposals-panel .panel-summary').textContent()).toBe('0 open, 0 accepted, 0 rejected, 0 bracketed')
    // Before a place in the text is chosen, Propose asks for one (the editor opens with its selection at the title's start).
    await page.getByRole('button', { name: 'Propose…' }).click()
    await page.locator('.proposals-panel').getByText('Click into the text, or select a passage, then choose Propose.').waitFor()
    expect(await page.locator('.new-proposal').count()).toBe(0)
    // Escape closes the propose form, as it does the comment form.
    await selectPassage(page, replaced)
    await page.getByTestId('propose-bubble').click()
    await page.locator('.new-proposal').getByRole('radio').first().press('Escape')
    await page.locator('.new-proposal').waitFor({ state: 'detached' })
    // From the keyboard: a button opens the form on the selection, Escape gives it up, and focus goes back to the button.
    for (const [name, form] of [
      ['Propose…', '.new-proposal'],
      ['Comment on selection', '.new-thread'],
    ]) {
      await selectPassage(page, replaced)
      const opener = page.getByRole('button', { name, exact: true })
      await opener.focus()
      await page.keyboard.press('Enter')
      await page.locator(`${form} textarea`).first().waitFor()
      await page.keyboard.press('Escape')
      await page.locator(form).waitFor({ state: 'detached' })
      await expect.poll(() => opener.evaluate((node) => node === document.activeElement), { timeout: 5000 }).toBe(true)
    }

    const proposal = await proposeOnSelection(page, documentId, replaced, 'Replace the selected text', replacement)
    replacementId = proposal.id
    expect(proposal).toMatchObject({ kind: 'replace', quote: replaced, text: replacement, status: 'open', proposer: { delegation: 'Kenya' } })
    await card(page, replacement).waitFor()

    // The co-facilitator has not reloaded: the proposal arrives on the event stream and is drawn as a tracked change.
    const other = cofacilitator.page
    await other.locator('.draft-text .proposal-deletion', { hasText: replaced }).waitFor({ timeout: 10_000 })
    expect(await other.locator('.draft-text .proposal-insertion').first().textContent()).toBe(replacement)
    const chip = chipOf(other, replacementId)
    expect(await chip.locator('.proposal-chip-who').textContent()).toBe('Kenya')
    expect(await chip.getAttribute('aria-label')).toBe('Proposed replacement by Kenya: 0 supporters, 0 objections')
    // The suggestion is not in the document: the shared text still holds the old wording.
    expect(await other.locator('.draft-text').textContent()).toContain(replaced)
    expect(await card(other, replacement).locator('.proposal-where').textContent()).toMatch(/^(para\. \d+|R\d+)$/)
    // Stakeholders read proposals but do not propose.
    await stakeholder.page.locator('.draft-text .proposal-deletion', { hasText: replaced }).waitFor({ timeout: 10_000 })
    expect(await stakeholder.page.getByRole('button', { name: 'Propose…' }).count()).toBe(0)
    expect(await stakeholder.page.locator('.proposals-by-states').textContent()).toMatch(/^Text is proposed by delegations; as a stakeholder you comment/)
    expect(await stakeholder.page.getByTestId('proposal-card').getByRole('button', { name: 'Support' }).count()).toBe(0)
  })

  test('a second delegation supports another proposal; the chip and its summary follow, live', async () => {
    const proposal = await proposeOnSelection(kenya.page, documentId, beforeNewParagraph, 'New paragraph after this one', newParagraph)
    paragraphId = proposal.id
    // Kenya takes no stance on its own proposal.
    expect(await card(kenya.page, newParagraph).getByRole('button', { name: 'Support' }).count()).toBe(0)

    const own = card(brazil.page, newParagraph)
    await own.waitFor({ timeout: 10_000 })
    await own.getByLabel('Reason for your stance (optional)').fill('points of contact speed up assistance')
    await own.getByRole('button', { name: 'Support' }).click()
    await own.getByText('Supported by Brazil (points of contact speed up assistance)').waitFor()

    const other = cofacilitator.page
    const ghost = other.locator(`.draft-text .proposal-ghost[data-proposal-id="${paragraphId}"]`)
    await ghost.waitFor({ timeout: 10_000 })
    expect(await ghost.locator('.proposal-insertion').textContent()).toBe(newParagraph)
    const chip = chipOf(other, paragraphId)
    await expect.poll(() => chip.getAttribute('aria-label'), { timeout: 10_000 }).toBe('Proposed new paragraph by Kenya: 1 supporter, 0 objections')
    // The summary beside the chip, not in it: what the chip shows stays within its spoken name.
    expect(await other.locator(`#proposal-tip-${paragraphId}`).textContent()).toBe('Proposed by Kenya; supported by Brazil')
    expect(await chip.locator('.proposal-tip').count()).toBe(0)

    // Keyboard focus shows the same summary as hovering.
    await chipOf(other, replacementId).focus()
    await other.locator(`#proposal-tip-${replacementId}`).waitFor({ state: 'visible' })
    await chipOf(other, replacementId).scrollIntoViewIfNeeded()
    await screenshot(other, 'proposals-inline')

    // Choosing a chip in the text brings its proposal forward in the panel.
    await chipOf(other, paragraphId).click()
    await expect.poll(() => card(other, newParagraph).getAttribute('class')).toContain('is-active')
  })

  test('the co-facilitator accepts the replacement: every editor receives the text, credited to Kenya', async () => {
    const other = cofacilitator.page
    // A revision of the text before the decision, to compare with afterwards.
    const { revision } = await api<{ revision: { id: number } }>(other, 'POST', `/api/documents/${documentId}/revisions`, { label: 'Before the decision' })
    await card(other, replacement).getByRole('button', { name: 'Accept' }).click()
    for (const { page } of [kenya, brazil, cofacilitator, stakeholder]) {
      await expect.poll(() => page.locator('.draft-text').textContent(), { timeout: 10_000 }).toContain(replacement)
      // The suggestion goes once the proposal's event says it was accepted (a moment after the text itself).
      await expect.poll(() => page.locator('.draft-text .proposal-deletion', { hasText: replaced }).count(), { timeout: 10_000 }).toBe(0)
    }
    const { proposals } = await api<ProposalList>(other, 'GET', `/api/documents/${documentId}/proposals`)
    expect(proposals.find((proposal) => proposal.id === replacementId)).toMatchObject({ status: 'accepted', creditedTo: 'Kenya', decision: { by: { name: 'Ana Lucía Pérez' } } })

    // Kenya's panel shows it under Accepted, live.
    await kenya.page.locator('.proposal-status-filter').getByRole('radio', { name: 'Accepted' }).click()
    await card(kenya.page, replacement).getByText(/Accepted by Ana Lucía Pérez/).waitFor({ timeout: 10_000 })
    await kenya.page.locator('.proposal-status-filter').getByRole('radio', { name: 'All' }).click()
    await screenshot(kenya.page, 'proposals-panel', { selector: '.proposals-panel' })

    // The redline against the revision names the proposer of the change, under its block.
    await brazil.page.goto(`${server.url}/#/documents/${documentId}/compare?from=${revision.id}&to=current`)
    try {
      await brazil.page.locator('.redline-credit', { hasText: 'on the proposal of Kenya' }).first().waitFor({ timeout: 15_000 })
      expect(await brazil.page.locator('.redline .redline-credit').allTextContents()).toContain('replaced on the proposal of Kenya')
    } finally {
      await openDocument(brazil.page, documentId)
    }
  })

  test('brackets and alternatives in a text render as square brackets and Alt 1 / Alt 2 with proposers, counted in validation', async () => {
    // A text as negotiation leaves it, written through a y-websocket client.
    const token = await mintToken(server.dataDir, 'Seeding robot', 'secretariat')
    const response = await fetch(`${server.url}/api/workspaces/${workspaceId}/documents`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ title: 'Rev.1 with brackets', kind: 'annual-summary' }),
    })
    const { document } = (await response.json()) as { document: { id: string } }
    const writer = connectClient(server.wsUrl, document.id, token)
    try {
      await waitFor(() => writer.provider.synced, 'the writer to sync', 10_000)
      const text = doc(
        heading(1, 'Rev.1'),
        paragraph('States should notify affected States ', bracketed('within 72 hours', ['Kenya']), ' of incidents affecting critical infrastructure.'),
        alternatives(
          alternative([], 'Capacity-building should be demand-driven and sustainable.'),
          alternative(['Brazil', 'Chile'], 'Capacity-building should be demand-driven, sustainable and gender-responsive.'),
        ),
        paragraph('The group welcomed the contributions of stakeholders.'),
      )
      const seed = prosemirrorJSONToYDoc(draftSchema, text, 'content')
      Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(seed))
      await new Promise((resolve) => setTimeout(resolve, 300))
    } finally {
      writer.destroy()
    }

    const { page } = cofacilitator
    await openDocument(page, document.id)
    const bracket = page.locator('.draft-text .bracketed', { hasText: 'within 72 hours' })
    await bracket.waitFor()
    expect(await bracket.evaluate((node) => [getComputedStyle(node, '::before').content, getComputedStyle(node, '::after').content])).toEqual(['"["', '"]"'])
    expect(await bracket.getAttribute('title')).toBe('Bracketed on the proposal of Kenya')
    const versions = page.locator('.draft-text .alternatives .alternative')
    expect(await versions.count()).toBe(2)
    expect(await versions.locator('.alternative-proposers').allTextContents()).toEqual(['text as it stood', 'proposed by Brazil, Chile'])
    // "Alt 1", "Alt 2" are CSS counters: what is painted is read from the computed style.
    expect(await versions.evaluateAll((nodes) => nodes.map((node) => getComputedStyle(node.querySelector('.alternative-number')!, '::before').content))).toEqual([
      '"Alt " counter(alternative)',
      '"Alt " counter(alternative)',
    ])
    // Numbered once the numbers are derived from the text that arrived (a moment after it is drawn).
    await expect.poll(() => versions.nth(1).evaluate((node) => (node.parentElement as HTMLElement).getAttribute('data-paragraph-number'))).toBe('2')
    await expect.poll(() => page.getByTestId('negotiation-count').textContent()).toBe('1 bracketed passage, 1 block of alternatives: not ready for submission to the plenary.')
    await screenshot(page, 'brackets-alternatives')
    await openDocument(page, documentId)
  })

  test('bracketed proposals go into the text as square brackets and as alternatives with their proposers', async () => {
    const alternative = await proposeOnSelection(brazil.page, documentId, contested, 'Replace the selected text', alternativeText)
    const deletion = await proposeOnSelection(kenya.page, documentId, deleted, 'Delete the selected text')
    const other = cofacilitator.page
    await card(other, alternativeText).getByRole('button', { name: 'Bracket' }).click()
    await card(other, deleted).waitFor({ timeout: 10_000 })
    await card(other, deleted).getByRole('button', { name: 'Bracket' }).click()

    for (const { page } of [cofacilitator, kenya]) {
      const versions = page.locator('.draft-text .alternatives .alternative')
      await expect.poll(() => versions.count(), { timeout: 10_000 }).toBe(2)
      await expect.poll(() => versions.nth(1).locator('.alternative-proposers').textContent(), { timeout: 10_000 }).toBe('proposed by Brazil')
      await expect.poll(() => versions.nth(1).locator('.alternative-text').textContent(), { timeout: 10_000 }).toContain(alternativeText)
      // "Alt 1", "Alt 2" are CSS counters: read what the browser paints, once the editor has rendered both versions
      // whole (the count can reach 2 while the second one's parts are still being drawn).
      const labels = () =>
        versions.evaluateAll((nodes) =>
          nodes.map((node) => {
            const number = node.querySelector('.alternative-number')
            return number ? getComputedStyle(number, '::before').content : null
          }),
        )
      await expect.poll(labels, { timeout: 10_000 }).toEqual(['"Alt " counter(alternative)', '"Alt " counter(alternative)'])
      const bracketed = page.locator('.draft-text .bracketed', { hasText: 'quickly' })
      await bracketed.waitFor({ timeout: 10_000 })
      const brackets = () => bracketed.first().evaluate((node) => [getComputedStyle(node, '::before').content, getComputedStyle(node, '::after').content])
      await expect.poll(brackets, { timeout: 10_000 }).toEqual(['"["', '"]"'])
    }
    await expect.poll(() => other.getByTestId('negotiation-count').textContent(), { timeout: 10_000 }).toMatch(/bracketed passage.*1 block of alternatives|1 block of alternatives/)
    const { proposals } = await api<ProposalList>(other, 'GET', `/api/documents/${documentId}/proposals`)
    expect(proposals.filter((proposal) => [alternative.id, deletion.id].includes(proposal.id)).map((proposal) => proposal.status)).toEqual(['bracketed', 'bracketed'])

    // A bracketed proposal's place is where its brackets are in the text as it is now: a paragraph added above it
    // renumbers it, and its card follows.
    const placeOfBrackets = () =>
      other
        .locator('.draft-text .bracketed', { hasText: 'quickly' })
        .first()
        .evaluate((node) => `para. ${node.closest('[data-paragraph-number]')?.getAttribute('data-paragraph-number')}`)
    await other.locator('.proposal-status-filter').getByRole('radio', { name: 'All' }).click()
    const before = await placeOfBrackets()
    await expect.poll(() => card(other, deleted).locator('.proposal-where').textContent(), { timeout: 10_000 }).toBe(before)
    await selectPassage(other, 'Which ICT threats')
    await pressInEditor(other, 'ArrowLeft')
    await pressInEditor(other, 'Enter')
    await expect.poll(placeOfBrackets, { timeout: 10_000 }).not.toBe(before)
    await expect.poll(() => card(other, deleted).locator('.proposal-where').textContent(), { timeout: 10_000 }).toBe(await placeOfBrackets())
    // An accepted replacement's place is where its text now stands.
    const placeOfAccepted = await other
      .locator('.draft-text p', { hasText: replacement })
      .first()
      .evaluate((node) => `para. ${node.closest('[data-paragraph-number]')?.getAttribute('data-paragraph-number')}`)
    await expect.poll(() => card(other, replacement).locator('.proposal-where').textContent(), { timeout: 10_000 }).toBe(placeOfAccepted)
    await pressInEditor(other, 'Backspace')
    await expect.poll(placeOfBrackets, { timeout: 10_000 }).toBe(before)
    await other.locator('.proposal-status-filter').getByRole('radio', { name: 'Open' }).click()

    // The export form starts on a working copy and says why: brackets and alternatives remain.
    await other.getByRole('button', { name: 'Export…' }).click()
    const dialog = other.getByRole('dialog', { name: 'Export' })
    const workingCopy = dialog.getByRole('checkbox', { name: 'Working copy' })
    await expect.poll(() => workingCopy.isChecked(), { timeout: 10_000 }).toBe(true)
    expect(await dialog.getByTestId('export-not-ready').textContent()).toMatch(/^The current text cannot be exported for submission yet \(bracketed passages to settle: \d+; blocks of alternatives to settle: 1\)/)
    // For submission the export is refused while they remain, and offers the working copy, which prints them.
    await workingCopy.uncheck()
    await dialog.getByLabel('Markdown').check()
    await dialog.getByRole('button', { name: 'Download' }).click()
    const refusal = dialog.getByRole('alert')
    await refusal.waitFor()
    expect(await refusal.textContent()).toContain('cannot be exported for submission')
    const [download] = await Promise.all([other.waitForEvent('download'), refusal.getByRole('button', { name: 'Download as working copy' }).click()])
    expect(fs.readFileSync((await download.path())!, 'utf8')).toContain('Draft - not for submission')
    await dialog.getByRole('button', { name: 'Close' }).click()

    await other.locator('.draft-text .alternatives').scrollIntoViewIfNeeded()
    await screenshot(other, 'proposals-bracketed')
  })

  test('the compilation of proposals: previewed in the panel, downloaded as Markdown', async () => {
    const { page } = cofacilitator
    const compilation = page.getByTestId('proposal-compilation')
    await compilation.locator('summary').click()
    await compilation.getByRole('button', { name: 'Preview' }).click()
    await compilation.locator('.compiled-proposal').first().waitFor()
    expect(await compilation.locator('.compilation-summary').textContent()).toMatch(/^4 proposals on \d+ blocks$/)
    expect(await compilation.locator('.compiled-proposal', { hasText: newParagraph }).textContent()).toContain('Supported by Brazil (points of contact speed up assistance)')
    // As the downloads do: the passage a deletion takes out, and the decision taken on it.
    const deletion = compilation.locator('.compiled-proposal', { hasText: 'Deletion' })
    expect(await deletion.locator('.proposal-old').textContent()).toBe(deleted)
    expect(await deletion.locator('.proposal-decision').textContent()).toBe('Bracketed by Ana Lucía Pérez')
    await compilation.scrollIntoViewIfNeeded()
    await screenshot(page, 'proposals-compilation', { selector: '.proposals-panel' })

    await compilation.getByRole('radio', { name: 'Markdown' }).check()
    const [download] = await Promise.all([page.waitForEvent('download'), compilation.getByRole('button', { name: 'Download' }).click()])
    const markdown = fs.readFileSync((await download.path())!, 'utf8')
    expect(markdown).toContain(newParagraph)
    expect(markdown).toContain('Kenya')
    expect(markdown).toContain('Brazil')
  })

  test('nothing broke in any page', () => {
    for (const signedIn of [kenya, brazil, cofacilitator, stakeholder]) expect(signedIn.pageErrors).toEqual([])
  })
})
