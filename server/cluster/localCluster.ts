/** The cluster of one: nothing to send anywhere, counters and rates in memory, every lock granted. */
import { MemberRate } from '../auth/memberRate.ts'
import type { Cluster, ClusterHandlers, ClusterNotice, CollabMessage, MemberCounter, MemberRateLimit, Unlock } from './cluster.ts'

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
  readonly shared: boolean = false
  readonly instanceId: string = 'local'
  readonly connections = new LocalCounter()
  readonly streams = new LocalCounter()

  start(_handlers: ClusterHandlers): void {}
  publishCollab(_message: CollabMessage): void {}
  publishNotice(_notice: ClusterNotice): void {}

  rate(_name: string, perMinute: number, burst: number): MemberRateLimit {
    return MemberRate.limit(perMinute, burst)
  }

  async lock(_name: string, _ttlMs: number): Promise<Unlock | null> {
    return async () => {}
  }

  async check(): Promise<void> {}
  async close(): Promise<void> {}
}
