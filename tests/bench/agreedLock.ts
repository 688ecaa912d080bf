/**
 * The lock on agreed text on the relay's path: edit-to-everyone latency in a draft of 300 paragraphs of which 150 are
 * agreed ad referendum, against the same draft with nothing agreed, both typed into at the same time on one server (so
 * whatever else loads the machine falls on both alike), samples pooled over several blocks; and the lock check itself
 * on a keystroke's update, in process.
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import { prosemirrorJSONToYDoc } from '@tiptap/y-tiptap'
import WebSocket from 'ws'
import * as Y from 'yjs'
import { agreedBlocksTouched } from '../../server/collab/agreedLock.ts'
import { blockKeyOf } from '../../shared/collab/blockKey.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { connectClient, waitFor, type TestClient } from '../helpers/clients.ts'
import { ApiClient } from '../helpers/http.ts'
import { mintToken, repoRoot, startTestServer, tempDataDir, type TestServer } from '../helpers/server.ts'
import { draftFixture } from './draftFixture.ts'
import { percentile } from './latency.ts'
import { met, ms, ratio, type Row } from './table.ts'
import { closeSocket, emptySyncStep1, openSocket, readFrame, sleep } from './wire.ts'

const quick = process.env.BENCH_QUICK === '1'
const artifact = path.join(repoRoot, 'test-artifacts/bench/agreedLock.json')
const paragraphCount = 300
const agreedCount = 150
const writers = 2
const readers = quick ? 20 : 30
const editsPerSecond = 20
const blockMs = quick ? 3000 : 5000
const warmupMs = 1000
/** Measured blocks, each typing into both documents at once. */
const rounds = quick ? 2 : 8

/** The top-level paragraphs' elements, in order. */
function paragraphsOf(doc: Y.Doc): Y.XmlElement[] {
  return doc
    .getXmlFragment('content')
    .toArray()
    .filter((node): node is Y.XmlElement => node instanceof Y.XmlElement && node.nodeName === 'paragraph')
}

interface Draft {
  id: string
  /** Paragraphs open to edits (every other one when half are agreed). */
  open: number[]
}

async function seededDraft(server: TestServer, api: ApiClient, token: string, workspaceId: string, agreed: boolean): Promise<Draft> {
  const created = await api.post(`/api/workspaces/${workspaceId}/documents`, { title: agreed ? 'Half agreed' : 'Nothing agreed', kind: 'working-draft' })
  const id = created.json.document.id as string
  const fixture = draftFixture({ paragraphs: paragraphCount, recommendations: 0 })
  const writer = connectClient(server.wsUrl, id, token)
  try {
    await writer.synced
    Y.applyUpdate(writer.doc, Y.encodeStateAsUpdate(prosemirrorJSONToYDoc(draftSchema, fixture.json, 'content')))
    await waitFor(() => writer.provider.synced && paragraphsOf(writer.doc).length === paragraphCount, 'the draft', 20_000)
    await sleep(500)
    const paragraphs = paragraphsOf(writer.doc)
    const agreedIndexes = agreed ? paragraphs.map((_, index) => index).filter((index) => index % 2 === 0).slice(0, agreedCount) : []
    if (agreedIndexes.length > 0) {
      const keys = agreedIndexes.map((index) => blockKeyOf(paragraphs[index]!)!)
      const answer = await api.put(`/api/documents/${id}/blocks/status`, { blocks: keys, status: 'agreed' })
      if (answer.status !== 200 || answer.json.blocks.length !== agreedCount) throw new Error(`statuses refused: ${JSON.stringify(answer.json).slice(0, 300)}`)
    }
    const agreedSet = new Set(agreedIndexes)
    return { id, open: paragraphs.map((_, index) => index).filter((index) => !agreedSet.has(index)) }
  } finally {
    writer.destroy()
  }
}

