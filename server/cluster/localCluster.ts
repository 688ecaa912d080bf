/** The cluster of one: nothing to send anywhere, counters and rates in memory, every lock granted. */
import { MemberRate } from '../auth/memberRate.ts'
import type { Cluster, MemberCounter, MemberRateLimit } from './cluster.ts'

export class LocalCounter implements MemberCounter {
  private readonly counts = new Map<number, number>()

  add(memberId: number, by: 1 | -1): void {
    const next = (this.counts.get(memberId) ?? 0) + by
    if (next > 0) this.counts.set(memberId, next)
    else this.counts.delete(memberId)
  }

  async count(memberId: number): Promise<number> {
    return this.counts.get(memberId) ?? 0
  }

  /** Every member's count, for writing them again where they are shared. */
  entries(): IterableIterator<[number, number]> {
    return this.counts.entries()
  }
}

export class LocalCluster implements Cluster {
  readonly shared = false
  readonly instanceId = 'local'
  readonly connections = new LocalCounter()
  readonly streams = new LocalCounter()

  start(): void {}
  publishCollab(): void {}
  publishNotice(): void {}

  rate(_name: string, perMinute: number, burst: number): MemberRateLimit {
    return MemberRate.limit(perMinute, burst)
  }

  async lock(): Promise<() => Promise<void>> {
    return async () => {}
  }

  async check(): Promise<void> {}
  async close(): Promise<void> {}
}
