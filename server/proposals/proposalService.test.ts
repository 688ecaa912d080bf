/**
 * Where the proposals are placed: a listing on the worker pool's thread, which reads the text and the proposals from
 * the database itself, with what the loop would place; one proposal just changed on the loop only in a small loaded
 * document; never an error for a change already stored when the pool fails; and the announcements of one proposal in
 * the order of its changes, whichever was placed first.
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
import type { Proposal, ProposalList } from '../../shared/schema/proposals.ts'
import type { Member } from '../../shared/schema/member.ts'
import { MemberDirectory } from '../auth/members.ts'
import type { Rooms } from '../collab/rooms.ts'
import { DocumentEvents } from '../documents/documentEvents.ts'
import { HeavyWork } from '../heavy/heavyWork.ts'
import { WorkerPool } from '../heavy/workerPool.ts'
import { openDatabase } from '../store/database.ts'
import { SqliteDocumentStore } from '../store/sqliteDocuments.ts'
import { RevisionStore } from '../revisions/revisionStore.ts'
import { Registry } from '../workspaces/registry.ts'
import { unplaced } from './placeProposals.ts'
import { ProposalService, type ProposalServiceDeps } from './proposalService.ts'
import { ProposalStore, type StoredProposal } from './proposalStore.ts'

const cleanup: Array<() => Promise<void> | void> = []
afterEach(async () => {
  for (const step of cleanup.splice(0).reverse()) await step()
})

/** An anchor on the start of a text, as an editor makes one. */
function anchorOn(text: Y.XmlText, length: number) {
  const at = (index: number) => toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(text, index, -1)))
  return { start: at(0), end: at(length), quote: text.toString().slice(0, length) }
}

/** A document stored with a heading and two paragraphs, members of three delegations, and what a service needs. */
async function setUp() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-placement-'))
  cleanup.push(() => fs.rmSync(dataDir, { recursive: true, force: true }))
  const database = await openDatabase({ dataDir, migrate: 'always' })
  cleanup.push(() => database.close())
  const registry = await Registry.open(database.db)
  const workspace = await registry.createWorkspace({ dtg: 1, year: 2031, title: 'Placement' })
  const document = await registry.createDocument({ workspaceId: workspace.id, title: 'Draft', kind: 'working-draft', symbol: null, createdBy: null })
  const other = await registry.createDocument({ workspaceId: workspace.id, title: 'Same text', kind: 'working-draft', symbol: null, createdBy: null })
  const members = new MemberDirectory(database.db)
  const kenya = await members.ensureMember('Delegate of Kenya', 'delegation', 'Kenya')
  const brazil = await members.ensureMember('Delegate of Brazil', 'delegation', 'Brazil')
  const lead = await members.ensureMember('Co-facilitator', 'cofacilitator')
  const text = new Y.Doc()
  updateYFragment(text, text.getXmlFragment('content'), Node.fromJSON(draftSchema, doc(heading(1, 'Summary'), paragraph('First paragraph.'), paragraph('Second paragraph.'))), {
    mapping: new Map(),
    isOMark: new Map(),
  })
  const store = new SqliteDocumentStore(database.sqlite!)
  await store.compact(document.id, Y.encodeStateAsUpdate(text), [])
  await store.compact(other.id, Y.encodeStateAsUpdate(text), [])
  const block = (index: number) => (text.getXmlFragment('content').get(index) as Y.XmlElement).get(0) as Y.XmlText
  const pool = new WorkerPool({ size: 1, maxQueued: 4, maxPerMember: 2, timeoutMs: 60_000, maxMemoryMb: 256, idleMs: 0, dataDir })
  cleanup.push(() => pool.close())
  // The room, when a test says it is loaded: its document and how much it stores.
  const room = { loaded: false, storedBytes: 0 }
  const rooms = {
    loaded: () => (room.loaded ? { doc: text, storedBytes: room.storedBytes, state: 'ready' } : undefined),
    whenStored: async () => {},
  } as unknown as Rooms
  const events = new DocumentEvents()
  const published: Array<{ change: string; proposal: Proposal }> = []
  events.subscribe(document.id, (event) => published.push(event.data as { change: string; proposal: Proposal }))
  const deps: ProposalServiceDeps = { proposals: new ProposalStore(database.db), events, rooms, store, catalogue: () => builtInCatalogue }
  const heavy = new HeavyWork({ pool, rooms, store, catalogue: () => builtInCatalogue, maxProblems: 10 })
  return { database, documentId: document.id, otherDocumentId: other.id, kenya, brazil, lead, block, pool, room, deps, heavy, published }
}

