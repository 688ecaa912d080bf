/** A delegation reads along: its editor is visibly read-only, and nothing it types reaches the server. */
import type { Browser, Page, WebSocket } from 'playwright-core'
import * as decoding from 'lib0/decoding'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../helpers/server.ts'
import { connectionState, createDocument, launchChromium, openDocument, screenshot, signIn, startServer, typeAtEnd, type SignedIn, demoWorkspaceIds } from './harness.ts'
import { serverText } from './serverCopy.ts'

/** The binary frames a page sends on its document's socket while it is opened again, then while `meanwhile` runs. */
async function framesSentOnReload(page: Page, meanwhile: () => Promise<unknown>): Promise<Buffer[]> {
  const sent: Buffer[] = []
  const listen = (socket: WebSocket) => {
    if (socket.url().includes('/collab/')) socket.on('framesent', ({ payload }) => typeof payload !== 'string' && sent.push(payload))
  }
  page.on('websocket', listen)
  try {
    await page.reload()
    await page.locator('.draft-text').waitFor()
    await connectionState(page, 'Connected')
    await meanwhile()
  } finally {
    page.off('websocket', listen)
  }
  return sent
}

describe('a delegation in the browser', () => {
  let server: TestServer
  let browser: Browser
  let delegation: SignedIn
  let cofacilitator: SignedIn
  let documentId: string

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    const secretariat = await signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    ;({ documentId } = await createDocument(secretariat.page, { title: 'Zero draft for delegations', templateId: 'dtg1-critical-infrastructure' }))
    await secretariat.context.close()
    ;[delegation, cofacilitator] = await Promise.all([
      signIn(browser, server, { name: 'Maria Souza', role: 'delegation', delegation: 'Brazil' }),
      signIn(browser, server, { name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Kenya', leads: demoWorkspaceIds }),
    ])
    await Promise.all([openDocument(delegation.page, documentId), openDocument(cofacilitator.page, documentId)])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('sees a read-only editor: a banner saying why, no toolbar, no link controls', async () => {
    const { page } = delegation
    expect(await page.locator('.read-only-banner').textContent()).toMatch(/Read-only\..*delegation.*only\s+co-facilitators and the secretariat edit/s)
    expect(await page.getByRole('toolbar').count()).toBe(0)
    expect(await page.locator('.draft-text').getAttribute('contenteditable')).toBe('false')
    expect(await page.locator('.recommendation').count()).toBeGreaterThan(0)
    expect(await page.locator('.ref-remove, .add-link').count()).toBe(0)
    expect(await page.locator('.ref-chip').count()).toBeGreaterThan(0)
    await screenshot(page, 'read-only-delegation')
  })

  test('what it types changes nothing, in its own view or on the server', async () => {
    const before = await serverText(server, documentId)
    await typeAtEnd(delegation.page, 'Brazil tries to edit.')
    await delegation.page.keyboard.press('Enter')
    await delegation.page.keyboard.press('Backspace')
    await new Promise((resolve) => setTimeout(resolve, 1000))

    expect(await delegation.page.locator('.draft-text').textContent()).not.toContain('Brazil tries to edit.')
    expect(await serverText(server, documentId)).toBe(before)
    expect(await cofacilitator.page.locator('.draft-text').textContent()).not.toContain('Brazil tries to edit.')
    // The read-only editor never even tries to write: the server had nothing to refuse.
    expect(delegation.consoleProblems.filter((message) => /permission denied/i.test(message))).toEqual([])
  })

  test('follows the co-facilitator live, and both see each other in the presence list', async () => {
    await typeAtEnd(cofacilitator.page, ' Text for delegations to read.')
    await expect.poll(() => delegation.page.locator('.draft-text').textContent(), { timeout: 10_000 }).toContain('Text for delegations to read.')
    // A deletion too: from now on the delegation's copy holds deletions, which its answer to the server's sync step 1 carries.
    await typeAtEnd(cofacilitator.page, ' Typo')
    await expect.poll(() => delegation.page.locator('.draft-text').textContent(), { timeout: 10_000 }).toContain('read. Typo')
    for (let i = 0; i < 5; i++) await cofacilitator.page.keyboard.press('Backspace')
    await expect.poll(() => delegation.page.locator('.draft-text').textContent(), { timeout: 10_000 }).not.toContain('Typo')
    await expect.poll(() => cofacilitator.page.locator('.presence .participant').allTextContents()).toEqual(
      expect.arrayContaining([expect.stringContaining('Maria Souza'), expect.stringContaining('Amina Odhiambo')]),
    )
    expect(await cofacilitator.page.locator('.participant', { hasText: 'Maria Souza' }).textContent()).toContain('Brazil')
    expect(delegation.pageErrors).toEqual([])
  })
  test('opened again, neither browser sends the copy it keeps (nor what it received) back to the server, nor is refused', async () => {
    for (const member of [delegation, cofacilitator]) {
      const sent = await framesSentOnReload(member.page, () => new Promise((resolve) => setTimeout(resolve, 1000)))
      // Document messages (y-websocket type 0): the sync step 1 opening the connection, and the reply to the server's,
      // which carries nothing (the server has all this browser holds); never the document as an update (type 2).
      const documentFrames = sent.filter((payload) => payload[0] === 0)
      expect(documentFrames.length).toBeGreaterThan(0)
      expect(documentFrames.filter((payload) => payload[1] === 2).map((payload) => payload.length)).toEqual([])
      expect(documentFrames.every((payload) => payload.length < 100)).toBe(true)
    }
    expect(delegation.consoleProblems.filter((message) => /permission denied/i.test(message))).toEqual([])
  })
  test("sends its own presence only, never back the others' it receives", async () => {
    const sent = await framesSentOnReload(delegation.page, async () => {
      // The co-facilitator's caret moves with each character: a presence change each time, relayed to the delegation.
      await typeAtEnd(cofacilitator.page, ' Presence moves.')
      await expect.poll(() => delegation.page.locator('.draft-text').textContent(), { timeout: 10_000 }).toContain('Presence moves.')
      await new Promise((resolve) => setTimeout(resolve, 500))
    })
    // Presence messages (y-websocket type 1): each an awareness update, a count then (client id, clock, state) each.
    const clientIds = new Set<number>()
    for (const payload of sent.filter((frame) => frame[0] === 1)) {
      const update = decoding.createDecoder(decoding.readVarUint8Array(decoding.createDecoder(payload.subarray(1))))
      const count = decoding.readVarUint(update)
      for (let i = 0; i < count; i++) {
        clientIds.add(decoding.readVarUint(update))
        decoding.readVarUint(update)
        decoding.readVarString(update)
      }
    }
    expect(clientIds.size).toBe(1)
  })
})
