/**
 * The protocol fuzzer shared by `npm test` and `npm run bench`: members of every role send random and mutated
 * frames (decodable updates with mutated ids, origins, parents and deletions among them) at a real server while
 * honest clients edit and read, then the server's view, the clients' and the store are compared.
 */
import * as encoding from 'lib0/encoding'
import * as Y from 'yjs'
import { connectClient, type TestClient } from './clients.ts'
import { frameKind, openRawSocket, syncUpdateFrame, type RawSocket } from './rawSocket.ts'
import { encodeDecodedUpdate, mutateUpdate } from './updateMutation.ts'

export type Random = () => number

export function seededRandom(seed: number): Random {
  let state = seed >>> 0 || 1
  return () => {
    // xorshift32
    state ^= state << 13
    state ^= state >>> 17
    state ^= state << 5
    return (state >>> 0) / 2 ** 32
  }
}

export interface FuzzSender {
  role: string
  documentId: string
  token: string
  canWrite: boolean
}

export interface FuzzReport {
  frames: number
  byKind: Record<string, number>
  reconnects: number
  closeCodes: Record<number, number>
}

interface Frame {
  kind: string
  bytes: Uint8Array
  /** Whether the frame may close the connection: it is sent last in its burst. */
  mayClose: boolean
}

const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]

function awarenessFrame(states: Array<[number, number, string]>): Uint8Array {
  const update = encoding.createEncoder()
  encoding.writeVarUint(update, states.length)
  for (const [clientId, clock, json] of states) {
    encoding.writeVarUint(update, clientId)
    encoding.writeVarUint(update, clock)
    encoding.writeVarString(update, json)
  }
  const frame = encoding.createEncoder()
  encoding.writeVarUint(frame, 1)
  encoding.writeVarUint8Array(frame, encoding.toUint8Array(update))
  return encoding.toUint8Array(frame)
}

function syncFrame(step: number, payload: Uint8Array): Uint8Array {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, 0)
  encoding.writeVarUint(encoder, step)
  encoding.writeVarUint8Array(encoder, payload)
  return encoding.toUint8Array(encoder)
}

/** Makes the frames one sender sends, from a view of the document (the honest writer's). */
class FrameMaker {
  private clock = 1
  private clientLists: Array<Array<Y.Item | Y.GC>> | null = null
  private clientListsAge = 0
  constructor(
    private readonly random: Random,
    private readonly view: () => Y.Doc,
    /** Client ids the attacker writes as: never an honest client's (that would be a client-id collision, not an attack on the relay). */
    private readonly ownClients: number[],
    private readonly canWrite: boolean,
  ) {}

  viewDoc(): Y.Doc {
    return this.view()
  }

  /**
   * An edit following on from the current view, built as structs rather than by copying the document (a copy
   * per frame would cost more than the server's work): an insertion after an existing character, a deletion of
   * one, or a new map entry, as one of the sender's own client ids.
   */
  private edit(): Uint8Array {
    const view = this.view()
    const client = pick(this.random, this.ownClients)
    const clock = Y.getState(view.store, client)
    const items: Y.Item[] = []
    // A few clients' structs, not every client's: accepted mutations add clients, and a scan of all would grow with the run.
    if (!this.clientLists || ++this.clientListsAge > 50) {
      this.clientLists = [...view.store.clients.values()]
      this.clientListsAge = 0
    }
    for (let k = 0; k < 6 && this.clientLists.length > 0; k++) {
      const structs = pick(this.random, this.clientLists)
      for (let i = 0; i < 2 && structs.length > 0; i++) {
        const struct = structs[Math.floor(this.random() * structs.length)]
        if (struct instanceof Y.Item && struct.content instanceof Y.ContentString) items.push(struct)
      }
    }
    const r = this.random()
    if (r < 0.25 && items.length > 0) {
      const target = pick(this.random, items)
      const offset = Math.floor(this.random() * target.length)
      return encodeDecodedUpdate([], new Map([[target.id.client, [{ clock: target.id.clock + offset, len: 1 }]]]))
    }
    let item: Y.Item
    if (items.length > 0 && r < 0.9) {
      const left = pick(this.random, items)
      const origin = Y.createID(left.id.client, left.id.clock + Math.floor(this.random() * left.length))
      item = new Y.Item(Y.createID(client, clock), null, origin, null, null, null, null, new Y.ContentString(pick(this.random, ['a', 'fuzz ', '§', 'x'.repeat(30)])))
    } else {
      item = new Y.Item(Y.createID(client, clock), null, null, null, null, 'content' as unknown as Y.ID, null, new Y.ContentString('start '))
    }
    return encodeDecodedUpdate([item], new Map())
  }