test('a listing is read, placed and written on the pool’s thread as the loop would place it, filters included', async () => {
  const { documentId, kenya, brazil, block, pool, deps, heavy } = await setUp()
  const onPool = new ProposalService({ ...deps, heavy })
  const onLoop = new ProposalService(deps)
  const second = await onPool.create(documentId, kenya, { kind: 'replace', anchor: anchorOn(block(2), 6), text: 'Other', explanation: '' })
  const first = await onPool.create(documentId, brazil, { kind: 'delete', anchor: anchorOn(block(1), 6), explanation: 'Not needed.' })
  const title = await onPool.create(documentId, brazil, { kind: 'insert', anchor: anchorOn(block(0), 0), text: 'Annual ', explanation: '' })
  await onPool.takeStance(documentId, second.id, brazil, { stance: 'support', reason: 'Clearer.', updatedAt: second.updatedAt })
  await onPool.withdraw(documentId, title.id, brazil)
  expect(second.place).toMatchObject({ blockKind: 'paragraph', number: 2, label: 'para. 2' })
  expect(first.place).toMatchObject({ blockKind: 'paragraph', number: 1, label: 'para. 1' })
  expect(title.place).toMatchObject({ blockKind: 'heading', label: 'heading' })

  for (const filter of [{}, { status: 'open' as const }, { delegation: 'Brazil' }, { status: 'withdrawn' as const, delegation: 'Brazil' }]) {
    expect(JSON.parse(await onPool.listJson(documentId, filter, kenya.id))).toEqual(JSON.parse(await onLoop.listJson(documentId, filter, kenya.id)))
  }
  const listed = JSON.parse(await onPool.listJson(documentId, {}, kenya.id)) as ProposalList
  // In the order of the text: the heading, paragraph 1, paragraph 2.
  expect(listed.proposals.map((proposal) => proposal.id)).toEqual([title.id, first.id, second.id])
  expect(listed.proposals.map((proposal) => proposal.status)).toEqual(['withdrawn', 'open', 'open'])
  // It was the pool: closed, the listing is refused.
  await pool.close()
  await expect(onPool.listJson(documentId, {}, kenya.id)).rejects.toMatchObject({ status: 503, code: 'shutting_down' })
})

test('a change already stored is answered and announced whatever the pool does; on the loop only in a small loaded document', async () => {
  const { documentId, otherDocumentId, kenya, brazil, lead, block, pool, room, deps, heavy, published, database } = await setUp()
  const service = new ProposalService({ ...deps, heavy })
  const made = await service.create(documentId, kenya, { kind: 'replace', anchor: anchorOn(block(2), 6), text: 'Other', explanation: '' })
  expect(made.place).toMatchObject({ label: 'para. 2' })
  await pool.close()

  // Not loaded: placed on the pool, which fails it; the stance is stored, answered and announced without a place.
  const supported = await service.takeStance(documentId, made.id, brazil, { stance: 'support', reason: '', updatedAt: made.updatedAt })
  expect(supported.stances.map(({ delegation, stance }) => [delegation, stance])).toEqual([['Brazil', 'support']])
  expect(supported.place).toBeNull()
  // Said to be unknown, so that a page keeps the place it had.
  expect(supported.placeUnknown).toBe(true)
  expect(published.at(-1)).toEqual({ change: 'stance', proposal: supported })
  // Listed now: unplaced. Recorded with a revision just cut (a record kept for good): placed all the same, on the loop.
  expect((await service.list(documentId, { status: 'open' })).map((proposal) => [proposal.id, proposal.place])).toEqual([[made.id, null]])
  const revision = await new RevisionStore(database.db).cut({ documentId, label: 'Rev.1', note: null, state: new Uint8Array([0, 0]), content: doc(paragraph('x')), createdBy: lead.id })
  await service.recordForRevision(documentId, revision.id)
  expect((await service.forRevision(revision.id))?.map((proposal) => [proposal.id, proposal.place?.label])).toEqual([[made.id, 'para. 2']])

  // Loaded and small: placed on the loop, in the room's document.
  room.loaded = true
  room.storedBytes = 10_000
  const edited = await service.edit(documentId, made.id, { explanation: 'Shorter.' })
  expect(edited.place).toEqual(made.place)
  // Its listing too (few proposals): the pool, closed, is not asked.
  expect((JSON.parse(await service.listJson(documentId, {}, kenya.id)) as ProposalList).proposals).toEqual([edited])
  // Loaded and small, but with proposals past what a listing on the loop may hold: the listing is the pool's.
  const many: Proposal[] = []
  for (let i = 0; i < 100; i++) {
    many.push(await service.create(documentId, i % 2 === 0 ? kenya : brazil, { kind: 'insert', anchor: anchorOn(block(1), 0), text: `Addition ${i}. `, explanation: '' }))
  }
  expect(many.every((proposal) => proposal.place?.label === 'para. 1')).toBe(true)
  await expect(service.listJson(documentId, {}, kenya.id)).rejects.toMatchObject({ status: 503 })
  // As are long ones, however few (another document with the same text).
  const long = 'A long addition. '.repeat(600)
  for (let i = 0; i < 26; i++) await service.create(otherDocumentId, i % 2 === 0 ? kenya : brazil, { kind: 'insert', anchor: anchorOn(block(1), 0), text: long, explanation: '' })
  await expect(service.listJson(otherDocumentId, {}, kenya.id)).rejects.toMatchObject({ status: 503 })
  // Loaded but large: the pool's, never the loop's; failed there, unplaced (a listing refused).
  room.storedBytes = 600 * 1024
  await expect(service.listJson(documentId, {}, kenya.id)).rejects.toMatchObject({ status: 503 })
  const rejected = await service.reject(documentId, made.id, lead, 'Not agreed.')
  expect(rejected.status).toBe('rejected')
  expect(rejected.place).toBeNull()
  expect(rejected.placeUnknown).toBe(true)
  expect(published.map(({ change }) => change)).toEqual(['created', 'stance', 'edited', ...many.map(() => 'created'), 'rejected'])
})

