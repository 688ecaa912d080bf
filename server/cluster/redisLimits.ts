/** Per-member limits over every instance, in Redis: connection counts per instance with liveness, rates as token buckets. */
import type { Redis } from 'ioredis'
import type { MemberCounter } from './cluster.ts'

/** What the counters need of the cluster. */
export interface RedisAccess {
  readonly redis: Redis
  readonly instanceId: string
  key(name: string): string
  degraded(operation: string, error: unknown): void
}

/** Token bucket per member: tokens refill at ARGV[1] per ms up to ARGV[2]; answers 0 (taken) or the ms to wait. */
export const takeTokenScript = `
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000 + math.floor(tonumber(time[2]) / 1000)
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local held = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(held[1]) or burst
local at = tonumber(held[2]) or now
tokens = math.min(burst, tokens + math.max(0, now - at) * rate)
local wait = 0
if tokens >= 1 then tokens = tokens - 1 else wait = math.ceil((1 - tokens) / rate) end
redis.call('HSET', KEYS[1], 'tokens', tostring(tokens), 'at', tostring(now))
redis.call('PEXPIRE', KEYS[1], math.ceil(burst / rate) + 1000)
return wait`

/** The sum of a member's counts over the instances still alive; those of instances gone are removed. */
const countAliveScript = `
local fields = redis.call('HGETALL', KEYS[1])
local sum = 0
for i = 1, #fields, 2 do
  if redis.call('EXISTS', ARGV[1] .. fields[i]) == 1 then sum = sum + tonumber(fields[i + 1])
  else redis.call('HDEL', KEYS[1], fields[i]) end
end
return sum`

/** Counts one instance keeps for its own connections, written to Redis (and written again after Redis lost them). */
export class RedisCounter implements MemberCounter {
  private readonly local = new Map<number, number>()

  constructor(
    private readonly cluster: RedisAccess,
    private readonly kind: string,
  ) {}

  private key(memberId: number): string {
    return this.cluster.key(`count:${this.kind}:${memberId}`)
  }

  add(memberId: number, by: 1 | -1): void {
    const next = (this.local.get(memberId) ?? 0) + by
    if (next > 0) this.local.set(memberId, next)
    else this.local.delete(memberId)
    const write = next > 0 ? this.cluster.redis.hset(this.key(memberId), this.cluster.instanceId, next) : this.cluster.redis.hdel(this.key(memberId), this.cluster.instanceId)
    write.catch((error) => this.cluster.degraded('count', error))
  }

  async count(memberId: number): Promise<number> {
    try {
      const sum = (await this.cluster.redis.eval(countAliveScript, 1, this.key(memberId), this.cluster.key('instance:'))) as number
      // This instance's own count is known here for sure, whatever Redis has lost.
      return Math.max(sum, this.local.get(memberId) ?? 0)
    } catch (error) {
      this.cluster.degraded('count', error)
      return this.local.get(memberId) ?? 0
    }
  }

  /** Writes every count this instance holds again (after Redis restarted empty). */
  async rewrite(): Promise<void> {
    for (const [memberId, count] of this.local) await this.cluster.redis.hset(this.key(memberId), this.cluster.instanceId, count)
  }
}
