/** The leads in memory and the reads that refresh them: a read never undoes what is newer than it. */
import { describe, expect, it } from 'vitest'
import type { Db } from '../store/database.ts'
import type { Registry } from '../workspaces/registry.ts'
import { Access } from './access.ts'

type Row = { workspace_id: string; member_id: number }

/** A database whose reads of the leads answer only when the test says, in the order they were asked. */
function heldReads() {
  const pending: Array<(rows: Row[]) => void> = []
  const db = {
    selectFrom: () => ({ select: () => ({ execute: () => new Promise<Row[]>((resolve) => pending.push(resolve)) }) }),
    insertInto: () => ({ values: () => ({ onConflict: () => ({ executeTakeFirst: async () => ({ numInsertedOrUpdatedRows: 1n }) }) }) }),
  } as unknown as Db
  return { db, pending }
}

const flush = () => new Promise((resolve) => setImmediate(resolve))

describe('Access', () => {
  it('answers a reload asked during a read with a read that begins after it', async () => {
    const { db, pending } = heldReads()
    const access = new Access(db, {} as Registry)
    const first = access.reload()
    await flush()
    // Meanwhile another instance makes member 7 a lead and says so: the read under way may predate that.
    let done = false
    const second = access.reload().then(() => (done = true))
    pending.shift()!([])
    await first
    await flush()
    expect(done).toBe(false)
    expect(pending).toHaveLength(1)
    pending.shift()!([{ workspace_id: 'w', member_id: 7 }])
    await second
    expect(access.leads(7, 'w')).toBe(true)
  })

  it('keeps a lead added here while an older read is under way, and reports no change it did not make', async () => {
    const { db, pending } = heldReads()
    const access = new Access(db, {} as Registry)
    const loaded = access.reload()
    pending.shift()!([])
    await loaded
    const told: string[] = []
    access.leadListeners.add((memberId, workspaceId) => told.push(`${memberId}@${workspaceId}`))
    const stale = access.reload()
    await flush()
    await access.addLead('w', 7, 1)
    expect(told).toEqual(['7@w'])
    // The read that began before the lead was added answers without it: it is not taken in, and reads again.
    pending.shift()!([])
    await flush()
    expect(access.leads(7, 'w')).toBe(true)
    expect(pending).toHaveLength(1)
    let settled = false
    void stale.then(() => (settled = true))
    await flush()
    expect(settled).toBe(false)
    pending.shift()!([{ workspace_id: 'w', member_id: 7 }])
    await stale
    expect(access.leads(7, 'w')).toBe(true)
    expect(told).toEqual(['7@w'])
  })
})