/** One block: `writers` editors type into open paragraphs at `editsPerSecond` each; raw readers time each edit's arrival. */
async function latencyBlock(server: TestServer, token: string, draft: Draft): Promise<number[]> {
  const sent = new Map<string, { t: number; measured: boolean }>()
  const samples: number[] = []
  const sockets: WebSocket[] = []
  const editors: TestClient[] = []
  try {
    const ready: Array<Promise<void>> = []
    for (let i = 0; i < readers; i++) {
      const socket = await openSocket(`${server.wsUrl}/${draft.id}?token=${token}`, 10_000, (opened) => {
        let synced = false
        ready.push(
          new Promise<void>((resolve) => {
            opened.on('message', (data: Buffer) => {
              const receivedAt = performance.now()
              const frame = readFrame(data)
              if (frame.kind === 'step2' && !synced) {
                synced = true
                resolve()
              } else if (frame.kind === 'update' || frame.kind === 'step2') {
                const meta = Y.parseUpdateMeta(frame.update)
                for (const [client, to] of meta.to) {
                  const edit = sent.get(`${client}:${to}`)
                  if (edit?.measured) samples.push(receivedAt - edit.t)
                }
              }
            })
          }),
        )
      })
      sockets.push(socket)
      socket.send(emptySyncStep1)
    }
    await Promise.all(ready)
    for (let i = 0; i < writers; i++) {
      const editor = connectClient(server.wsUrl, draft.id, token)
      editors.push(editor)
      await editor.synced
    }
    const start = performance.now()
    const interval = 1000 / editsPerSecond
    await Promise.all(
      editors.map(
        (editor, w) =>
          new Promise<void>((resolve) => {
            const paragraphs = paragraphsOf(editor.doc)
            const texts = draft.open.map((index) => paragraphs[index]!.get(0) as Y.XmlText)
            let k = 0
            const step = () => {
              const elapsed = performance.now() - start
              if (elapsed > warmupMs + blockMs) return resolve()
              const text = texts[(k * 7 + w * 31) % texts.length]!
              const measured = elapsed >= warmupMs
              editor.doc.once('update', (update: Uint8Array) => {
                const clock = Y.parseUpdateMeta(update).to.get(editor.doc.clientID)
                sent.set(`${editor.doc.clientID}:${clock}`, { t: performance.now(), measured })
              })
              text.insert(Math.floor(Math.random() * text.length), 'x')
              k++
              setTimeout(step, Math.max(0, start + (w * interval) / writers + k * interval - performance.now()))
            }
            step()
          }),
      ),
    )
    const expected = [...sent.values()].filter((edit) => edit.measured).length * readers
    const deadline = performance.now() + 10_000
    while (samples.length < expected && performance.now() < deadline) await sleep(20)
    if (editors.some((editor) => editor.closes.length > 0)) throw new Error('an editor was refused: the benchmark must edit open paragraphs only')
    return samples
  } finally {
    for (const editor of editors) editor.destroy()
    await Promise.all(sockets.map((socket) => closeSocket(socket)))
  }
}

/** The lock check alone on one keystroke's update, in process: 150 of 300 paragraphs agreed (a second pass, warmed up). */
function lockCheckMicros(): { medianUs: number; p99Us: number } {
  lockCheckPass()
  return lockCheckPass()
}

function lockCheckPass(): { medianUs: number; p99Us: number } {
  const room = prosemirrorJSONToYDoc(draftSchema, draftFixture({ paragraphs: paragraphCount, recommendations: 0 }).json, 'content')
  const agreed = new Set(paragraphsOf(room).filter((_, index) => index % 2 === 0).map((element) => blockKeyOf(element)!))
  const copy = new Y.Doc()
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(room))
  const updates: Uint8Array[] = []
  copy.on('update', (update: Uint8Array) => updates.push(update))
  const copyParagraphs = paragraphsOf(copy)
  for (let i = 0; i < 2000; i++) (copyParagraphs[(i * 2 + 1) % paragraphCount]!.get(0) as Y.XmlText).insert(i % 50, 'x')
  const times: number[] = []
  let found = 0
  // Each update checked against the room as it stood: apply them in turn after checking.
  for (const update of updates) {
    const started = performance.now()
    found += agreedBlocksTouched(update, room, agreed).length
    times.push((performance.now() - started) * 1000)
    Y.applyUpdate(room, update)
  }
  if (found !== 0) throw new Error('edits in open paragraphs were found to touch agreed ones')
  const sorted = Float64Array.from(times).sort()
  return { medianUs: percentile(sorted, 50), p99Us: percentile(sorted, 99) }
}

