/**
 * Where the proposals are placed: on the worker pool's thread, which reads the text and the proposals from the
 * database itself; and, for a change already stored, on the relay's loop when the pool refuses the work.
 */
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { Node } from '@tiptap/pm/model'
import { updateYFragment } from '@tiptap/y-tiptap'
import { toBase64 } from 'lib0/buffer'
import { afterEach, expect, test } from 'vitest'
import * as Y from 'yjs'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { doc, heading, paragraph } from '../../shared/schema/draftBuilders.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import type { ProposalList } from '../../shared/schema/proposals.ts'
import { MemberDirectory } from '../auth/members.ts'
import type { Rooms } from '../collab/rooms.ts'
import { DocumentEvents } from '../documents/documentEvents.ts'
import { HeavyWork } from '../heavy/heavyWork.ts'
import { WorkerPool } from '../heavy/workerPool.ts'
import { openDatabase, type OpenDatabase } from '../store/database.ts'
import { SqliteDocumentStore } from '../store/sqliteDocuments.ts'
import { Registry } from '../workspaces/registry.ts'
import { ProposalService } from './proposalService.ts'
import { ProposalStore } from './proposalStore.ts'

const cleanup: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

/** An anchor on the start of a paragraph's text, as an editor makes one. */
function anchorOn(text: Y.XmlText, length: number) {
  const at = (index: number) => toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, -1)))
  return { start: at(0), end: at(length), quote: text.toString().slice(0, length) }
}

test('proposals are placed on the pool’s thread; a stored change is still answered, placed on the loop, when the pool refuses', async () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-placement-'))
  cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))
  const database: OpenDatabase = await openDatabase({ dataDir, migrate: 'always' })
  cleanup.push(() => database.close())
  const registry = await Registry.open(database.db)
  const workspace = await registry.createWorkspace({ dtg: 1, year: 2031, title: 'Placement' })
  const document = await registry.createDocument({ workspaceId: workspace.id, title: 'Draft', kind: 'working-draft', symbol: null, createdBy: null })
  const members = new MemberDirectory(database.db)
  const kenya = await members.ensureMember('Delegate of Kenya', 'delegation', 'Kenya')
  const brazil = await members.ensureMember('Delegate of Brazil', 'delegation', 'Brazil')

  // The text as stored: a heading and two paragraphs; the proposal is on the second.
  const text = new Y.Doc()
  updateYFragment(text, text.getXmlFragment('content'), Node.fromJSON(draftSchema, doc(heading(1, 'Summary'), paragraph('First paragraph.'), paragraph('Second paragraph.'))), {
    mapping: new Map(),
    isOMark: new Map(),
  })
  const store = new SqliteDocumentStore(database.sqlite!)
  await store.compact(document.id, Y.encodeStateAsUpdate(text), [])
  const second = (text.getXmlFragment('content').get(2) as Y.XmlElement).get(0) as Y.XmlText

  // No room is loaded: the text is read from the store.
  const rooms = { loaded: () => undefined, whenStored: async () => {} } as unknown as Rooms
  const pool = new WorkerPool({ size: 1, maxQueued: 4, maxPerMember: 2, timeoutMs: 60_000, maxMemoryMb: 256, idleMs: 0, dataDir })
  cleanup.push(() => pool.close())
  const heavy = new HeavyWork({ pool, rooms, store, catalogue: () => builtInCatalogue, maxProblems: 10 })
  const events = new DocumentEvents()
  const published: unknown[] = []
  events.subscribe(document.id, (event) => published.push(event))
  const service = new ProposalService({ proposals: new ProposalStore(database.db), events, rooms, store, catalogue: () => builtInCatalogue, heavy })

  const made = await service.create(document.id, kenya, { kind: 'replace', anchor: anchorOn(second, 6), text: 'Other', explanation: '' })
  expect(made.place).toMatchObject({ blockKind: 'paragraph', number: 2, label: 'para. 2' })
  expect(made.outdated).toBe(false)
  expect(made.quote).toBe('Second')

  // The listing, read, placed and written on the thread: what the loop would have placed.
  const listed = JSON.parse(await service.listJson(document.id, {}, brazil.id)) as ProposalList
  expect(listed).toEqual({ documentId: document.id, revision: null, proposals: [made] })
  expect(JSON.parse(await service.listJson(document.id, { delegation: 'Brazil' }, brazil.id))).toEqual({ documentId: document.id, revision: null, proposals: [] })

  // The pool refuses from now on (closing): a listing is refused, nothing changed by it.
  await pool.close()
  await expect(service.listJson(document.id, {}, brazil.id)).rejects.toMatchObject({ status: 503, code: 'shutting_down' })
  // A stance is stored before it is placed: it is answered, and announced, placed on the loop instead.
  const supported = await service.takeStance(document.id, made.id, brazil, { stance: 'support', reason: '', updatedAt: made.updatedAt })
  expect(supported.place).toEqual(made.place)
  expect(supported.stances.map(({ delegation, stance }) => [delegation, stance])).toEqual([['Brazil', 'support']])
  expect(published.at(-1)).toMatchObject({ data: { change: 'stance', proposal: { id: made.id, place: made.place } } })
})
