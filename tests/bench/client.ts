/**
 * The client benchmarks: the gzipped JavaScript the built client loads up front, and keystroke-to-paint in Chromium on a
 * long draft, in our editor (real server, signed in as a co-facilitator) against a plain TipTap editor holding the same
 * document, measured in the same run.
 */
import { execFile } from 'node:child_process'
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import { chromium, type Browser, type Page } from 'playwright-core'
import * as Y from 'yjs'
import { MemberDirectory } from '../../server/auth/members.ts'
import { Sessions } from '../../server/auth/sessions.ts'
import { openTestDatabase } from '../helpers/server.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { connectClient, waitFor } from '../helpers/clients.ts'
import { openDocument } from '../e2e/harness.ts'
import { measureBundle, type BundleSizes } from './bundleSize.ts'
import { seedComments } from './commentFixture.ts'
import { addDelegates, seedProposals } from './proposalFixture.ts'
import { draftFixture, type DraftFixture } from './draftFixture.ts'
import { caretInTheMiddle, paragraphText, summarize, typeMeasured, typingText, type KeystrokeResult } from './keystrokes.ts'
import { cpuSeconds, host, machineBusySeconds, makeTempDir, removeTempDir, repoRoot, startOurServer, type BenchServer } from './servers.ts'
import { met, ms, ratio, type Row } from './table.ts'

const run = promisify(execFile)
const quick = process.env.BENCH_QUICK === '1'

