import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { Node } from '@tiptap/pm/model'
import { updateYFragment } from '@tiptap/y-tiptap'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { doc, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import { draftSchema } from '../../shared/schema/editorSchema.ts'
import { ApiError } from '../../shared/errors/apiError.ts'
import { openSqlite } from '../store/sqlite.ts'
import { SqliteDocumentStore } from '../store/sqliteDocuments.ts'
import { RetryLater } from './retryLater.ts'
import { validate } from './tasks.ts'
import { WorkerPool } from './workerPool.ts'

function storedDraft(json: ReturnType<typeof doc>) {
  const ydoc = new Y.Doc()
  updateYFragment(ydoc, ydoc.getXmlFragment('content'), Node.fromJSON(draftSchema, json), { mapping: new Map(), isOMark: new Map() })
  return { state: Y.encodeStateAsUpdate(ydoc), updates: [] }
}

const options = { size: 1, maxQueued: 1, maxPerMember: 1, timeoutMs: 60_000, maxMemoryMb: 256, idleMs: 0 }
const pools: WorkerPool[] = []
afterEach(async () => {
  for (const pool of pools.splice(0)) await pool.close()
})

/** Niceness of each thread of this process, from /proc (Linux). */
function threadNiceness(): number[] {
  return fs.readdirSync('/proc/self/task').map((tid) => {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8')
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16])
  })
}

