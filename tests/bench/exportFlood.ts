/**
 * Edit relay under an export flood: edit-to-everyone latency on one document while 8 clients export a 5 MB document
 * in a loop, against the same server's idle latency in the same run. The heavy work runs on the worker pool; the
 * target is a p99 under 2x the idle one.
 */
import fs from 'node:fs'
import path from 'node:path'
import * as Y from 'yjs'
import { draftFixture } from './draftFixture.ts'
import { measureLatencyBlock, type LatencyBlock, type LatencyScenario } from './latency.ts'
import { prepareDataDir, removeTempDir, repoRoot, startOurServer, storedSize, type BenchServer } from './servers.ts'
import { int, met, mib, ms, type Row } from './table.ts'
import { connectProvider, providerSynced } from './wire.ts'
import type { DraftNodeJson } from '../../shared/schema/draftJson.ts'

const quick = process.env.BENCH_QUICK === '1'
const exporters = 8
const targetBytes = 5 * 1024 * 1024
const artifact = path.join(repoRoot, 'test-artifacts/bench/exportFlood.json')
const log = (message: string) => console.log(`[bench] ${message}`)

const scenario = (name: string): LatencyScenario => ({
  name,
  writers: 1,
  readers: 20,
  editsPerSecond: 20,
  warmupMs: 1000,
  durationMs: quick ? 4000 : 15_000,
})

async function api(server: BenchServer, method: string, url: string, body?: unknown): Promise<any> {
  const response = await fetch(`${server.httpBase}${url}`, {
    method,
    headers: { authorization: `Bearer ${server.token}`, ...(body ? { 'content-type': 'application/json' } : {}) },
    body: body ? JSON.stringify(body) : undefined,
  })
  if (!response.ok) throw new Error(`${method} ${url}: ${response.status} ${await response.text()}`)
  return response.json()
}

/** A ProseMirror node as Yjs XML, the way y-tiptap writes it. */
function toXml(node: DraftNodeJson): Y.XmlElement | Y.XmlText {
  if (node.type === 'text') {
    const text = new Y.XmlText()
    const attributes = Object.fromEntries((node.marks ?? []).map((mark) => [mark.type, {}]))
    text.insert(0, node.text ?? '', attributes)
    return text
  }
  const element = new Y.XmlElement(node.type)
  for (const [key, value] of Object.entries(node.attrs ?? {})) element.setAttribute(key, value as never)
  element.insert(0, (node.content ?? []).map(toXml))
  return element
}

/** Fills the document with the benchmark draft repeated to about 5 MB of text, through a real client, in chunks. */
async function writeLargeDocument(server: BenchServer, documentId: string): Promise<void> {
  const doc = new Y.Doc()
  const provider = connectProvider(server, documentId, doc)
  await providerSynced(provider, 15_000)
  const fragment = doc.getXmlFragment('content')
  const fixture = draftFixture({ paragraphs: 300, recommendations: 60 })
  const blocks = fixture.json.content ?? []
  let characters = 0
  let round = 0
  while (characters < targetBytes) {
    doc.transact(() => fragment.insert(fragment.length, blocks.map((block) => toXml(round === 0 ? block : withFreshId(block, round)))))
    characters += fixture.characters
    round++
    // Lets the provider send each chunk (about 110 KB) before the next one.
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
  // Stored: the server answers a sync only after what came before is stored.
  const check = new Y.Doc()
  const reader = connectProvider(server, documentId, check)
  await providerSynced(reader, 60_000)
  reader.destroy()
  provider.destroy()
  check.destroy()
  doc.destroy()
}

function withFreshId(block: DraftNodeJson, round: number): DraftNodeJson {
  return block.type === 'recommendation' ? { ...block, attrs: { ...block.attrs, id: `${String(block.attrs?.id)}-${round}` } } : block
}

/** Export loops until `stop` resolves: each asks for the DOCX of the large document again as soon as it has the last one. */
function exportLoops(server: BenchServer, documentId: string, stop: Promise<void>) {
  const statuses = new Map<number, number>()
  let stopped = false
  void stop.then(() => (stopped = true))
  let bytes = 0
  const loops = Array.from({ length: exporters }, async () => {
    while (!stopped) {
      const response = await fetch(`${server.httpBase}/api/documents/${documentId}/export?format=docx&working=1`, {
        headers: { authorization: `Bearer ${server.token}` },
      })
      const body = await response.arrayBuffer()
      bytes = Math.max(bytes, response.status === 200 ? body.byteLength : 0)
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1)
      if (response.status !== 200) await new Promise((resolve) => setTimeout(resolve, 200))
    }
  })
  return { statuses, done: Promise.all(loops), docxBytes: () => bytes }
}