  private valid(): Frame {
    const r = this.random()
    if (r < 0.45) {
      const update = this.edit()
      return { kind: 'update', bytes: syncFrame(this.random() < 0.5 ? 1 : 2, update), mayClose: false }
    }
    if (r < 0.7) {
      const id = this.ownClients[0]
      const state = this.random() < 0.2 ? 'null' : JSON.stringify({ user: { name: 'fuzz', color: '#123' }, cursor: { anchor: this.random() } })
      return { kind: 'awareness', bytes: awarenessFrame([[id, this.clock++, state]]), mayClose: false }
    }
    if (r < 0.9) {
      const sv = this.random() < 0.9 ? Y.encodeStateVector(this.view()) : Y.encodeStateVector(new Y.Doc())
      return { kind: 'sync-step1', bytes: syncFrame(0, sv), mayClose: false }
    }
    return { kind: 'query-awareness', bytes: new Uint8Array([3]), mayClose: false }
  }

  next(): Frame {
    const r = this.random()
    // Writers' mutated updates close the connection when they refer to what the server lacks (4502): fewer of them,
    // so that most frames travel in long bursts rather than one connection each.
    if (r < (this.canWrite ? 0.2 : 0.4)) {
      // A decodable update with a mutated id, origin, right origin, parent or deletion.
      const update = mutateUpdate(this.edit(), this.random, [...this.ownClients, 1, 2, 3])
      return { kind: 'mutated-update', bytes: syncFrame(this.random() < 0.5 ? 1 : 2, update), mayClose: this.canWrite }
    }
    if (r < 0.93) return this.valid()
    if (r < 0.95) {
      const ids = Array.from({ length: 1 + Math.floor(this.random() * 8) }, (_, i): [number, number, string] => [
        this.ownClients[0] + i,
        this.clock++,
        this.random() < 0.5 ? '['.repeat(50) + ']'.repeat(50) : JSON.stringify({ blob: 'y'.repeat(Math.floor(this.random() * 40_000)) }),
      ])
      return { kind: 'hostile-awareness', bytes: awarenessFrame(ids), mayClose: true }
    }
    if (r < 0.98) {
      const base = this.valid().bytes
      const bytes = base.slice()
      const flips = 1 + Math.floor(this.random() * 4)
      for (let i = 0; i < flips; i++) bytes[Math.floor(this.random() * bytes.length)] = Math.floor(this.random() * 256)
      return { kind: 'byte-mutated', bytes, mayClose: true }
    }
    const bytes = new Uint8Array(1 + Math.floor(this.random() * 64)).map(() => Math.floor(this.random() * 256))
    if (this.random() < 0.7) bytes[0] = Math.floor(this.random() * 4)
    return { kind: 'random', bytes, mayClose: true }
  }
}

