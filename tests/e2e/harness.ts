/** Browser tests' harness: the real server, Chromium, members signed in by invite links from the admin CLI. */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core'
import type { Role } from '../../shared/schema/member.ts'
import { repoRoot, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'

const run = promisify(execFile)

export const screenshotDir = path.join(repoRoot, 'test-artifacts', 'screenshots')

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

/** The workspaces `npm start` creates on an empty data directory, one per DTG, for the current year. */
export const demoWorkspaceIds = [1, 2].map((dtg) => `dtg${dtg}-${new Date().getFullYear()}`)

export function startServer(): Promise<TestServer> {
  return startTestServer(tempDataDir(), { ROOM_IDLE_MS: '1000' })
}

export interface Invitee {
  name: string
  role: Role
  delegation?: string
  regionalGroup?: string
  /** Workspaces the member co-facilitates, such as the demo's `dtg1-<year>`. */
  leads?: string[]
}

/** A one-time sign-in link from `npm run admin -- invite`, pointed at the test server. */
export async function inviteLink(server: TestServer, invitee: Invitee): Promise<string> {
  const args = ['--import', 'tsx', 'server/cli.ts', 'invite', '--name', invitee.name, '--role', invitee.role]
  if (invitee.delegation) args.push('--delegation', invitee.delegation)
  if (invitee.regionalGroup) args.push('--regional-group', invitee.regionalGroup)
  if (invitee.leads?.length) args.push('--leads', invitee.leads.join(','))
  const { stdout } = await run(process.execPath, args, { cwd: repoRoot, env: { ...process.env, DATA_DIR: server.dataDir, LOG_LEVEL: 'warn' } })
  const lastLine = stdout.trim().split('\n').at(-1) ?? ''
  const token = lastLine.match(/#invite=(\S+)$/)?.[1]
  if (!token) throw new Error(`admin invite printed no link:\n${stdout}`)
  return `${server.url}/#invite=${token}`
}

export interface SignedIn {
  context: BrowserContext
  page: Page
  /** Errors thrown in the page, for assertions that nothing broke. */
  pageErrors: string[]
  /** Warnings and errors the page logged to its console. */
  consoleProblems: string[]
}

/** A fresh browser context (its own cookies and IndexedDB) signed in through an invite link. */
export async function signIn(browser: Browser, server: TestServer, invitee: Invitee): Promise<SignedIn> {
  const link = await inviteLink(server, invitee)
  const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } })
  const page = await context.newPage()
  page.setDefaultTimeout(10_000)
  const pageErrors: string[] = []
  const consoleProblems: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  page.on('console', (message) => {
    if (message.type() === 'warning' || message.type() === 'error') consoleProblems.push(message.text())
  })
  await page.goto(link)
  await page.locator('.member-name', { hasText: invitee.name }).waitFor()
  return { context, page, pageErrors, consoleProblems }
}

/** Calls the REST API from inside the page, with its session cookie, as the client itself would. */
export async function api<T>(page: Page, method: string, url: string, body?: unknown): Promise<T> {
  const result = await page.evaluate(
    async ({ method, url, body }) => {
      const response = await fetch(url, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      })
      return { status: response.status, json: response.status === 204 ? null : await response.json() }
    },
    { method, url, body },
  )
  if (result.status >= 400) throw new Error(`${method} ${url} answered ${result.status}: ${JSON.stringify(result.json)}`)
  return result.json as T
}

export interface CreatedDocument {
  workspaceId: string
  documentId: string
}

/** A new document in a workspace (the first there is, or a new one), created by the secretariat. */
export async function createDocument(secretariat: Page, options: { title: string; templateId?: string }): Promise<CreatedDocument> {
  const existing = await api<{ id: string }[]>(secretariat, 'GET', '/api/workspaces')
  const workspaceId =
    existing[0]?.id ?? (await api<{ id: string }>(secretariat, 'POST', '/api/workspaces', { dtg: 1, year: 2030, title: 'DTG 1 test workspace' })).id
  const { document } = await api<{ document: { id: string } }>(secretariat, 'POST', `/api/workspaces/${workspaceId}/documents`, {
    title: options.title,
    kind: 'recommendations',
    ...(options.templateId ? { templateId: options.templateId } : {}),
  })
  return { workspaceId, documentId: document.id }
}

/**
 * Opens a document and waits until the editor shows it synced with the server. The paragraph and recommendation
 * numbers (and the labels made from them) are derived a moment after that: poll them, never read them once.
 */
export async function openDocument(page: Page, documentId: string): Promise<void> {
  await page.goto(`${new URL(page.url()).origin}/#/documents/${encodeURIComponent(documentId)}`)
  await page.locator('.draft-text').waitFor()
  await connectionState(page, 'Connected')
}

/**
 * Waits until the service worker controls the page (the shell and its screens are then precached). If it does not,
 * the error says where the registration stood, and the page's console problems.
 */
export async function controlledByServiceWorker(page: Page, timeout = 20_000): Promise<void> {
  try {
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout })
  } catch (error) {
    const state = await page
      .evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration()
        if (!registration) return 'no registration'
        const { installing, waiting, active } = registration
        return `installing ${installing?.state ?? '-'}, waiting ${waiting?.state ?? '-'}, active ${active?.state ?? '-'}`
      })
      .catch((reason: unknown) => `unreadable (${String(reason)})`)
    throw new Error(`the service worker did not take control of ${page.url()} in ${timeout} ms: ${state}`, { cause: error })
  }
}

export async function connectionState(page: Page, text: string | RegExp, timeout = 15_000): Promise<void> {
  await page.getByTestId('connection-state').filter({ hasText: text }).waitFor({ timeout })
}

/**
 * Waits until the editor has read the browser's selection. Chromium reports a selection moved by a click or an arrow
 * key in a later task, and headless it can come after the next synthetic key press.
 */
export async function settleSelection(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const view = (document.querySelector('.ProseMirror') as (HTMLElement & { editor?: { view: EditorViewLike } }) | null)?.editor?.view
      const selection = document.getSelection()
      if (!view || !selection?.focusNode || !view.dom.contains(selection.focusNode)) return true
      try {
        return view.posAtDOM(selection.focusNode, selection.focusOffset) === view.state.selection.head
      } catch {
        return false
      }
    },
    undefined,
    { polling: 16 },
  )
}

interface EditorViewLike {
  dom: HTMLElement
  state: { selection: { head: number } }
  posAtDOM(node: Node, offset: number): number
}

/** Clicks into the editor, or presses a navigation key in it, and waits until the editor follows. */
export async function clickInEditor(page: Page, target: ReturnType<Page['locator']>): Promise<void> {
  await target.click()
  await settleSelection(page)
}

export async function pressInEditor(page: Page, key: string): Promise<void> {
  await page.keyboard.press(key)
  await settleSelection(page)
}

/** Puts the cursor at the end of the draft and types there. */
export async function typeAtEnd(page: Page, text: string): Promise<void> {
  await clickInEditor(page, page.locator('.draft-text'))
  await pressInEditor(page, 'Control+End')
  await page.keyboard.type(text)
}

export async function screenshot(page: Page, name: string, options: { selector?: string; fullPage?: boolean } = {}): Promise<string> {
  fs.mkdirSync(screenshotDir, { recursive: true })
  const file = path.join(screenshotDir, `${name}.png`)
  if (options.selector) await page.locator(options.selector).screenshot({ path: file })
  else await page.screenshot({ path: file, fullPage: options.fullPage ?? false })
  return file
}

/** Polls until `check` resolves to true. */
export async function eventually(check: () => Promise<boolean> | boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
