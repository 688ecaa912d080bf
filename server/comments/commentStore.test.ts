import { afterEach, beforeEach, describe, expect, test } from 'vitest'
import { backends, testDatabase, type TestDatabase } from '../../tests/helpers/databases.ts'
import { MemberDirectory } from '../auth/members.ts'
import { Registry } from '../workspaces/registry.ts'
import { CommentStore, newCommentId } from './commentStore.ts'

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
})
