/** A rate per member (a token bucket each): the one rule behind the REST write and export limits. */
import type { MemberRateLimit } from '../cluster/cluster.ts'
import { TokenBucket } from '../collab/rateLimit.ts'

export class MemberRate {
  private readonly buckets = new Map<number, TokenBucket>()

  constructor(
    private readonly perMinute: number,
    private readonly burst: number,
  ) {}

  /** The rate in this process, behind the interface a shared one (Redis) also has. */
  static limit(perMinute: number, burst: number): MemberRateLimit {
    const rate = new MemberRate(perMinute, burst)
    return { take: async (memberId) => rate.take(memberId) }
  }

  /** Takes one request of the member's share: null if allowed, else the seconds after which one will be. */
  take(memberId: number): number | null {
    if (this.perMinute === 0) return null
    let bucket = this.buckets.get(memberId)
    if (!bucket) {
      // Members are few (hundreds); the map is cleared rather than grown past any sensible size.
      if (this.buckets.size > 10_000) this.buckets.clear()
      this.buckets.set(memberId, (bucket = new TokenBucket(this.perMinute / 60, this.burst)))
    }
    return bucket.take() ? null : Math.max(1, Math.ceil(bucket.msUntilNext() / 1000))
  }
}
