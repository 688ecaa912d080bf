/** Never a blank app: screens are fetched ahead of need, kept offline by the service worker, and a failure shows in place with "Try again". */
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import type { TestServer } from '../helpers/server.ts'
import { connectionState, controlledByServiceWorker, createDocument, demoWorkspaceIds, inviteLink, launchChromium, openDocument, signIn, startServer, typeAtEnd } from './harness.ts'

/** The page shows something: the app has not unmounted into an empty root. */
async function rootText(page: Page): Promise<string> {
  return (await page.locator('#root').innerText()).trim()
}

describe('the app shell', () => {
  let server: TestServer
  let browser: Browser
  let documentId: string

  beforeAll(async () => {
    ;[server, browser] = await Promise.all([startServer(), launchChromium()])
    const secretariat = await signIn(browser, server, { name: 'Secretariat officer', role: 'secretariat', delegation: 'UNODA' })
    ;({ documentId } = await createDocument(secretariat.page, { title: 'Draft read on a plane', templateId: 'dtg1-critical-infrastructure' }))
    await secretariat.context.close()
  })

  afterAll(async () => {
    await browser?.close()
    await server?.stop()
  })

  test('offline after the first visit: the sign-out dialog and the compare page open, and nothing goes blank when the network returns', async () => {
    const lead = await signIn(browser, server, { name: 'Lars Berg', role: 'cofacilitator', delegation: 'Sweden', leads: demoWorkspaceIds })
    const { page, context, pageErrors } = lead
    await openDocument(page, documentId)
    await controlledByServiceWorker(page)

    await context.setOffline(true)
    await connectionState(page, /^Offline/)
    await typeAtEnd(page, ' Typed above the clouds.')
    await connectionState(page, /^Offline - [1-9]\d* unsynced changes?$/)

    // The sign-out dialog was never opened online: it comes from the precache.
    await page.getByRole('button', { name: 'Sign out' }).click()
    const dialog = page.getByRole('dialog', { name: 'Sign out?' })
    await dialog.waitFor()
    await dialog.getByRole('button', { name: 'Stay signed in' }).click()
    await dialog.waitFor({ state: 'detached' })

    // The compare page's code is there offline; its data is not, and it says so in place.
    await page.evaluate((id) => (window.location.hash = `#/documents/${encodeURIComponent(id)}/compare`), documentId)
    const failed = page.getByRole('alert').filter({ hasText: "Could not load the document's revisions" })
    await failed.waitFor()
    expect(await page.locator('.app-header').isVisible()).toBe(true)

    await context.setOffline(false)
    await failed.getByRole('button', { name: 'Try again' }).click()
    await page.getByRole('heading', { name: 'Compare versions', level: 1 }).waitFor()
    expect(await rootText(page)).toContain('Compare versions')

    // Reloaded offline, the shell still comes up (from the service worker's copy) and says the server is out of reach.
    await context.setOffline(true)
    await page.reload()
    const unreachable = page.getByRole('alert').filter({ hasText: 'The workspace cannot be reached: this browser is offline' })
    await unreachable.waitFor()
    expect(await unreachable.getByRole('button', { name: 'Try again' }).count()).toBe(1)
    // Back online, it tries again by itself.
    await context.setOffline(false)
    await page.getByRole('heading', { name: 'Compare versions', level: 1 }).waitFor()
    expect(pageErrors).toEqual([])
    await context.close()
  })

  test('a first visit whose offline copy failed to download makes it again a few seconds later', async () => {
    const context = await browser.newContext()
    // The service worker's first download of one screen is cut off (the page's own requests all go through).
    const cut: string[] = []
    await context.route(/\/assets\/SignOutDialog-[^/]+\.js$/, (route) => {
      if (route.request().serviceWorker() && cut.length === 0) {
        cut.push(route.request().url())
        return route.abort('connectionreset')
      }
      return route.continue()
    })
    const page = await context.newPage()
    await page.goto(await inviteLink(server, { name: 'Delegate of Chile', role: 'delegation', delegation: 'Chile' }))
    await page.locator('.member-name', { hasText: 'Delegate of Chile' }).waitFor()
    await controlledByServiceWorker(page, 30_000)
    expect(cut).toHaveLength(1)
    const cached = await page.evaluate(async () => {
      const key = (await caches.keys()).find((name) => name.startsWith('dtg-shell-'))
      const cache = key ? await caches.open(key) : null
      return cache ? (await cache.keys()).map((request) => new URL(request.url).pathname).filter((path) => path.includes('SignOutDialog')) : []
    })
    expect(cached).toHaveLength(1)
    await context.close()
  })

  test('messages that went stale clear: offline the "Valid" badge says when it was last checked, and a revision refused offline is forgotten online', async () => {
    const lead = await signIn(browser, server, { name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Kenya', leads: demoWorkspaceIds })
    const { page, context } = lead
    await openDocument(page, documentId)
    const badge = page.getByTestId('server-status')
    await badge.filter({ hasText: /^Server check: Valid$/ }).waitFor({ timeout: 15_000 })

    await context.setOffline(true)
    await badge.filter({ hasText: /Valid, last checked \d{1,2}:\d{2}/ }).waitFor()
    const cut = page.getByRole('form', { name: 'Cut a revision' })
    await cut.getByRole('button', { name: /^Cut revision/ }).click()
    const refused = cut.getByRole('alert').filter({ hasText: 'The revision was not cut' })
    await refused.waitFor()

    await context.setOffline(false)
    await refused.waitFor({ state: 'detached' })
    await badge.filter({ hasText: /^Server check: Valid$/ }).waitFor()
    expect(lead.pageErrors).toEqual([])
    await context.close()
  })

  describe('without a service worker', () => {
    let context: BrowserContext
    let page: Page
    /** While true, the compare page's script cannot be fetched. */
    let refuseCompare = true

    beforeAll(async () => {
      context = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1400, height: 1000 } })
      await context.route(/\/assets\/ComparePage-[^/]+\.js$/, (route) => (refuseCompare ? route.abort('internetdisconnected') : route.continue()))
      page = await context.newPage()
      page.setDefaultTimeout(15_000)
      await page.goto(await inviteLink(server, { name: 'Amina Odhiambo', role: 'cofacilitator', delegation: 'Kenya', leads: demoWorkspaceIds }))
      await page.locator('.member-name', { hasText: 'Amina Odhiambo' }).waitFor()
    })

    afterAll(() => context?.close())

    test('once idle, the page fetches the screens loaded on demand ahead of need', async () => {
      const fetched = async () =>
        page.evaluate(() => performance.getEntriesByType('resource').map((entry) => new URL(entry.name).pathname.replace(/^\/assets\//, '')))
      await expect.poll(async () => (await fetched()).filter((file) => /^(DocumentPage|MembersPage|CataloguePage|RevisionPage|SignOutDialog)-[^/]+\.js$/.test(file)).length, { timeout: 20_000 }).toBe(5)
    })

    test('a screen that cannot be fetched shows the error in place with "Try again", and loads when tried again', async () => {
      await page.evaluate((id) => (window.location.hash = `#/documents/${encodeURIComponent(id)}/compare`), documentId)
      const error = page.getByTestId('screen-error')
      await error.waitFor()
      expect(await error.textContent()).toContain('Could not show this page: this part of the application could not be fetched from the server')
      expect(await page.locator('.app-header').isVisible()).toBe(true)

      refuseCompare = false
      await error.getByRole('button', { name: 'Try again' }).click()
      await page.getByRole('heading', { name: 'Compare versions', level: 1 }).waitFor()
      expect(await page.getByTestId('screen-error').count()).toBe(0)
    })
  })

  test('a new deployment is announced, "a new version is ready", and reloading takes it', async () => {
    // The browser reaches the server through a pass-through proxy that can announce another build's worker, as a
    // new deployment would (the browser fetches the worker itself, out of the test's reach, so it cannot be routed).
    let nextBuild = false
    const deployment = await passThrough(server.port, (pathname, body) =>
      pathname === '/sw.js' && nextBuild ? body.replace(/const VERSION = "([^"]+)"/, 'const VERSION = "$1-next"') : body,
    )
    try {
      const context = await browser.newContext()
      const page = await context.newPage()
      const link = new URL(await inviteLink(server, { name: 'Delegate of Chile', role: 'delegation', delegation: 'Chile' }))
      await page.goto(`${deployment.url}/${link.hash}`)
      await page.locator('.member-name', { hasText: 'Delegate of Chile' }).waitFor()
      await controlledByServiceWorker(page)
      const firstVersion = await page.evaluate(async () => (await caches.keys()).find((key) => key.startsWith('dtg-shell-')))
      expect(firstVersion).toBeTruthy()
      // A second tab of the same application.
      const other = await context.newPage()
      await other.goto(`${deployment.url}/#/`)
      await other.locator('.member-name', { hasText: 'Delegate of Chile' }).waitFor()
      await controlledByServiceWorker(other)

      nextBuild = true
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update())
      const notice = page.getByTestId('update-notice')
      await notice.waitFor({ timeout: 20_000 })
      expect(await notice.textContent()).toContain('A new version is ready.')

      await notice.getByRole('button', { name: 'Reload' }).click()
      await expect
        .poll(() => page.evaluate(async () => (await caches.keys()).filter((key) => key.startsWith('dtg-shell-'))), { timeout: 20_000 })
        .toEqual([`${firstVersion}-next`])
      await page.locator('.member-name', { hasText: 'Delegate of Chile' }).waitFor()
      expect(await page.getByTestId('update-notice').count()).toBe(0)

      // The other tab was switched to the new version by the first: it still offers to reload, and reloading is enough.
      const otherNotice = other.getByTestId('update-notice')
      await otherNotice.waitFor()
      await Promise.all([other.waitForEvent('load'), otherNotice.getByRole('button', { name: 'Reload' }).click()])
      await other.locator('.member-name', { hasText: 'Delegate of Chile' }).waitFor()
      expect(await other.getByTestId('update-notice').count()).toBe(0)
      await context.close()
    } finally {
      await deployment.close()
    }
  })
})

/** An HTTP proxy to the test server on another port; `rewrite` may change the text of any answer. */
async function passThrough(port: number, rewrite: (pathname: string, body: string) => string): Promise<{ url: string; close: () => Promise<void> }> {
  const proxy = http.createServer((incoming, outgoing) => {
    const forwarded = http.request({ host: '127.0.0.1', port, path: incoming.url, method: incoming.method, headers: incoming.headers }, (answer) => {
      const pathname = new URL(incoming.url ?? '/', 'http://x').pathname
      if (pathname !== '/sw.js') {
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers)
        answer.pipe(outgoing)
        return
      }
      const chunks: Buffer[] = []
      answer.on('data', (chunk: Buffer) => chunks.push(chunk))
      answer.on('end', () => {
        const body = rewrite(pathname, Buffer.concat(chunks).toString('utf8'))
        outgoing.writeHead(answer.statusCode ?? 502, { ...answer.headers, 'content-length': String(Buffer.byteLength(body)) })
        outgoing.end(body)
      })
    })
    forwarded.on('error', () => outgoing.destroy())
    incoming.pipe(forwarded)
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const address = proxy.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () => {
      proxy.closeAllConnections()
      return new Promise((resolve) => proxy.close(() => resolve()))
    },
  }
}
