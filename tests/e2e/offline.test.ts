/** Typing while offline is kept in the browser, counted as unsynced, and reaches the server on reconnecting. */
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../helpers/server.ts'
import { connectionState, createDocument, launchChromium, openDocument, screenshot, signIn, startServer, typeAtEnd, type SignedIn, demoWorkspaceIds } from './harness.ts'
import { serverText } from './serverCopy.ts'

describe('offline editing in the browser', () => {
  let server: TestServer
  let browser: Browser
  let writer: SignedIn
  let reader: SignedIn
  let documentId: string

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    const secretariat = await signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    ;({ documentId } = await createDocument(secretariat.page, { title: 'Draft edited on a train', templateId: 'dtg1-critical-infrastructure' }))
    await secretariat.context.close()
    ;[writer, reader] = await Promise.all([
      signIn(browser, server, { name: 'Lars Berg', role: 'cofacilitator', delegation: 'Sweden', leads: demoWorkspaceIds }),
      signIn(browser, server, { name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Kenya', leads: demoWorkspaceIds }),
    ])
    await Promise.all([openDocument(writer.page, documentId), openDocument(reader.page, documentId)])
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('offline: the state says so and counts the unsynced changes; online: they sync and the count resets', async () => {
    const { page, context } = writer
    await context.setOffline(true)
    await connectionState(page, /^Offline - 0 unsynced changes$/)

    await typeAtEnd(page, ' Written offline, first.')
    await page.keyboard.press('Enter')
    await page.keyboard.type('Written offline, second.')
    await connectionState(page, /^Offline - \d+ unsynced changes?$/)
    const label = (await page.getByTestId('connection-state').textContent())!
    expect(Number(label.match(/(\d+) unsynced/)![1])).toBeGreaterThan(0)
    await screenshot(page, 'offline-unsynced-changes', { selector: '.document-header' })

    await new Promise((resolve) => setTimeout(resolve, 500))
    expect(await serverText(server, documentId)).not.toContain('Written offline')
    expect(await reader.page.locator('.draft-text').textContent()).not.toContain('Written offline')

    await context.setOffline(false)
    await connectionState(page, /^Connected$/)
    await expect.poll(() => serverText(server, documentId), { timeout: 10_000 }).toContain('Written offline, second.')
    expect(await serverText(server, documentId)).toContain('Written offline, first.')
    await expect.poll(() => reader.page.locator('.draft-text').textContent(), { timeout: 10_000 }).toContain('Written offline, second.')
  })

  test('what was typed offline is kept in the browser (IndexedDB) when the page is left, and syncs when it is opened again', async () => {
    const { page, context } = writer
    await context.setOffline(true)
    await connectionState(page, /^Offline/)
    await typeAtEnd(page, ' Kept in this browser.')
    await connectionState(page, /^Offline - [1-9]\d* unsynced changes?$/)
    // Let y-indexeddb write the update before the page goes away.
    await new Promise((resolve) => setTimeout(resolve, 500))

    // Leave the page while offline, then come back online with the collaboration socket refused:
    // only IndexedDB can bring the text back.
    const documentUrl = page.url()
    await page.goto('about:blank')
    await page.routeWebSocket(/\/collab\//, (socket) => socket.close())
    await context.setOffline(false)
    await page.goto(documentUrl)
    await page.locator('.draft-text').waitFor()
    await expect.poll(() => page.locator('.draft-text').textContent(), { timeout: 10_000 }).toContain('Kept in this browser.')
    expect(await serverText(server, documentId)).not.toContain('Kept in this browser.')

    const fresh = await context.newPage()
    await fresh.goto(documentUrl)
    await page.close()
    await openDocument(fresh, documentId)
    await expect.poll(() => serverText(server, documentId), { timeout: 10_000 }).toContain('Kept in this browser.')
    expect(writer.pageErrors).toEqual([])
  })
})