/** Sends frames from one sender until `quota` have been delivered; reopens the connection whenever the server closes it. */
async function fuzzOneSender(
  wsUrl: string,
  sender: FuzzSender,
  maker: FrameMaker,
  quota: number,
  random: Random,
  report: FuzzReport,
): Promise<void> {
  let socket: RawSocket | null = null
  let answered = 0
  let asked = 0
  let onAnswer: (() => void) | null = null
  const open = async () => {
    const opened = await openRawSocket(`${wsUrl}/${sender.documentId}?token=${sender.token}`)
    opened.ws.on('message', (data: Buffer) => {
      if (frameKind(new Uint8Array(data)) !== 'sync-step2') return
      answered++
      if (answered >= asked) onAnswer?.()
    })
    answered = 0
    asked = 0
    return opened
  }
  let sent = 0
  while (sent < quota) {
    socket ??= await open()
    const current = socket
    // A burst of frames that should leave the connection open, ending with at most one that may close it.
    const burst: Frame[] = []
    const size = 1 + Math.floor(random() * 40)
    while (burst.length < size && sent + burst.length < quota) {
      const frame = maker.next()
      burst.push(frame)
      if (frame.mayClose) break
    }
    for (const frame of burst) {
      report.byKind[frame.kind] = (report.byKind[frame.kind] ?? 0) + 1
      if (frame.kind === 'sync-step1') asked++
      current.send(frame.bytes)
    }
    // The marker: a request for what the view lacks, answered once everything before it was handled.
    asked++
    current.send(syncFrame(0, Y.encodeStateVector(maker.viewDoc())))
    sent += burst.length
    let timer: NodeJS.Timeout | undefined
    const closed = await Promise.race([
      current.closed.then((close) => close),
      new Promise<null>((resolve, reject) => {
        onAnswer = () => resolve(null)
        if (answered >= asked) resolve(null)
        timer = setTimeout(() => reject(new Error(`${sender.role} on ${sender.documentId}: no answer to the marker within 30 s`)), 30_000)
      }),
    ])
    clearTimeout(timer)
    onAnswer = null
    if (closed) {
      report.closeCodes[closed.code] = (report.closeCodes[closed.code] ?? 0) + 1
      report.reconnects++
      socket = null
    }
  }
  if (socket) {
    socket.ws.close()
    await socket.closed
  }
}

export interface FuzzSetup {
  wsUrl: string
  senders: FuzzSender[]
  /** The honest writer of each document the senders write to (its view seeds the updates), by document id. */
  writerToken: string
  readerToken: string
  frames: number
  seed: number
}

/** Runs the fuzzer; the honest clients keep editing and reading meanwhile and are returned, still connected. */
export async function runProtocolFuzz(setup: FuzzSetup): Promise<{ report: FuzzReport; honest: Map<string, { writer: TestClient | null; reader: TestClient }> }> {
  const report: FuzzReport = { frames: 0, byKind: {}, reconnects: 0, closeCodes: {} }
  const documentIds = [...new Set(setup.senders.map((s) => s.documentId))]
  const honest = new Map<string, { writer: TestClient | null; reader: TestClient }>()
  for (const documentId of documentIds) {
    const writesHere = setup.senders.some((s) => s.documentId === documentId && s.canWrite)
    const writer = writesHere ? connectClient(setup.wsUrl, documentId, setup.writerToken) : null
    const reader = connectClient(setup.wsUrl, documentId, setup.readerToken)
    await Promise.all([writer?.synced, reader.synced])
    honest.set(documentId, { writer, reader })
  }
  let editing = true
  const edits = (async () => {
    const random = seededRandom(setup.seed ^ 0x5bd1e995)
    for (let i = 0; editing && i < 600; i++) {
      for (const { writer } of honest.values()) {
        if (!writer) continue
        const text = writer.text
        if (random() < 0.7 || text.length < 5) text.insert(Math.floor(random() * (text.length + 1)), 'honest ')
        else text.delete(Math.floor(random() * (text.length - 1)), 1)
      }
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  })()
  const quota = Math.ceil(setup.frames / setup.senders.length)
  await Promise.all(
    setup.senders.map((sender, i) => {
      const random = seededRandom(setup.seed + i * 7919)
      const entry = honest.get(sender.documentId)!
      // The reader's document holds only what came from the server: edits made on it follow on from the server's state.
      const view = () => entry.reader.doc
      const maker = new FrameMaker(random, view, [100_000 + i * 16, 100_001 + i * 16], sender.canWrite)
      return fuzzOneSender(setup.wsUrl, sender, maker, quota, random, report)
    }),
  )
  editing = false
  await edits
  report.frames = Object.values(report.byKind).reduce((a, b) => a + b, 0)
  return { report, honest }
}

/** The document as a newcomer receives it: connects, syncs, reads, leaves. */
export async function newcomerView(wsUrl: string, documentId: string, token: string): Promise<{ text: string; meta: unknown; stateVector: Uint8Array; pending: boolean }> {
  const client = connectClient(wsUrl, documentId, token)
  try {
    await client.synced
    return {
      text: client.text.toString(),
      meta: client.doc.getMap('meta').toJSON(),
      stateVector: Y.encodeStateVector(client.doc),
      pending: client.doc.store.pendingStructs !== null || client.doc.store.pendingDs !== null,
    }
  } finally {
    client.destroy()
  }
}