export const clientConfig = {
  quick,
  initialJsGzipTargetBytes: 350 * 1024,
  document: { paragraphs: 300, recommendations: 60 },
  typing: {
    characters: quick ? 120 : 300,
    warmup: 20,
    /** At most 20 keys a second, faster than anyone types for long; each key is pressed only after the previous one was painted. */
    minIntervalMs: 50,
    keyTimeoutMs: 5000,
  },
  p95TargetMs: 16,
  /** Our p95 (comments in the margin) at most this many times the plain editor's, measured in the same run. */
  p95MaxRatio: 1.1,
  buildTimeoutMs: 300_000,
  viewport: { width: 1400, height: 1000 },
  chromium: {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
}

export const clientArtifact = path.join(repoRoot, 'test-artifacts/bench/client.json')
const clientDist = path.join(repoRoot, 'dist/client')
const editorSelector = '.ProseMirror'

const log = (message: string) => console.log(`[bench] ${message}`)
const kib = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`

/** Share of a core that other processes may use while typing before the figures are flagged. */
const busyMachineShare = 0.15

/** Runs tests/bench/viteBuild.ts in a child process for production. */
export async function viteBuild(args: string[]): Promise<void> {
  try {
    await run(process.execPath, ['--import', 'tsx', 'tests/bench/viteBuild.ts', ...args], {
      cwd: repoRoot,
      env: { ...process.env, NODE_ENV: 'production', SKIP_CLIENT_BUILD: '', LOG_LEVEL: 'warn' },
      timeout: clientConfig.buildTimeoutMs,
      killSignal: 'SIGKILL',
      maxBuffer: 16 * 1024 * 1024,
    })
  } catch (error) {
    const { stdout, stderr } = error as { stdout?: string; stderr?: string }
    throw new Error(`vite build ${args.join(' ')} failed: ${(error as Error).message}\n${stdout ?? ''}${stderr ?? ''}`)
  }
}

/** CPU seconds (user + system) of a process and all its descendants that are alive now. */
function processTreeCpuSeconds(rootPid: number): number {
  const children = new Map<number, number[]>()
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8')
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1])
      const list = children.get(ppid) ?? []
      list.push(Number(entry))
      children.set(ppid, list)
    } catch {
      // The process has exited meanwhile.
    }
  }
  let total = 0
  const queue = [rootPid]
  for (let i = 0; i < queue.length && i < 10_000; i++) {
    try {
      total += cpuSeconds(queue[i])
    } catch {
      // Gone.
    }
    queue.push(...(children.get(queue[i]) ?? []))
  }
  return total
}

interface TypingRun extends KeystrokeResult {
  /** Share of a core used by processes outside this benchmark (the bench, its server and Chromium) while typing. */
  otherCpuShare: number
  paragraphIndex: number
  paragraphs: number
}

/** Measures typing in an editor whose caret the caller's page is ready for; checks the text landed where typed. */
export async function typeInTheMiddle(page: Page, text: string): Promise<TypingRun> {
  const placed = await caretInTheMiddle(page, editorSelector)
  const machineBefore = machineBusySeconds()
  const treeBefore = processTreeCpuSeconds(process.pid)
  const wallBefore = performance.now()
  const result = await typeMeasured(page, { editorSelector, text, ...clientConfig.typing })
  const wallSeconds = (performance.now() - wallBefore) / 1000
  const otherCpuShare = (machineBusySeconds() - machineBefore - (processTreeCpuSeconds(process.pid) - treeBefore)) / wallSeconds
  const offset = placed.pos - (await paragraphStart(page, placed.paragraphIndex)) - 1
  const expected = placed.before.slice(0, offset) + text + placed.before.slice(offset)
  const actual = (await paragraphText(page, editorSelector, placed.paragraphIndex)).replace(/\u00a0/g, ' ')
  if (actual !== expected) throw new Error(`the typed text did not land where typed:\nexpected ${JSON.stringify(expected)}\nfound    ${JSON.stringify(actual)}`)
  return { ...result, otherCpuShare: Math.max(0, otherCpuShare), paragraphIndex: placed.paragraphIndex, paragraphs: placed.paragraphs }
}

async function paragraphStart(page: Page, paragraphIndex: number): Promise<number> {
  return page.evaluate(
    ({ selector, paragraphIndex }) => {
      type PmNode = { type: { name: string }; forEach(f: (child: PmNode, offset: number) => void): void }
      const editor = (document.querySelector(selector) as (HTMLElement & { editor?: { state: { doc: PmNode } } }) | null)?.editor
      const starts: number[] = []
      editor?.state.doc.forEach((child, offset) => {
        if (child.type.name === 'paragraph') starts.push(offset)
      })
      return starts[paragraphIndex] ?? -1
    },
    { selector: editorSelector, paragraphIndex },
  )
}

/** Waits until the page has had nothing to do for a while (no long task, idle callbacks served promptly). */
export async function settle(page: Page, quietMs = 1000, timeoutMs = 15_000): Promise<void> {
  await page.evaluate(
    ({ quietMs, timeoutMs }) =>
      new Promise<void>((resolve, reject) => {
        const deadline = performance.now() + timeoutMs
        let quietSince = performance.now()
        const tick = () => {
          const asked = performance.now()
          requestIdleCallback(
            (deadlineInfo) => {
              const now = performance.now()
              if (now - asked > 100 || deadlineInfo.timeRemaining() < 10) quietSince = now
              if (now - quietSince >= quietMs) return resolve()
              if (now > deadline) return reject(new Error(`the page was still busy after ${timeoutMs} ms`))
              setTimeout(tick, 50)
            },
            { timeout: 1000 },
          )
        }
        tick()
      }),
    { quietMs, timeoutMs },
  )
}

export interface DataDir {
  dataDir: string
  secretariatToken: string
  cofacilitatorInvite: string
}

export async function prepareClientDataDir(): Promise<DataDir> {
  const dataDir = makeTempDir('dtg-bench-client-')
  const database = await openTestDatabase(dataDir)
  try {
    const members = new MemberDirectory(database.db)
    const secretariat = await members.ensureMember('Bench secretariat', 'secretariat', 'UNODA')
    const cofacilitator = await members.ensureMember('Bench co-facilitator', 'cofacilitator', 'Kenya')
    const sessions = new Sessions(database.db, { sessionTtlMs: 3_600_000, inviteTtlMs: 3_600_000 })
    return { dataDir, secretariatToken: await members.issueToken(secretariat.id), cofacilitatorInvite: await sessions.createInvite(cofacilitator.id) }
  } finally {
    await database.close()
  }
}

async function apiCall<T>(server: BenchServer, method: string, url: string, body?: unknown): Promise<T> {
  const response = await fetch(`${server.httpBase}${url}`, {
    method,
    headers: { authorization: `Bearer ${server.token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  })
  const json = (await response.json()) as T
  if (!response.ok) throw new Error(`${method} ${url} answered ${response.status}: ${JSON.stringify(json)}`)
  return json
}

