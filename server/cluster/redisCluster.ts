/**
 * The cluster over Redis: document traffic on one channel and notices on another (publish/subscribe), each message
 * numbered per sending instance so that a receiver sees any it missed; counters, rates and locks as Redis keys.
 * Publish/subscribe loses what is sent while a connection is down: a receiver that subscribes again, or sees a gap in an
 * instance's numbering (a heartbeat each second carries the last numbers), says so (`lost`) and reads the store again.
 */
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import { log } from '../log.ts'
import { type Cluster, type ClusterHandlers, type ClusterNotice, type ClusterObserver, type CollabMessage, type MemberCounter, type MemberRateLimit, noClusterObserver, type Unlock } from './cluster.ts'


export interface RedisClusterOptions {
  url: string
  /** Put before every key and channel, so several deployments (or tests) can share one Redis. */
  prefix: string
  observer?: ClusterObserver
  /** How often an instance says which numbers it has sent, and renews its liveness. */
  heartbeatMs?: number
}

/** An instance whose liveness key is not renewed for this long is gone: its connection counts no longer count. */
const livenessMs = 15_000

const heartbeat = 'heartbeat'

/** Token bucket per member: tokens refill at ARGV[1] per ms up to ARGV[2]; answers 0 (taken) or the ms to wait. */
const takeTokenScript = `
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

const unlockScript = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`

/** The last number heard from an instance on each channel (-1: none yet). */
type Counted = { collab: number; notice: number }

function encodeCollab(from: string, n: number, message: CollabMessage | { kind: typeof heartbeat; notices: number }): Buffer {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, from)
  encoding.writeVarUint(encoder, n)
  encoding.writeVarString(encoder, message.kind)
  if (message.kind === heartbeat) {
    encoding.writeVarUint(encoder, message.notices)
  } else {
    encoding.writeVarString(encoder, message.documentId)
    if (message.kind !== 'awarenessQuery') {
      encoding.writeVarUint(encoder, message.kind === 'update' ? message.seq : 0)
      encoding.writeVarUint8Array(encoder, message.update)
    }
  }
  return Buffer.from(encoding.toUint8Array(encoder))
}

function decodeCollab(bytes: Uint8Array): { from: string; n: number; message: CollabMessage | { kind: typeof heartbeat; notices: number } } {
  const decoder = decoding.createDecoder(bytes)
  const from = decoding.readVarString(decoder)
  const n = decoding.readVarUint(decoder)
  const kind = decoding.readVarString(decoder)
  if (kind === heartbeat) return { from, n, message: { kind, notices: decoding.readVarUint(decoder) } }
  const documentId = decoding.readVarString(decoder)
  if (kind === 'awarenessQuery') return { from, n, message: { kind, documentId } }
  const seq = decoding.readVarUint(decoder)
  const update = decoding.readVarUint8Array(decoder)
  if (kind === 'update') return { from, n, message: { kind, documentId, seq, update } }
  if (kind === 'awareness') return { from, n, message: { kind, documentId, update } }
  throw new Error(`unknown cluster message "${kind}"`)
}

/** Counts one instance keeps for its own connections, written to Redis (and written again after Redis lost them). */
class RedisCounter implements MemberCounter {
  private readonly local = new Map<number, number>()

  constructor(
    private readonly cluster: RedisCluster,
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

/** Publishes one notice from a process that is not an instance (the admin CLI), then disconnects. */
export async function publishNoticeOnce(options: Pick<RedisClusterOptions, 'url' | 'prefix'>, notice: ClusterNotice): Promise<void> {
  const redis = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null })
  try {
    await redis.connect()
    await redis.publish(`${options.prefix}notice`, JSON.stringify({ from: randomUUID(), n: 1, notice }))
  } finally {
    redis.disconnect()
  }
}