export async function runAgreedLockBenchmarks(log: (line: string) => void = console.log): Promise<Row[]> {
  const micro = lockCheckMicros()
  const dataDir = tempDataDir()
  const token = await mintToken(dataDir, 'Bench secretariat', 'secretariat')
  const server = await startTestServer(dataDir, { API_WRITES_PER_MINUTE: '0', LOG_LEVEL: 'error' })
  try {
    const api = new ApiClient(server.url, token)
    const workspace = await api.post('/api/workspaces', { dtg: 1, year: 2031, title: 'Lock bench' })
    const locked = await seededDraft(server, api, token, workspace.json.id, true)
    const unlocked = await seededDraft(server, api, token, workspace.json.id, false)
    const withLocks: number[] = []
    const without: number[] = []
    const blockP99s: Array<[number, number]> = []
    // One block unmeasured: the server's code paths warm up before anything is timed.
    await Promise.all([latencyBlock(server, token, locked), latencyBlock(server, token, unlocked)])
    for (let round = 0; round < rounds; round++) {
      const [lockedSamples, unlockedSamples] = await Promise.all([latencyBlock(server, token, locked), latencyBlock(server, token, unlocked)])
      withLocks.push(...lockedSamples)
      without.push(...unlockedSamples)
      blockP99s.push([percentile(Float64Array.from(lockedSamples).sort(), 99), percentile(Float64Array.from(unlockedSamples).sort(), 99)])
    }
    const sortedWith = Float64Array.from(withLocks).sort()
    const sortedWithout = Float64Array.from(without).sort()
    const p50 = [percentile(sortedWith, 50), percentile(sortedWithout, 50)] as const
    const p99 = [percentile(sortedWith, 99), percentile(sortedWithout, 99)] as const
    log(
      `agreed lock: ${paragraphCount} paragraphs, ${agreedCount} agreed; ${writers} writers x ${editsPerSecond}/s, ${readers} readers, ${rounds} blocks of ${blockMs / 1000} s, both documents at once; ` +
        `samples ${sortedWith.length} with locks, ${sortedWithout.length} without; lock check ${micro.medianUs.toFixed(1)} us median per keystroke; ` +
        `p99 per block (locks/none): ${blockP99s.map(([a, b]) => `${ms(a)}/${ms(b)}`).join(', ')}`,
    )
    const within = (ours: number, reference: number) => ours <= reference * 1.05
    fs.mkdirSync(path.dirname(artifact), { recursive: true })
    fs.writeFileSync(
      artifact,
      JSON.stringify(
        {
          generatedAt: new Date().toISOString(),
          quick,
          scenario: { paragraphs: paragraphCount, agreed: agreedCount, writers, readers, editsPerSecond, blockMs, rounds },
          withLocks: { p50Ms: p50[0], p99Ms: p99[0], samples: sortedWith.length },
          withoutLocks: { p50Ms: p50[1], p99Ms: p99[1], samples: sortedWithout.length },
          blockP99Ms: blockP99s.map(([locks, none]) => ({ locks, none })),
          lockCheckUs: micro,
        },
        null,
        2,
      ) + '\n',
    )
    return [
      {
        metric: `edit-to-everyone p50, ${agreedCount} of ${paragraphCount} paragraphs agreed (ms)`,
        ours: ms(p50[0]),
        reference: `${ms(p50[1])} (no locks)`,
        ratio: ratio(p50[0], p50[1]),
        target: '<= 1.05x',
        met: met(within(p50[0], p50[1])),
      },
      {
        metric: `edit-to-everyone p99, ${agreedCount} of ${paragraphCount} paragraphs agreed (ms)`,
        ours: ms(p99[0]),
        reference: `${ms(p99[1])} (no locks)`,
        ratio: ratio(p99[0], p99[1]),
        target: '<= 1.05x',
        met: met(within(p99[0], p99[1])),
      },
      {
        metric: 'lock check per keystroke update, median / p99 (us)',
        ours: `${micro.medianUs.toFixed(1)} / ${micro.p99Us.toFixed(1)}`,
        reference: '',
        ratio: '',
        target: '',
        met: '',
      },
    ]
  } finally {
    await server.stop()
  }
}
