/** The persist queue's promises: nothing relayed or answered before it is stored, nothing stored without what it builds on. */
import { describe, expect, it } from 'vitest'
import type { AppendEntry, DocumentStore } from '../store/store.ts'
import { PersistQueue, type PendingUpdate } from './persistQueue.ts'

const tick = () => new Promise((resolve) => setImmediate(resolve))

/** A store that writes at once, and fails while `failing` is set. */
function syncStore() {
  const stored: string[] = []
  let seq = 0
  const state = { failing: false, stored }
  const store = {
    appendNow(entries: readonly AppendEntry[]) {
      if (state.failing) throw new Error('disk full')
      stored.push(...entries.map((entry) => String(entry.update[0])))
      return entries.map(() => ++seq)
    },
    async append(entries: readonly AppendEntry[]) {
      if (state.failing) throw new Error('disk full')
      stored.push(...entries.map((entry) => String(entry.update[0])))
      return entries.map(() => ++seq)
    },
  } as unknown as DocumentStore
  return { store, state }
}

const update = (owner: string, n: number): PendingUpdate<string> => ({ documentId: owner, update: new Uint8Array([n]), owner, origin: null })

describe('PersistQueue', () => {
  it('drops what an owner sends after an update that could not be stored, until the owner is told, even if the store recovers', async () => {
    const { store, state } = syncStore()
    const relayed: string[] = []
    const failed: string[] = []
    const queue = new PersistQueue<string>(store, { persisted: (entry) => relayed.push(String(entry.update[0])), failed: (owner) => failed.push(owner) })
    state.failing = true
    queue.enqueue(update('a', 1))
    // The store is back at once (a busy lock released), but 2 builds on 1: it must not be stored alone.
    state.failing = false
    queue.enqueue(update('a', 2))
    queue.enqueue(update('b', 3))
    let answered = false
    queue.afterPending(() => (answered = true))
    // Not answered before the failing owner is told: an answer encoded now would hold update 1.
    expect(answered).toBe(false)
    await tick()
    await tick()
    expect(failed).toEqual(['a'])
    expect(state.stored).toEqual(['3'])
    expect(relayed).toEqual(['3'])
    expect(answered).toBe(true)
  })

  it('fails the owner of an update whose relay throws, and goes on with the others', async () => {
    const { store } = syncStore()
    const failed: string[] = []
    const relayed: string[] = []
    const queue = new PersistQueue<string>(store, {
      persisted: (entry) => {
        if (entry.owner === 'a') throw new Error('the relay broke')
        relayed.push(entry.owner)
      },
      failed: (owner) => failed.push(owner),
    })
    expect(() => queue.enqueue(update('a', 1))).not.toThrow()
    await tick()
    queue.enqueue(update('b', 2))
    await tick()
    expect(failed).toEqual(['a'])
    expect(relayed).toEqual(['b'])
  })

  it('answers only after the follow-up of what was stored, and after what was queued while it waited', async () => {
    const { store, state } = syncStore()
    let releaseFollowUp: (() => void) | null = null
    const events: string[] = []
    const queue = new PersistQueue<string>(store, {
      persisted: (entry) => events.push(`relayed ${entry.update[0]}`),
      failed: () => {},
      batchStored: (owner) => {
        events.push(`follow-up ${owner}`)
        return owner === 'slow' ? new Promise<void>((resolve) => (releaseFollowUp = resolve)) : undefined
      },
    })
    // Stored at once; the answer asked in the same turn; then an update batched in that turn, stored on the next one.
    queue.enqueue(update('a', 1))
    queue.afterPending(() => events.push(`answered with ${state.stored.join(',')}`))
    queue.enqueue(update('b', 2))
    await tick()
    await tick()
    await tick()
    expect(events.filter((event) => event.startsWith('answered'))).toEqual(['answered with 1,2'])
    // An answer waits for a follow-up still running.
    await tick()
    queue.enqueue(update('slow', 3))
    queue.afterPending(() => events.push('answered after the slow follow-up'))
    await tick()
    await tick()
    expect(releaseFollowUp).not.toBeNull()
    expect(events.at(-1)).toBe('follow-up slow')
    releaseFollowUp!()
    await tick()
    expect(events.at(-1)).toBe('answered after the slow follow-up')
  })
})