/** A new, empty document in a new workspace, seeded through a y-websocket client, and checked from a second one. */
export async function createSeededDocument(server: BenchServer, fixture: DraftFixture, year = 2030): Promise<string> {
  const workspace = await apiCall<{ id: string }>(server, 'POST', '/api/workspaces', { dtg: 1, year, title: `DTG 1 benchmark workspace ${year}` })
  // Write permission is per workspace: the co-facilitator who types in the benchmark leads this one.
  const { members } = await apiCall<{ members: Array<{ id: number; name: string }> }>(server, 'GET', '/api/members')
  const typist = members.find((member) => member.name === 'Bench co-facilitator')
  if (!typist) throw new Error('the benchmark co-facilitator is missing')
  await apiCall(server, 'PUT', `/api/workspaces/${workspace.id}/cofacilitators/${typist.id}`)
  const { document } = await apiCall<{ document: { id: string } }>(server, 'POST', `/api/workspaces/${workspace.id}/documents`, {
    title: 'Benchmark draft',
    kind: 'recommendations',
  })
  const topLevel = fixture.json.content!.length
  const writer = connectClient(server.wsBase, document.id, server.token)
  try {
    await waitFor(() => writer.provider.synced, 'the seeding client to sync', 15_000)
    const fragment = writer.doc.getXmlFragment('content')
    if (fragment.length !== 0) throw new Error(`the new document already holds ${fragment.length} blocks`)
    const seed = prosemirrorJSONToYDoc(draftSchema, fixture.json, 'content')
    Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(seed))
    seed.destroy()
    if (fragment.length !== topLevel) throw new Error(`seeded ${fragment.length} blocks, expected ${topLevel}`)
    const reader = connectClient(server.wsBase, document.id, server.token)
    try {
      await waitFor(() => reader.provider.synced && reader.doc.getXmlFragment('content').length === topLevel, 'a second client to receive the seeded draft', 15_000)
    } finally {
      reader.destroy()
    }
  } finally {
    writer.destroy()
  }
  return document.id
}

export interface OpenPage {
  page: Page
  /** Errors thrown in the page. */
  pageErrors: string[]
  close(): Promise<void>
}

export async function newPage(browser: Browser): Promise<OpenPage> {
  const context = await browser.newContext({ viewport: clientConfig.viewport })
  // tsx compiles this file with esbuild's keepNames: functions passed to page.evaluate may call its __name helper.
  await context.addInitScript({ content: 'globalThis.__name ??= (fn) => fn' })
  const page = await context.newPage()
  page.setDefaultTimeout(20_000)
  const pageErrors: string[] = []
  page.on('pageerror', (error) => pageErrors.push(error.message))
  return { page, pageErrors, close: () => context.close() }
}

/**
 * Signs in as the co-facilitator, opens the seeded document and waits until it is synced, rendered and numbered, with
 * its open proposals drawn and its comment threads placed in the margin.
 */
export async function openOurs(browser: Browser, server: BenchServer, data: DataDir, documentId: string, fixture: DraftFixture, proposals = 0, comments = 0): Promise<OpenPage> {
  const opened = await newPage(browser)
  const { page } = opened
  try {
    await page.goto(`${server.httpBase}/#invite=${data.cofacilitatorInvite}`)
    await page.locator('.member-name', { hasText: 'Bench co-facilitator' }).waitFor()
    await openDocument(page, documentId)
    await page
      .waitForFunction(
        ({ selector, paragraphs, recommendations }) => {
          const root = document.querySelector(selector)
          if (!root) return false
          const numbers = root.querySelectorAll('.recommendation-number')
          return (
            root.querySelectorAll(':scope > p').length === paragraphs &&
            root.querySelectorAll('section.recommendation').length === recommendations &&
            numbers.length === recommendations &&
            numbers[numbers.length - 1].textContent === `R${recommendations}`
          )
        },
        { selector: editorSelector, paragraphs: fixture.paragraphs, recommendations: fixture.recommendations },
        { timeout: 30_000, polling: 100 },
      )
      .catch(async (error) => {
        const seen = await page.evaluate((selector) => {
          const root = document.querySelector(selector)
          return root ? `${root.querySelectorAll(':scope > p').length} top-level paragraphs, ${root.querySelectorAll('section.recommendation').length} recommendations` : `no ${selector}`
        }, editorSelector)
        throw new Error(`our editor did not render the draft (${seen}): ${(error as Error).message}`)
      })
    // Every open proposal drawn as a suggestion, with its chip.
    if (proposals > 0) await page.waitForFunction((count) => document.querySelectorAll('.draft-text .proposal-chip').length === count, proposals, { timeout: 30_000, polling: 100 })
    // Every thread beside its passage in the margin.
    if (comments > 0) {
      await page.waitForFunction((count) => document.querySelectorAll('.comment-margin .margin-thread[data-placed]').length === count, comments, { timeout: 30_000, polling: 100 })
    }
    await settle(page)
    return opened
  } catch (error) {
    await opened.close()
    throw error
  }
}

