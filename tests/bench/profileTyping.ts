/**
 * Diagnosis, not part of `npm run bench`: where the time of a keystroke goes, in our editor and in the plain TipTap
 * reference, on the draft of the client benchmark. `npx tsx tests/bench/profileTyping.ts [keys]`
 *
 * Builds both unminified with source maps (dist/client is rebuilt for production at the end), types in the middle of
 * the draft with Chromium's sampling profiler and a timeline trace running, writes the .cpuprofile and trace files to
 * test-artifacts/bench/profile/ and prints, per keystroke: the main thread's time by trace event, self time by source
 * package or file, and the inclusive time of the functions that cost most.
 */
import fs from 'node:fs'
import { SourceMap, type SourceMapPayload } from 'node:module'
import path from 'node:path'
import { chromium, type Browser } from 'playwright-core'
import { clientConfig, createSeededDocument, openOurs, openPlain, prepareClientDataDir, serveDirectory, viteBuild, type DataDir, type OpenPage } from './client.ts'
import { seedComments } from './commentFixture.ts'
import { draftFixture } from './draftFixture.ts'
import { addDelegates } from './proposalFixture.ts'
import { caretInTheMiddle, typeMeasured, typingText } from './keystrokes.ts'
import { makeTempDir, removeTempDir, repoRoot, startOurServer, type BenchServer } from './servers.ts'
import { ms } from './table.ts'

const keys = Number(process.argv[2] ?? 150)
const warmupKeys = 30
const outDir = path.join(repoRoot, 'test-artifacts/bench/profile')
const editorSelector = '.ProseMirror'

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number }; children?: number[] }>
  samples: number[]
  timeDeltas: number[]
}

/** Source maps of the scripts a profile names, by URL, read from the directory that served them. */
function sourceMapsFor(profile: CpuProfile, servedFrom: (url: string) => string | null): Map<string, SourceMap> {
  const maps = new Map<string, SourceMap>()
  for (const { callFrame } of profile.nodes) {
    if (!callFrame.url || maps.has(callFrame.url)) continue
    const file = servedFrom(callFrame.url)
    if (file && fs.existsSync(`${file}.map`)) maps.set(callFrame.url, new SourceMap(JSON.parse(fs.readFileSync(`${file}.map`, 'utf8')) as SourceMapPayload))
  }
  return maps
}

/** A readable place: package name for node_modules, path for our own sources. */
function origin(source: string): string {
  const normalized = source.replace(/\\/g, '/')
  const inModules = normalized.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)
  if (inModules) return inModules[1]
  const ours = normalized.match(/(?:^|\/)((?:client|shared)\/.*)$/)
  return ours ? ours[1] : normalized.replace(/^(\.\.\/)+/, '')
}

function summarizeProfile(profile: CpuProfile, maps: Map<string, SourceMap>, keystrokes: number): string[] {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]))
  const parent = new Map<number, number>()
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id)
  const placeCache = new Map<number, { file: string; label: string }>()
  const place = (id: number) => {
    let found = placeCache.get(id)
    if (found) return found
    const { callFrame } = byId.get(id)!
    const map = maps.get(callFrame.url)
    const entry = map?.findEntry(callFrame.lineNumber, callFrame.columnNumber) as { originalSource?: string; originalLine?: number } | undefined
    const file = entry?.originalSource ? origin(entry.originalSource) : callFrame.url ? path.basename(callFrame.url) : `(${callFrame.functionName || 'native'})`
    const line = entry?.originalLine !== undefined ? `:${entry.originalLine + 1}` : ''
    found = { file, label: `${callFrame.functionName || '(anonymous)'} ${file}${line}` }
    placeCache.set(id, found)
    return found
  }
  const self = new Map<string, number>()
  const selfByFile = new Map<string, number>()
  const total = new Map<string, number>()
  let sampled = 0
  for (let i = 0; i < profile.samples.length; i++) {
    const delta = (profile.timeDeltas[i + 1] ?? 0) / 1000
    const id = profile.samples[i]
    const name = byId.get(id)!.callFrame.functionName
    if (name === '(idle)') continue
    sampled += delta
    const here = place(id)
    self.set(here.label, (self.get(here.label) ?? 0) + delta)
    selfByFile.set(here.file, (selfByFile.get(here.file) ?? 0) + delta)
    const seen = new Set<string>()
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) {
      const label = place(at).label
      if (seen.has(label)) continue
      seen.add(label)
      total.set(label, (total.get(label) ?? 0) + delta)
    }
  }
  const top = (map: Map<string, number>, n: number) =>
    [...map]
      .sort((a, b) => b[1] - a[1])
      .slice(0, n)
      .map(([label, value]) => `    ${ms(value / keystrokes).padStart(6)} ms  ${label}`)
  return [
    `  CPU profile: ${ms(sampled / keystrokes)} ms of non-idle samples per keystroke`,
    '  self time by package or file, per keystroke:',
    ...top(selfByFile, 15),
    '  self time by function, per keystroke:',
    ...top(self, 20),
    '  inclusive time by function, per keystroke:',
    ...top(total, 45),
  ]
}

interface TraceEvent {
  name: string
  ph: string
  ts: number
  dur?: number
  pid: number
  tid: number
  args?: { name?: string; data?: { type?: string } }
}

