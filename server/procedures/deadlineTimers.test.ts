import { afterEach, describe, expect, it } from 'vitest'
import { DeadlineTimers } from './deadlineTimers.ts'

const timers: DeadlineTimers[] = []
afterEach(() => {
  for (const t of timers.splice(0)) t.stopAll()
})

function fired(timersOf: DeadlineTimers, key: string, at: number): Promise<number> {
  return new Promise((resolve) => timersOf.schedule(key, at, () => resolve(Date.now())))
}

describe('deadline timers', () => {
  it('fires at the deadline, never before it', async () => {
    const t = new DeadlineTimers()
    timers.push(t)
    const at = Date.now() + 120
    expect(await fired(t, 'a', at)).toBeGreaterThanOrEqual(at)
    expect(t.has('a')).toBe(false)
  })

  it('fires at once for a deadline already past (settlement at start-up)', async () => {
    const t = new DeadlineTimers()
    timers.push(t)
    let count = 0
    t.schedule('past', Date.now() - 60_000, () => count++)
    expect(count).toBe(1)
    expect(t.size).toBe(0)
  })

  it('re-arms in steps when the delay is longer than one timer may wait', async () => {
    let clockCalls = 0
    const now = () => {
      clockCalls++
      return Date.now()
    }
    // A limit of 30 ms stands for setTimeout's 24.8 days: a deadline 200 ms away takes several steps.
    const t = new DeadlineTimers(now, 30)
    timers.push(t)
    const at = Date.now() + 200
    expect(await fired(t, 'long', at)).toBeGreaterThanOrEqual(at)
    expect(clockCalls).toBeGreaterThanOrEqual(7)
  })

  it('replaces and cancels timers by key', async () => {
    const t = new DeadlineTimers()
    timers.push(t)
    let first = 0
    t.schedule('k', Date.now() + 50, () => first++)
    const second = fired(t, 'k', Date.now() + 80)
    await second
    expect(first).toBe(0)
    let cancelled = 0
    t.schedule('c', Date.now() + 30, () => cancelled++)
    t.cancel('c')
    await new Promise((resolve) => setTimeout(resolve, 60))
    expect(cancelled).toBe(0)
  })
})