/** Opens the plain editor's page and waits until it holds the draft. */
export async function openPlain(browser: Browser, url: string): Promise<OpenPage> {
  const opened = await newPage(browser)
  const { page } = opened
  try {
    await page.goto(url)
    await page.waitForFunction(() => document.body.dataset.ready === '1' || document.body.dataset.error !== undefined, undefined, { timeout: 30_000 })
    const error = await page.evaluate(() => document.body.dataset.error)
    if (error) throw new Error(`the plain editor did not start: ${error}`)
    await settle(page)
    return opened
  } catch (error) {
    await opened.close()
    throw error
  }
}

async function measureIn(name: string, opened: OpenPage, text: string): Promise<TypingRun> {
  try {
    log(`  ${name}: document open and rendered, typing ${text.length} keys`)
    const result = await typeInTheMiddle(opened.page, text)
    if (opened.pageErrors.length > 0) throw new Error(`the page of ${name} threw while typing: ${opened.pageErrors.join('; ')}`)
    return result
  } finally {
    await opened.close()
  }
}

/** A static server for the plain editor's build, on 127.0.0.1. */
export async function serveDirectory(dir: string): Promise<{ url: string; close(): Promise<void> }> {
  const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json' }
  const server = http.createServer((request, response) => {
    const pathname = decodeURIComponent(new URL(request.url ?? '/', 'http://localhost').pathname)
    const file = path.join(dir, pathname === '/' ? 'index.html' : pathname)
    if (!file.startsWith(dir + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) {
      response.writeHead(404).end()
      return
    }
    response.writeHead(200, { 'content-type': types[path.extname(file)] ?? 'application/octet-stream' })
    fs.createReadStream(file).pipe(response)
  })
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, host, () => resolve())
  })
  const { port } = server.address() as AddressInfo
  return {
    url: `http://${host}:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}

interface KeystrokeSection {
  fixture: Omit<DraftFixture, 'json'>
  text: string
  /** Our editor with comment threads in the margin. */
  ours: TypingRun & { comments: number }
  reference: TypingRun
  /** Our editor on the same draft carrying open proposals drawn as suggestions. */
  withProposals: TypingRun & { proposals: number; delegations: number }
}

async function runKeystrokes(): Promise<KeystrokeSection> {
  const fixture = draftFixture(clientConfig.document)
  const text = typingText(clientConfig.typing.characters)
  const plainDir = makeTempDir('dtg-bench-plain-')
  let data: DataDir | null = null
  let server: BenchServer | null = null
  let browser: Browser | null = null
  let plainServer: Awaited<ReturnType<typeof serveDirectory>> | null = null
  try {
    log('building the plain TipTap reference page')
    await viteBuild(['plain', `--out=${plainDir}`])
    fs.writeFileSync(path.join(plainDir, 'doc.json'), JSON.stringify(fixture.json))
    plainServer = await serveDirectory(plainDir)

    data = await prepareClientDataDir()
    const delegates = await addDelegates(data.dataDir)
    server = await startOurServer(data.dataDir, data.secretariatToken)
    const documentId = await createSeededDocument(server, fixture)
    const comments = await seedComments(server, documentId, delegates)
    log(`  ${comments} comment threads in the margin of document ${documentId}`)
    const negotiatedId = await createSeededDocument(server, fixture, 2031)
    const proposals = await seedProposals(server, negotiatedId, delegates)
    log(`  ${proposals} open proposals from ${delegates.length} delegations on document ${negotiatedId}`)
    log(`keystroke to paint: ${fixture.paragraphs} paragraphs, ${fixture.recommendations} recommendations, ${fixture.characters.toLocaleString('en-US')} characters; document ${documentId}`)

    browser = await chromium.launch({ executablePath: clientConfig.chromium.executablePath, args: clientConfig.chromium.args })
    log(`  Chromium ${browser.version()}`)
    const ours = { ...(await measureIn(`our editor, ${comments} comments in the margin`, await openOurs(browser, server, data, documentId, fixture, 0, comments), text)), comments }
    // An invite is spent once: the co-facilitator signs in again with a new one.
    const { members } = await apiCall<{ members: Array<{ id: number; name: string }> }>(server, 'GET', '/api/members')
    const typist = members.find((member) => member.name === 'Bench co-facilitator')!
    const { inviteUrl } = await apiCall<{ inviteUrl: string }>(server, 'POST', `/api/members/${typist.id}/invite`)
    const again = { ...data, cofacilitatorInvite: inviteUrl.slice(inviteUrl.indexOf('#invite=') + '#invite='.length) }
    const withProposals = {
      ...(await measureIn(`our editor, ${proposals} open proposals`, await openOurs(browser, server, again, negotiatedId, fixture, proposals), text)),
      proposals,
      delegations: delegates.length,
    }
    const reference = await measureIn('plain TipTap', await openPlain(browser, plainServer.url), text)
    for (const [name, r] of [
      ['ours', ours],
      [`ours, ${proposals} open proposals`, withProposals],
      ['plain TipTap', reference],
    ] as const) {
      log(
        `  ${name}: p50 ${ms(r.p50Ms)} ms, p95 ${ms(r.p95Ms)} ms, max ${ms(r.maxMs)} ms, mean ${ms(r.meanMs)} ms over ${r.durationsMs.length} keys ` +
          `(${r.keysPerSecond.toFixed(1)} keys/s; other work on the machine ${(100 * r.otherCpuShare).toFixed(0)}% of a core)`,
      )
      const part = (label: string, values: number[]) => {
        const { p50, p95, max } = summarize(values)
        return `${label} ${ms(p50)} / ${ms(p95)} / ${ms(max)}`
      }
      log(`    p50 / p95 / max (ms): ${part('keydown to frame start', r.toFrameMs)}; ${part('frame start to painted', r.frameMs)}`)
      if (r.otherCpuShare > busyMachineShare) log(`  WARNING: other work used ${(100 * r.otherCpuShare).toFixed(0)}% of a core while typing in ${name}: these figures are disturbed`)
    }
    const { json: _json, ...fixtureSummary } = fixture
    return { fixture: fixtureSummary, text, ours, reference, withProposals }
  } finally {
    await browser?.close().catch(() => undefined)
    if (server) {
      const code = await server.stop()
      if (code !== 0) log(`WARNING: our server exited with ${code} on SIGTERM`)
    }
    await plainServer?.close()
    if (data) removeTempDir(data.dataDir)
    removeTempDir(plainDir)
  }
}

/** The largest language's catalogue chunk, each language's beside it, and whether they are all left out of the initial JavaScript. */
export function languageRow(bundle: Pick<BundleSizes, 'languages'>): Row {
  const largest = bundle.languages.reduce<BundleSizes['languages'][number] | null>((top, chunk) => (top && top.gzipBytes >= chunk.gzipBytes ? top : chunk), null)
  const upFront = bundle.languages.filter((chunk) => chunk.initial).map((chunk) => chunk.language)
  const each = bundle.languages.map((chunk) => `${chunk.language} ${kib(chunk.gzipBytes)}`).join(', ')
  return {
    metric: 'largest language chunk (messages-*.js), gzip -9 (KB)',
    ours: largest
      ? `${kib(largest.gzipBytes)} (${largest.language}; ${each}; ${upFront.length === 0 ? 'each loaded on demand' : `loaded up front: ${upFront.join(', ')}`})`
      : 'none built',
    reference: '',
    ratio: '',
    target: 'informational',
    met: '',
  }
}

function rowsOf(bundle: BundleSizes, keys: KeystrokeSection): Row[] {
  const { ours, reference } = keys
  const keystroke = (label: string, pick: (r: TypingRun) => number, target?: number): Row => ({
    metric: `keystroke to paint ${label} (ms; ref: plain TipTap, same draft)`,
    ours: ms(pick(ours)),
    reference: ms(pick(reference)),
    ratio: ratio(pick(ours), pick(reference)),
    target: target === undefined ? '' : `<= ${target} ms`,
    met: target === undefined ? '' : met(pick(ours) <= target),
  })
  /** A phase of the keystroke, as p50 / p95; the ratio is of the p95s. */
  const part = (label: string, pick: (r: TypingRun) => number[]): Row => {
    const [o, r] = [summarize(pick(ours)), summarize(pick(reference))]
    return {
      metric: `  of which ${label}, p50 / p95 (ms)`,
      ours: `${ms(o.p50)} / ${ms(o.p95)}`,
      reference: `${ms(r.p50)} / ${ms(r.p95)}`,
      ratio: ratio(o.p95, r.p95),
      target: 'informational',
      met: '',
    }
  }
  return [
    {
      metric: 'initial JavaScript, gzip -9 (KB)',
      ours: `${kib(bundle.initialGzipBytes)} (${bundle.initial.length} file${bundle.initial.length === 1 ? '' : 's'})`,
      reference: '',
      ratio: '',
      target: `<= ${clientConfig.initialJsGzipTargetBytes / 1024} KB`,
      met: met(bundle.initialGzipBytes <= clientConfig.initialJsGzipTargetBytes),
    },
    {
      metric: 'lazy editor chunk, gzip -9 (KB)',
      ours: `${kib(bundle.editorGzipBytes)} (${bundle.editor.map((chunk) => path.basename(chunk.file)).join(', ')})`,
      reference: '',
      ratio: '',
      target: 'informational',
      met: '',
    },
    languageRow(bundle),
    {
      metric: `keystroke to paint p95 with ${ours.comments} comment threads in the margin: ratio to plain TipTap`,
      ours: ratio(ours.p95Ms, reference.p95Ms),
      reference: '1.00x',
      ratio: '',
      target: `<= ${clientConfig.p95MaxRatio.toFixed(2)}x`,
      met: met(ours.p95Ms <= clientConfig.p95MaxRatio * reference.p95Ms),
    },
    keystroke('p50', (r) => r.p50Ms),
    keystroke('p95', (r) => r.p95Ms, clientConfig.p95TargetMs),
    keystroke('max', (r) => r.maxMs),
    part('keydown to frame start', (r) => r.toFrameMs),
    part('frame start to painted', (r) => r.frameMs),
    {
      metric: `keystroke to paint p95 with ${keys.withProposals.proposals} open proposals from ${keys.withProposals.delegations} delegations drawn (ms; ref: plain TipTap)`,
      ours: ms(keys.withProposals.p95Ms),
      reference: ms(reference.p95Ms),
      ratio: ratio(keys.withProposals.p95Ms, reference.p95Ms),
      target: `<= ${clientConfig.p95TargetMs} ms`,
      met: met(keys.withProposals.p95Ms <= clientConfig.p95TargetMs),
    },
    {
      metric: 'other work on the machine while typing (% of a core)',
      ours: `${(100 * ours.otherCpuShare).toFixed(0)}%`,
      reference: `${(100 * reference.otherCpuShare).toFixed(0)}%`,
      ratio: '',
      target: `<= ${(100 * busyMachineShare).toFixed(0)}% (else disturbed)`,
      met: '',
    },
  ]
}

/** Builds the client, measures its size and typing in Chromium, writes test-artifacts/bench/client.json and returns the rows. */
export async function runClientBenchmarks(): Promise<Row[]> {
  const started = performance.now()
  const loadAverageAtStart = os.loadavg()
  log(`client benchmarks${quick ? ' (BENCH_QUICK)' : ''}, load average ${loadAverageAtStart.map((x) => x.toFixed(2)).join(' ')}`)
  log('building the client for production into dist/client')
  await viteBuild(['app'])
  const bundle = measureBundle(clientDist)
  log(
    `  initial JavaScript ${kib(bundle.initialGzipBytes)} gzipped (${bundle.initial.map((c) => `${c.file} ${kib(c.gzipBytes)}`).join(', ')}); ` +
      `lazy editor ${kib(bundle.editorGzipBytes)} (${bundle.editor.map((c) => `${c.file} ${kib(c.gzipBytes)}`).join(', ')}); ` +
      `languages ${bundle.languages.map((c) => `${c.language} ${kib(c.gzipBytes)}${c.initial ? ' (initial)' : ''}`).join(', ')}`,
  )
  const keystrokes = await runKeystrokes()
  const rows = rowsOf(bundle, keystrokes)
  const seconds = (performance.now() - started) / 1000
  fs.mkdirSync(path.dirname(clientArtifact), { recursive: true })
  fs.writeFileSync(
    clientArtifact,
    JSON.stringify({ generatedAt: new Date().toISOString(), node: process.version, loadAverageAtStart, seconds, config: clientConfig, bundle, keystrokes, rows }, null, 2) + '\n',
  )
  log(`client benchmarks done in ${seconds.toFixed(0)} s; results in ${path.relative(repoRoot, clientArtifact)}`)
  return rows
}