/** Self time of trace events on the page's main thread, by event name (EventDispatch split by event type). */
function summarizeTrace(trace: { traceEvents: TraceEvent[] }, keystrokes: number): string[] {
  const events = trace.traceEvents
  const mainThreads = events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain')
  // The renderer that dispatched the keydowns.
  let best: { pid: number; tid: number } | null = null
  let bestCount = 0
  for (const thread of mainThreads) {
    const count = events.filter((e) => e.pid === thread.pid && e.tid === thread.tid && e.name === 'EventDispatch' && e.args?.data?.type === 'keydown').length
    if (count > bestCount) {
      best = thread
      bestCount = count
    }
  }
  if (!best) return ['  trace: no renderer main thread with keydown events']
  const complete = events
    .filter((e) => e.pid === best!.pid && e.tid === best!.tid && e.ph === 'X' && typeof e.dur === 'number')
    .sort((a, b) => a.ts - b.ts || b.dur! - a.dur!)
  const self = new Map<string, number>()
  const stack: Array<{ name: string; end: number; childTime: number; dur: number }> = []
  const pop = () => {
    const done = stack.pop()!
    self.set(done.name, (self.get(done.name) ?? 0) + Math.max(0, done.dur - done.childTime))
  }
  for (const event of complete) {
    while (stack.length && stack[stack.length - 1].end <= event.ts) pop()
    const name = event.name === 'EventDispatch' ? `EventDispatch ${event.args?.data?.type ?? ''}` : event.name
    if (stack.length) stack[stack.length - 1].childTime += event.dur!
    stack.push({ name, end: event.ts + event.dur!, childTime: 0, dur: event.dur! })
  }
  while (stack.length) pop()
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25)
  return [
    `  trace: main thread self time by event, per keystroke (${bestCount} keydowns traced):`,
    ...rows.map(([name, us]) => `    ${ms(us / 1000 / keystrokes).padStart(6)} ms  ${name}`),
  ]
}

async function profileTyping(name: string, browser: Browser, opened: OpenPage, servedFrom: (url: string) => string | null): Promise<void> {
  const { page } = opened
  try {
    await caretInTheMiddle(page, editorSelector)
    await typeMeasured(page, { editorSelector, text: typingText(warmupKeys), ...clientConfig.typing, warmup: 0 })
    const cdp = await page.context().newCDPSession(page)
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 200 })
    await browser.startTracing(page, {
      categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'disabled-by-default-devtools.timeline.frame', 'blink.user_timing', 'v8.execute'],
    })
    await cdp.send('Profiler.start')
    const typed = await typeMeasured(page, { editorSelector, text: typingText(keys), ...clientConfig.typing, warmup: 0 })
    const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: CpuProfile }
    const traceBuffer = await browser.stopTracing()
    fs.mkdirSync(outDir, { recursive: true })
    const slug = name.replace(/\W+/g, '-')
    fs.writeFileSync(path.join(outDir, `${slug}.cpuprofile`), JSON.stringify(profile))
    fs.writeFileSync(path.join(outDir, `${slug}.trace.json`), traceBuffer)
    console.log(`\n${name}: ${typed.keys} keys profiled, keystroke to paint p50 ${ms(typed.p50Ms)} / p95 ${ms(typed.p95Ms)} / max ${ms(typed.maxMs)} ms (with the profiler on)`)
    for (const line of summarizeTrace(JSON.parse(traceBuffer.toString('utf8')), typed.keys)) console.log(line)
    for (const line of summarizeProfile(profile, sourceMapsFor(profile, servedFrom), typed.keys)) console.log(line)
  } finally {
    await opened.close()
  }
}

async function main(): Promise<void> {
  const fixture = draftFixture(clientConfig.document)
  const plainDir = makeTempDir('dtg-bench-plain-')
  const clientDist = path.join(repoRoot, 'dist/client')
  let data: DataDir | null = null
  let server: BenchServer | null = null
  let browser: Browser | null = null
  let plainServer: Awaited<ReturnType<typeof serveDirectory>> | null = null
  try {
    console.log('building the client and the plain page unminified, with source maps')
    await viteBuild(['app', '--no-minify'])
    await viteBuild(['plain', `--out=${plainDir}`, '--no-minify'])
    fs.writeFileSync(path.join(plainDir, 'doc.json'), JSON.stringify(fixture.json))
    plainServer = await serveDirectory(plainDir)
    data = await prepareClientDataDir()
    const delegates = await addDelegates(data.dataDir)
    server = await startOurServer(data.dataDir, data.secretariatToken)
    const documentId = await createSeededDocument(server, fixture)
    const comments = await seedComments(server, documentId, delegates)
    browser = await chromium.launch({ executablePath: clientConfig.chromium.executablePath, args: clientConfig.chromium.args })
    const fromDir = (base: string, dir: string) => (url: string) => (url.startsWith(base) ? path.join(dir, new URL(url).pathname) : null)
    await profileTyping('our editor', browser, await openOurs(browser, server, data, documentId, fixture, 0, comments), fromDir(server.httpBase, clientDist))
    await profileTyping('plain TipTap', browser, await openPlain(browser, plainServer.url), fromDir(plainServer.url.replace(/\/$/, ''), plainDir))
    console.log(`\nprofiles and traces in ${path.relative(repoRoot, outDir)} (open them in Chromium's DevTools, Performance panel)`)
  } finally {
    await browser?.close().catch(() => undefined)
    await server?.stop()
    await plainServer?.close()
    if (data) removeTempDir(data.dataDir)
    removeTempDir(plainDir)
    console.log('rebuilding dist/client for production')
    await viteBuild(['app'])
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error)
    process.exit(1)
  },
)