test('the announcements of one proposal follow its changes, even when the first waits longer for its place', async () => {
  const { documentId, kenya, brazil, lead, block, deps, published } = await setUp()
  let release = () => {}
  const held = new Promise<void>((resolve) => (release = resolve))
  let calls = 0
  const place = { order: 2, blockKind: 'paragraph' as const, number: 2, label: 'para. 2', recommendationId: null }
  // A pool whose first placement waits until released (a thread busy with an export, say), the others answered at once.
  const heavy = {
    placeProposals: async (_documentId: string, proposals: StoredProposal[]) => {
      if (calls++ === 1) await held
      return proposals.map((proposal) => ({ ...unplaced(proposal), place }))
    },
  } as unknown as HeavyWork
  const service = new ProposalService({ ...deps, heavy })
  const made = await service.create(documentId, kenya, { kind: 'replace', anchor: anchorOn(block(2), 6), text: 'Other', explanation: '' })
  const supporting = service.takeStance(documentId, made.id, brazil, { stance: 'support', reason: '', updatedAt: made.updatedAt })
  await new Promise((resolve) => setTimeout(resolve, 50))
  const rejecting = service.reject(documentId, made.id, lead as Member, 'Not agreed.')
  await new Promise((resolve) => setTimeout(resolve, 50))
  // The rejection is stored, but not announced before the stance that came first.
  expect(published.map(({ change }) => change)).toEqual(['created'])
  release()
  await Promise.all([supporting, rejecting])
  expect(published.map(({ change }) => change)).toEqual(['created', 'stance', 'rejected'])
  // The last announcement is the proposal as stored: rejected, with Brazil's support.
  const last = published.at(-1)!.proposal
  expect(last.status).toBe('rejected')
  expect(last.stances.map(({ delegation }) => delegation)).toEqual(['Brazil'])
})

test('pages asking for one listing before its task has begun share the task; once it reads, a new page gets a new one', async () => {
  const { documentId, kenya, brazil, deps } = await setUp()
  const tasks: Array<{ filter: unknown; start: () => void; answer: (body: string) => void }> = []
  const heavy = {
    listProposals: (_documentId: string, filter: unknown, _read: unknown, _memberId: number, onStart: () => void) =>
      new Promise((resolve) => tasks.push({ filter, start: onStart, answer: (body) => resolve({ body }) })),
  } as unknown as HeavyWork
  const service = new ProposalService({ ...deps, heavy })
  const asked = [service.listJson(documentId, {}, kenya.id), service.listJson(documentId, {}, brazil.id), service.listJson(documentId, { status: 'open' }, brazil.id)]
  await Promise.resolve()
  // One task per listing (the filter makes another listing).
  expect(tasks.map(({ filter }) => filter)).toEqual([{}, { status: 'open' }])
  tasks[0].start()
  // Asked once the task reads what is stored: a change made meanwhile may be missing from it, so a task of its own.
  const later = service.listJson(documentId, {}, kenya.id)
  expect(tasks).toHaveLength(3)
  tasks[0].answer('first')
  tasks[1].answer('open ones')
  tasks[2].answer('later')
  expect(await Promise.all([...asked, later])).toEqual(['first', 'first', 'open ones', 'later'])
  // Done: the next page asks anew.
  void service.listJson(documentId, {}, kenya.id)
  expect(tasks).toHaveLength(4)
})
