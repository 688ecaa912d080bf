import { describe, expect, it } from 'vitest'
import { TokenBucket } from './rateLimit.ts'

describe('TokenBucket', () => {
  it('allows a burst, then the sustained rate', () => {
    let now = 0
    const bucket = new TokenBucket(10, 3, () => now)
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false])
    expect(bucket.msUntilNext()).toBe(100)
    now += 100
    expect(bucket.take()).toBe(true)
    expect(bucket.take()).toBe(false)
    now += 10_000
    // Refilling stops at the burst size.
    expect([bucket.take(), bucket.take(), bucket.take(), bucket.take()]).toEqual([true, true, true, false])
  })
})
