import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { backends, testDatabase, type TestDatabase } from '../../tests/helpers/databases.ts'
import { MemberDirectory } from '../auth/members.ts'
import { Registry } from '../workspaces/registry.ts'
import { CommentStore, newCommentId, type Thread } from './commentStore.ts'

const anchor = { start: 'AQ==', end: 'AQ==', quote: 'must be protected' }

describe.each(backends)('comment store on %s', (dialect) => {
  let database: TestDatabase
  let store: CommentStore
  let members: MemberDirectory
  let documentId: string
  let otherDocumentId: string

  beforeEach(async () => {
    database = await testDatabase(dialect)
    const { db } = await database.open()
    members = new MemberDirectory(db)
    const registry = await Registry.open(db)
    const workspace = await registry.createWorkspace({ dtg: 1, year: 2027, title: 'DTG 1' })
    const create = () => registry.createDocument({ workspaceId: workspace.id, title: 'Summary', kind: 'annual-summary', symbol: null, createdBy: null })
    documentId = (await create()).id
    otherDocumentId = (await create()).id
    store = new CommentStore(db)
  })
  afterEach(() => database.cleanup())

  test('reads a thread back with its authors from the members directory, stakeholder input marked', async () => {
    const kenya = await members.ensureMember('Delegate of Kenya', 'delegation', 'Kenya', 'african')
    const ngo = await members.ensureMember('Access Now', 'stakeholder', 'Access Now')
    const opened = await store.open({ documentId, anchor, authorId: ngo.id, body: 'Add water utilities.', at: 1000 })
    expect(opened).toEqual({
      id: expect.any(String),
      documentId,
      anchor,
      author: { id: ngo.id, name: 'Access Now', role: 'stakeholder', delegation: 'Access Now', regionalGroup: null },
      stakeholder: true,
      createdAt: 1000,
      resolved: null,
      comments: [
        {
          id: expect.any(String),
          threadId: opened.id,
          author: opened.author,
          body: 'Add water utilities.',
          createdAt: 1000,
          editedAt: null,
          deleted: false,
        },
      ],
    })
    const replied = await store.reply(documentId, opened.id, kenya.id, 'Agreed.', 2000)
    expect(replied.comments[1].author).toEqual({ id: kenya.id, name: 'Delegate of Kenya', role: 'delegation', delegation: 'Kenya', regionalGroup: 'african' })
    expect(await store.threads(documentId)).toEqual([replied])
    expect(await store.threads(otherDocumentId)).toEqual([])
    expect(await store.thread(otherDocumentId, opened.id)).toBeNull()
  })

  test('keeps the order comments were made in, even within one millisecond', async () => {
    const kenya = await members.ensureMember('Kenya', 'delegation')
    const thread = await store.open({ documentId, anchor, authorId: kenya.id, body: 'first', at: 5000 })
    for (let i = 0; i < 50; i++) await store.reply(documentId, thread.id, kenya.id, `reply ${i}`, 5000)
    expect((await store.thread(documentId, thread.id))!.comments.map((comment) => comment.body)).toEqual(['first', ...Array.from({ length: 50 }, (_, i) => `reply ${i}`)])
    const ids = Array.from({ length: 5000 }, () => newCommentId(7000))
    expect([...ids].sort()).toEqual(ids)
  })

  test('deletes softly: the comment keeps its place with no body; a thread with every comment deleted leaves the listing', async () => {
    const kenya = await members.ensureMember('Kenya', 'delegation')
    const brazil = await members.ensureMember('Brazil', 'delegation')
    const thread = await store.open({ documentId, anchor, authorId: kenya.id, body: 'Kenya proposes.' })
    const reply = (await store.reply(documentId, thread.id, brazil.id, 'Brazil objects.')).comments[1]
    const afterFirst = (await store.delete((await store.comment(documentId, thread.comments[0].id))!))!
    expect(afterFirst.comments.map(({ body, deleted }) => ({ body, deleted }))).toEqual([
      { body: '', deleted: true },
      { body: 'Brazil objects.', deleted: false },
    ])
    expect(await store.comment(documentId, thread.comments[0].id)).toMatchObject({ deleted: true, authorId: kenya.id, threadId: thread.id })
    // An edit of a deleted comment changes nothing.
    expect((await store.edit((await store.comment(documentId, thread.comments[0].id))!, 'Back again.'))!.comments[0].body).toBe('')

    const afterAll = (await store.delete((await store.comment(documentId, reply.id))!))!
    expect(afterAll.comments.every((comment) => comment.deleted)).toBe(true)
    expect(await store.threads(documentId)).toEqual([])
    expect(await store.thread(documentId, thread.id)).toBeNull()
    expect((await store.threadWithDeleted(documentId, thread.id))!.id).toBe(thread.id)
  })

  test('edits, resolves once and reopens', async () => {
    const lead = await members.ensureMember('Co-facilitator', 'cofacilitator')
    const other = await members.ensureMember('Secretariat', 'secretariat')
    const thread = await store.open({ documentId, anchor, authorId: lead.id, body: 'Draft.' })
    const edited = (await store.edit((await store.comment(documentId, thread.comments[0].id))!, 'Draft, amended.', 9000))!
    expect(edited.comments[0]).toMatchObject({ body: 'Draft, amended.', editedAt: 9000 })
    const resolved = (await store.resolve(documentId, thread.id, lead.id, 10_000))!
    expect(resolved.resolved).toEqual({ by: expect.objectContaining({ id: lead.id }), at: 10_000 })
    // Resolving again keeps who resolved it first.
    expect((await store.resolve(documentId, thread.id, other.id, 11_000))!.resolved).toEqual(resolved.resolved)
    expect((await store.reopen(documentId, thread.id))!.resolved).toBeNull()
  })

  test('still names the author of a revoked member', async () => {
    const kenya = await members.ensureMember('Kenya', 'delegation', 'Kenya')
    const thread = await store.open({ documentId, anchor, authorId: kenya.id, body: 'Before revocation.' })
    await members.revoke(kenya.id)
    expect((await store.thread(documentId, thread.id))!.author.name).toBe('Kenya')
  })

  test('serves the threads a bounded page at a time, in the order of the listing, each once, past threads deleted meanwhile', async () => {
    const kenya = await members.ensureMember('Delegate of Kenya', 'delegation', 'Kenya', 'african')
    const opened: Thread[] = []
    // Two threads in the same millisecond: their order is their ids'.
    for (const at of [1000, 2000, 2000, 3000, 4000, 5000]) opened.push(await store.open({ documentId, anchor, authorId: kenya.id, body: `At ${at}.`, at }))
    for (let n = 0; n < 4; n++) await store.reply(documentId, opened[4].id, kenya.id, `Reply ${n}.`, 6000 + n)
    await store.open({ documentId: otherDocumentId, anchor, authorId: kenya.id, body: 'Elsewhere.' })
    const all = await store.threads(documentId)
    expect(all).toHaveLength(6)

    const pages = async (maxThreads: number, maxComments: number, between?: (page: number) => Promise<void>) => {
      const seen: Array<Array<{ id: string; comments: number }>> = []
      let after: string | null = null
      do {
        const page: { threads: Thread[]; next: string | null } = (await store.threadPage(documentId, { after, maxThreads, maxComments }))!
        seen.push(page.threads.map((thread) => ({ id: thread.id, comments: thread.comments.length })))
        after = page.next
        await between?.(seen.length)
      } while (after !== null)
      return seen
    }
    const ids = (seen: Array<Array<{ id: string }>>) => seen.flat().map((thread) => thread.id)
    // By the number of threads.
    const byCount = await pages(4, 100)
    expect(byCount.map((page) => page.length)).toEqual([4, 2])
    expect(ids(byCount)).toEqual(all.map((thread) => thread.id))
    expect(byCount.flat().find((thread) => thread.id === opened[4].id)!.comments).toBe(5)
    // By the number of comments: the thread of five fills a page of its own, larger than the budget, rather than none.
    const byComments = await pages(10, 3)
    expect(byComments.map((page) => page.map((thread) => thread.comments))).toEqual([[1, 1, 1], [1], [5], [1]])
    expect(ids(byComments)).toEqual(all.map((thread) => thread.id))
    // The cursor's own thread gone from the listing (every comment deleted) after its page was read: the next pages
    // still follow on from it, nothing repeated or skipped; a new read leaves it out.
    const deleted = await pages(2, 100, async (page) => {
      if (page === 1) await store.delete((await store.comment(documentId, opened[1].comments[0].id))!)
    })
    expect(ids(deleted)).toEqual(all.map((thread) => thread.id))
    expect(ids(await pages(2, 100))).toEqual(all.map((thread) => thread.id).filter((id) => id !== opened[1].id))
    // A cursor that names no thread of the document.
    expect(await store.threadPage(documentId, { after: 'no-such-thread', maxThreads: 2, maxComments: 10 })).toBeNull()
    expect(await store.threadPage(otherDocumentId, { after: opened[0].id, maxThreads: 2, maxComments: 10 })).toBeNull()
  })
})