export class RedisCluster implements Cluster {
  readonly shared = true
  readonly instanceId = randomUUID()
  /**
   * Commands and publishing. A command made while disconnected waits for the next connection attempt at most (one
   * retry), then fails: never queued without end. Publishing while disconnected is not tried at all (a gap, below).
   */
  readonly redis: Redis
  private readonly subscriber: Redis
  private readonly observer: ClusterObserver
  private readonly channels: { collab: string; notice: string }
  readonly connections: RedisCounter
  readonly streams: RedisCounter
  private handlers: ClusterHandlers | null = null
  private subscribed = false
  private sent: Counted = { collab: 0, notice: 0 }
  private readonly seen = new Map<string, Counted>()
  private timer: NodeJS.Timeout | null = null
  private beats = 0
  private degradedSince: number | null = null

  constructor(private readonly options: RedisClusterOptions) {
    this.observer = options.observer ?? noClusterObserver
    this.channels = { collab: this.key('collab'), notice: this.key('notice') }
    const retryStrategy = (times: number) => Math.min(100 * times, 1000)
    this.redis = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy, connectionName: 'dtg' })
    this.subscriber = new Redis(options.url, { lazyConnect: true, autoResubscribe: false, retryStrategy, connectionName: 'dtg-subscriber' })
    this.connections = new RedisCounter(this, 'connections')
    this.streams = new RedisCounter(this, 'streams')
  }

  key(name: string): string {
    return `${this.options.prefix}${name}`
  }

  start(handlers: ClusterHandlers): void {
    this.handlers = handlers
    this.redis.on('error', () => {})
    this.redis.on('ready', () => void this.renew())
    this.subscriber.on('error', (error) => this.degraded('subscribe', error))
    this.subscriber.on('close', () => {
      if (!this.subscribed) return
      this.subscribed = false
      this.observer.connected(false)
      log.warn('cluster.disconnected', { instance: this.instanceId })
    })
    this.subscriber.on('ready', () => void this.subscribe())
    this.subscriber.on('messageBuffer', (channel: Buffer, message: Buffer) => this.receive(channel.toString(), message))
    this.redis.connect().catch(() => {})
    this.subscriber.connect().catch(() => {})
    const every = this.options.heartbeatMs ?? 1000
    this.timer = setInterval(() => this.beat(), every)
    this.timer.unref()
  }

  /** Subscribes (again): whatever was sent while not subscribed is read again from the store by the receivers. */
  private async subscribe(): Promise<void> {
    try {
      await this.subscriber.subscribe(this.channels.collab, this.channels.notice)
    } catch (error) {
      this.degraded('subscribe', error)
      return
    }
    const again = this.seen.size > 0 || this.degradedSince !== null
    this.seen.clear()
    this.subscribed = true
    this.observer.connected(true)
    if (this.degradedSince !== null) log.info('cluster.recovered', { instance: this.instanceId, downMs: Date.now() - this.degradedSince })
    this.degradedSince = null
    log.info('cluster.subscribed', { instance: this.instanceId, again })
    this.observer.lost('subscribed')
    this.handlers?.lost('subscribed')
  }

  /** Renews this instance's liveness and writes its counts again (Redis may have restarted empty). */
  private async renew(): Promise<void> {
    try {
      await this.redis.set(this.key(`instance:${this.instanceId}`), String(Date.now()), 'PX', livenessMs)
      await this.connections.rewrite()
      await this.streams.rewrite()
    } catch (error) {
      this.degraded('renew', error)
    }
  }

  private beat(): void {
    this.send('collab', encodeCollab(this.instanceId, this.sent.collab, { kind: heartbeat, notices: this.sent.notice }))
    if (++this.beats % 5 === 0) void this.renew()
  }

  private send(channel: 'collab' | 'notice', message: Buffer | string): void {
    if (this.redis.status !== 'ready') {
      this.observer.publishFailed(channel)
      return
    }
    this.redis.publish(this.channels[channel], message).then(
      () => this.observer.published(channel),
      (error) => {
        this.observer.publishFailed(channel)
        this.degraded('publish', error)
      },
    )
  }

  publishCollab(message: CollabMessage): void {
    // Numbered whether or not it leaves: a message that could not be sent shows as a gap to the receivers.
    this.send('collab', encodeCollab(this.instanceId, ++this.sent.collab, message))
  }

  publishNotice(notice: ClusterNotice): void {
    this.send('notice', JSON.stringify({ from: this.instanceId, n: ++this.sent.notice, notice }))
  }

  private receive(channel: string, message: Buffer): void {
    try {
      if (channel === this.channels.collab) {
        const { from, n, message: decoded } = decodeCollab(message)
        if (from === this.instanceId) return
        if (decoded.kind === heartbeat) {
          this.count(from, 'collab', n, false)
          this.count(from, 'notice', decoded.notices, false)
          return
        }
        this.observer.received('collab')
        this.count(from, 'collab', n, true)
        this.handlers?.collab(decoded)
      } else if (channel === this.channels.notice) {
        const { from, n, notice } = JSON.parse(message.toString()) as { from: string; n: number; notice: ClusterNotice }
        if (from === this.instanceId) return
        this.observer.received('notice')
        this.count(from, 'notice', n, true)
        this.handlers?.notice(notice)
      }
    } catch (error) {
      log.error('cluster.message_rejected', { channel, error })
    }
  }

  /** Notes the number an instance is at; a number skipped means a message lost. */
  private count(from: string, channel: keyof Counted, n: number, numbered: boolean): void {
    let counted = this.seen.get(from)
    if (!counted) this.seen.set(from, (counted = { collab: -1, notice: -1 }))
    // An instance heard of for the first time: what it sent before is in the store, read when a room loads.
    if (counted[channel] < 0) {
      counted[channel] = n
      return
    }
    const expected = numbered ? counted[channel] + 1 : counted[channel]
    if (n > expected) {
      log.warn('cluster.messages_lost', { from, channel, missed: n - expected })
      this.observer.lost('gap')
      this.handlers?.lost('gap')
    }
    counted[channel] = Math.max(counted[channel], n)
  }

  /** Logs once when Redis stops answering (and `cluster.recovered` once it does again). */
  degraded(operation: string, error: unknown): void {
    if (this.degradedSince !== null) return
    this.degradedSince = Date.now()
    log.error('cluster.unreachable', { operation, error })
  }

  rate(name: string, perMinute: number, burst: number): MemberRateLimit {
    const perMs = perMinute / 60_000
    return {
      take: async (memberId) => {
        if (perMinute === 0) return null
        try {
          const waitMs = (await this.redis.eval(takeTokenScript, 1, this.key(`rate:${name}:${memberId}`), perMs, burst)) as number
          return waitMs === 0 ? null : Math.max(1, Math.ceil(waitMs / 1000))
        } catch (error) {
          // Redis unreachable: the request is let through rather than every member refused.
          this.degraded('rate', error)
          return null
        }
      },
    }
  }

  async lock(name: string, ttlMs: number): Promise<Unlock | null> {
    const key = this.key(`lock:${name}`)
    const token = randomUUID()
    try {
      if ((await this.redis.set(key, token, 'PX', ttlMs, 'NX')) !== 'OK') return null
    } catch (error) {
      this.degraded('lock', error)
      return null
    }
    return async () => {
      try {
        await this.redis.eval(unlockScript, 1, key, token)
      } catch (error) {
        // It expires by itself.
        this.degraded('unlock', error)
      }
    }
  }

  async check(): Promise<void> {
    if (!this.subscribed) throw Object.assign(new Error('not subscribed to the other instances'), { code: 'redis_unsubscribed' })
    await this.redis.ping()
  }

  async close(): Promise<void> {
    if (this.timer) clearInterval(this.timer)
    this.handlers = null
    try {
      await this.redis.del(this.key(`instance:${this.instanceId}`))
    } catch {
      // Gone with its expiry.
    }
    this.subscriber.disconnect()
    this.redis.disconnect()
  }
}