describe('WorkerPool', () => {
  it('reads a stored document by reference on its thread, state and log, with the result the bytes give', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-pool-'))
    const db = openSqlite(dataDir)
    try {
      const store = new SqliteDocumentStore(db)
      const stored = storedDraft(doc(paragraph('Text.'), recommendation('r1', [], 'Unlinked.')))
      const later = storedDraft(doc(recommendation('r2', [], 'Also unlinked.')))
      await store.compact('by-reference', stored.state, [])
      await store.append([{ documentId: 'by-reference', update: later.state }])
      const pool = new WorkerPool({ ...options, dataDir, nice: 5 })
      pools.push(pool)
      expect(pool.readsStore).toBe(true)
      const byBytes = validate({ stored: { state: stored.state, updates: [later.state] }, catalogue: builtInCatalogue, maxProblems: 10 })
      expect(byBytes.problems.length).toBeGreaterThan(0)
      expect(await pool.run('validate', { stored: { storedIn: 'by-reference' }, catalogue: builtInCatalogue, maxProblems: 10 })).toEqual(byBytes)
      // The thread lowered its own priority; the process's other threads kept theirs.
      if (process.platform === 'linux') {
        const niceness = threadNiceness()
        expect(niceness).toContain(5)
        expect(niceness).toContain(0)
      }
      // A pool without a data directory takes bytes only.
      expect(new WorkerPool(options).readsStore).toBe(false)
    } finally {
      db.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('with documents kept on its thread, reads what a build from the store gives: after an edit, after a compaction', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'dtg-pool-'))
    const db = openSqlite(dataDir)
    try {
      const store = new SqliteDocumentStore(db)
      const ydoc = new Y.Doc()
      const write = (json: ReturnType<typeof doc>) => {
        const before = Y.encodeStateVector(ydoc)
        updateYFragment(ydoc, ydoc.getXmlFragment('content'), Node.fromJSON(draftSchema, json), { mapping: new Map(), isOMark: new Map() })
        return Y.encodeStateAsUpdate(ydoc, before)
      }
      const input = { stored: { storedIn: 'kept' }, catalogue: builtInCatalogue, maxProblems: 10 }
      const asBytes = async () => validate({ stored: await store.load('kept'), catalogue: builtInCatalogue, maxProblems: 10 })
      const pool = new WorkerPool({ ...options, dataDir, keepBytes: 1_000_000 })
      pools.push(pool)
      await store.append([{ documentId: 'kept', update: write(doc(recommendation('r1', [], 'Unlinked.'))) }])
      const first = await pool.run('validate', input)
      expect(first).toEqual(await asBytes())
      await store.append([{ documentId: 'kept', update: write(doc(recommendation('r1', [], 'Unlinked.'), recommendation('r2', [], 'Also unlinked.'))) }])
      const second = await pool.run('validate', input)
      expect(second).toEqual(await asBytes())
      expect(second.problems.length).toBeGreaterThan(first.problems.length)
      const { seqs } = await store.load('kept')
      await store.compact('kept', Y.encodeStateAsUpdate(ydoc), seqs)
      await store.append([{ documentId: 'kept', update: write(doc(paragraph('Only text now.'))) }])
      const third = await pool.run('validate', input)
      expect(third).toEqual(await asBytes())
      expect(third.problems).toEqual([])
    } finally {
      db.close()
      fs.rmSync(dataDir, { recursive: true, force: true })
    }
  })

  it('runs a task on a thread with the same result as in process, and answers its ApiError as an ApiError', async () => {
    const pool = new WorkerPool(options)
    pools.push(pool)
    const stored = storedDraft(doc(paragraph('Text.'), recommendation('r1', [], 'Unlinked.')))
    const input = { stored, catalogue: builtInCatalogue, maxProblems: 10 }
    expect(await pool.run('validate', input)).toEqual(validate(input))

    const refused = pool.run('exportDraft', {
      source: { content: doc(recommendation('r1', [], 'Unlinked.')) },
      format: 'md',
      meta: { title: 'T', symbol: null, revisionLabel: null, date: new Date(0), working: false },
      catalogue: builtInCatalogue,
      maxProblems: 10,
    })
    await expect(refused).rejects.toBeInstanceOf(ApiError)
    await expect(refused).rejects.toMatchObject({ status: 422, code: 'draft_invalid' })
  })

  it('refuses past its queue (503) and past a member share (429), both with a time to retry, and runs the rest', async () => {
    const pool = new WorkerPool(options)
    pools.push(pool)
    const input = { stored: storedDraft(doc(paragraph('x'))), catalogue: builtInCatalogue, maxProblems: 10 }
    const running = pool.run('validate', input, 1)
    const sameMember = pool.run('validate', input, 1)
    const queued = pool.run('validate', input, 2)
    const beyondQueue = pool.run('validate', input, 3)
    // The same refusals, asked before a task's input is gathered; a member with room is let through.
    expect(() => pool.assertRoomFor(1)).toThrow(expect.objectContaining({ status: 429, code: 'too_many_jobs' }))
    expect(() => pool.assertRoomFor(4)).toThrow(expect.objectContaining({ status: 503, code: 'server_busy' }))
    await expect(sameMember).rejects.toMatchObject({ status: 429, code: 'too_many_jobs' })
    await expect(beyondQueue).rejects.toMatchObject({ status: 503, code: 'server_busy' })
    for (const refused of [sameMember, beyondQueue]) {
      const error = await refused.catch((caught) => caught)
      expect(error).toBeInstanceOf(RetryLater)
      expect(error.retryAfterSeconds).toBeGreaterThanOrEqual(1)
    }
    expect((await running).valid).toBe(true)
    expect((await queued).valid).toBe(true)
    // The member's share is free again once its task is done.
    expect(() => pool.assertRoomFor(1)).not.toThrow()
    expect((await pool.run('validate', input, 1)).valid).toBe(true)
  })
  it('starts a thread only for its first task, ends it after idleMs without work, and starts another for the next task', async () => {
    const pool = new WorkerPool({ ...options, idleMs: 300 })
    pools.push(pool)
    expect(pool.threads).toBe(0)
    const input = { stored: storedDraft(doc(paragraph('x'))), catalogue: builtInCatalogue, maxProblems: 10 }
    expect((await pool.run('validate', input)).valid).toBe(true)
    expect(pool.threads).toBe(1)
    const deadline = Date.now() + 10_000
    while (pool.threads > 0 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50))
    expect(pool.threads).toBe(0)
    expect((await pool.run('validate', input)).valid).toBe(true)
    expect(pool.threads).toBe(1)
  })

  it('runs an urgent task before those queued earlier, and urgent ones in the order they came', async () => {
    const pool = new WorkerPool({ ...options, maxQueued: 10, maxPerMember: 0 })
    pools.push(pool)
    const input = { stored: storedDraft(doc(paragraph('x'))), catalogue: builtInCatalogue, maxProblems: 10 }
    const finished: string[] = []
    const started: string[] = []
    const track = (name: string, task: Promise<unknown>) => task.then(() => finished.push(name))
    const onStart = (name: string) => () => started.push(name)
    // The one thread takes the first task at once; the rest wait.
    const all = [
      track('running', pool.run('validate', input, null, { onStart: onStart('running') })),
      track('queued 1', pool.run('validate', input, null, { onStart: onStart('queued 1') })),
      track('queued 2', pool.run('validate', input)),
      track('urgent 1', pool.run('validate', input, null, { urgent: true, onStart: onStart('urgent 1') })),
      track('urgent 2', pool.run('validate', input, null, { urgent: true })),
    ]
    expect(pool.queued).toBe(4)
    // Told as a thread takes each up, not before.
    expect(started).toEqual(['running'])
    await Promise.all(all)
    expect(finished).toEqual(['running', 'urgent 1', 'urgent 2', 'queued 1', 'queued 2'])
    expect(started).toEqual(['running', 'urgent 1', 'queued 1'])
  })

  it('takes out of the queue a task no thread took up within its wait, refused as the queue refuses', async () => {
    const pool = new WorkerPool({ ...options, maxQueued: 10, maxPerMember: 0 })
    pools.push(pool)
    const input = { stored: storedDraft(doc(paragraph('x'))), catalogue: builtInCatalogue, maxProblems: 10 }
    // The first task starts the thread (tens of milliseconds at least); the next may wait 1 ms only.
    const running = pool.run('validate', input)
    const impatient = pool.run('validate', input, null, { urgent: true, maxWaitMs: 1 })
    const patient = pool.run('validate', input, null, { maxWaitMs: 60_000 })
    await expect(impatient).rejects.toMatchObject({ status: 503, code: 'server_busy' })
    expect(pool.queued).toBe(1)
    expect((await running).valid).toBe(true)
    expect((await patient).valid).toBe(true)
  })
})