export interface ExportFloodResult {
  documentBytes: number
  idle: Omit<LatencyBlock, 'samplesMs'>
  flood: Omit<LatencyBlock, 'samplesMs'>
  exportStatuses: Record<string, number>
  docxBytes: number
}

export async function runExportFloodBenchmark(): Promise<Row[]> {
  log(`export flood: edit relay with ${exporters} exports of a 5 MB document running${quick ? ' (BENCH_QUICK)' : ''}`)
  const { dataDir, token } = await prepareDataDir()
  // The exports all come from the bench member: its own export rate and job share are lifted, the pool's bounds are not.
  const server = await startOurServer(dataDir, token, { EXPORTS_PER_MINUTE: '0', HEAVY_JOBS_PER_MEMBER: '0', HEAVY_TIMEOUT_MS: '600000' })
  try {
    const workspace = await api(server, 'POST', '/api/workspaces', { dtg: 1, year: 2030, title: 'Bench' })
    const { document } = await api(server, 'POST', `/api/workspaces/${workspace.id}/documents`, { title: 'Large draft', kind: 'recommendations' })
    await writeLargeDocument(server, document.id)
    const size = await storedSize(dataDir, document.id)
    const documentBytes = size.stateBytes + size.logBytes
    log(`export flood: document stored, ${mib(documentBytes)} MiB`)

    const strip = ({ samplesMs: _samples, ...block }: LatencyBlock) => block
    const idle = await measureLatencyBlock(server, scenario('idle'))
    log(`export flood: idle p50 ${ms(idle.p50Ms)}, p99 ${ms(idle.p99Ms)}`)
    let stop!: () => void
    const loops = exportLoops(server, document.id, new Promise<void>((resolve) => (stop = resolve)))
    // The flood is under way (the first exports are running) before the measurement starts.
    await new Promise((resolve) => setTimeout(resolve, 3000))
    const flood = await measureLatencyBlock(server, scenario('during-exports'))
    stop()
    await loops.done
    const exportStatuses = Object.fromEntries([...loops.statuses].map(([status, count]) => [String(status), count]))
    log(`export flood: during exports p50 ${ms(flood.p50Ms)}, p99 ${ms(flood.p99Ms)}; exports answered ${JSON.stringify(exportStatuses)}`)

    const result: ExportFloodResult = { documentBytes, idle: strip(idle), flood: strip(flood), exportStatuses, docxBytes: loops.docxBytes() }
    fs.mkdirSync(path.dirname(artifact), { recursive: true })
    fs.writeFileSync(artifact, JSON.stringify({ generatedAt: new Date().toISOString(), quick, exporters, ...result }, null, 2) + '\n')
    const ratio = flood.p99Ms / idle.p99Ms
    const completed = loops.statuses.get(200) ?? 0
    return [
      { metric: 'edit relay p99, idle (1w+20r, same run)', ours: ms(idle.p99Ms), reference: '', ratio: '', target: '', met: '' },
      {
        metric: `edit relay p99 during ${exporters} DOCX exports of a ${mib(documentBytes)} MiB document`,
        ours: ms(flood.p99Ms),
        reference: `idle ${ms(idle.p99Ms)}`,
        ratio: `${ratio.toFixed(2)}x`,
        target: '< 2x idle',
        met: met(ratio < 2),
      },
      { metric: 'edit relay p50 during the exports / idle', ours: ms(flood.p50Ms), reference: `idle ${ms(idle.p50Ms)}`, ratio: `${(flood.p50Ms / idle.p50Ms).toFixed(2)}x`, target: '', met: '' },
      { metric: 'exports completed during the flood (others: 503 busy)', ours: int(completed), reference: '', ratio: '', target: '', met: '' },
    ]
  } finally {
    await server.stop()
    removeTempDir(dataDir)
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { formatTable } = await import('./table.ts')
  runExportFloodBenchmark().then(
    (rows) => {
      console.log(formatTable(rows))
      process.exit(0)
    },
    (error) => {
      console.error(error)
      process.exit(1)
    },
  )
}
