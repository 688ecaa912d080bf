/**
 * The cluster over Redis: document traffic on one channel and notices on another (publish/subscribe), each message
 * numbered per sending instance so that a receiver sees any it missed; counters, rates and locks as Redis keys.
 * Publish/subscribe loses what is sent while a connection is down: a receiver that subscribes again, or sees a gap in an
 * instance's numbering (a heartbeat each second carries the last numbers), says so (`lost`) and reads the store again.
 */
import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { log } from '../log.ts'
import { decodeCollab, encodeCollab } from './clusterWire.ts'
import { type RedisAccess, RedisCounter, takeTokenScript } from './redisLimits.ts'
import { type Cluster, type ClusterHandlers, type ClusterNotice, type ClusterObserver, type CollabMessage, type MemberRateLimit, noClusterObserver, type Unlock } from './cluster.ts'


export interface RedisClusterOptions {
  url: string
  /** Put before every key and channel, so several deployments (or tests) can share one Redis. */
  prefix: string
  observer?: ClusterObserver
  /** How often an instance says which numbers it has sent, and renews its liveness. */
  heartbeatMs?: number
  /**
   * How long a command (a lock, a count, a rate) may wait for Redis before it fails (ms): each caller then goes on
   * without it, as when Redis refuses connections. A Redis that hangs would otherwise hold them for as long as it hangs.
   */
  commandTimeoutMs?: number
  /** How long an instance may be silent before it is forgotten (default a minute). */
  forgetAfterMs?: number
}

/** An instance whose liveness key is not renewed for this long is gone: its connection counts no longer count. */
const livenessMs = 15_000

const unlockScript = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) else return 0 end`

/** The last number sent, or heard from an instance, on each channel (-1: none yet). */
type Counted = { collab: number; notice: number }
/** What is known of another instance: its numbers, and when it was last heard (Date.now()). */
type Heard = Counted & { heardAt: number }

/** An instance not heard for this long is forgotten: it stopped (its successor has an id of its own), or was cut off. */
const forgetAfterMs = 60_000
/** Ids of forgotten instances kept, to tell one cut off from one stopped when it is heard again (about 40 bytes each). */
const forgottenKept = 1000

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

export class RedisCluster implements Cluster, RedisAccess {
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
  /** When this instance last subscribed (Date.now()). */
  private subscribedAt = 0
  private sent: Counted = { collab: 0, notice: 0 }
  private readonly seen = new Map<string, Heard>()
  /**
   * Instances forgotten for silence (at most `forgottenKept`, oldest dropped first): one heard again was only cut off,
   * not stopped, and what it sent meanwhile is read again.
   */
  private readonly forgotten = new Set<string>()
  private timer: NodeJS.Timeout | null = null
  private beats = 0
  private degradedSince: number | null = null

  constructor(private readonly options: RedisClusterOptions) {
    this.observer = options.observer ?? noClusterObserver
    this.channels = { collab: this.key('collab'), notice: this.key('notice') }
    const retryStrategy = (times: number) => Math.min(100 * times, 1000)
    this.redis = new Redis(options.url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy, connectionName: 'dtg', commandTimeout: options.commandTimeoutMs ?? 1000 })
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
    // The numbers heard so far are kept: an instance whose messages were lost while it could not publish, after the
    // catch-up below, still shows a gap at its next number. Forgetting them made its next number the first heard, and
    // what it sent in between was never read again. A gap that is not one costs one more catch-up.
    this.subscribed = true
    this.subscribedAt = Date.now()
    this.observer.connected(true)
    if (this.degradedSince !== null) log.info('cluster.recovered', { instance: this.instanceId, downMs: Date.now() - this.degradedSince })
    this.degradedSince = null
    log.info('cluster.subscribed', { instance: this.instanceId, again })
    this.observer.lost('subscribed')
    this.handlers?.lost('subscribed', ['collab', 'notice'])
  }

  /** Renews this instance's liveness and writes its counts again (Redis may have restarted empty). */
  private async renew(): Promise<void> {
    try {
      await this.redis.set(this.key(`instance:${this.instanceId}`), String(Date.now()), 'PX', livenessMs)
      await this.connections.rewrite()
      await this.streams.rewrite()
    } catch (error) {
      this.degraded('renew', error)
      return
    }
    // Answering again after a command failed (a timeout, say) while the subscription held: the next failure is logged.
    if (this.degradedSince !== null && this.subscribed) {
      log.info('cluster.recovered', { instance: this.instanceId, downMs: Date.now() - this.degradedSince })
      this.degradedSince = null
    }
  }

  private beat(): void {
    this.send('collab', encodeCollab(this.instanceId, this.sent.collab, { kind: 'heartbeat', notices: this.sent.notice }))
    if (++this.beats % 5 === 0) void this.renew()
    // Only while subscribed, and counted from when this instance subscribed: during an outage nobody is heard, and an
    // instance forgotten then would look new at its next number, what it sent meanwhile never read again.
    if (this.subscribed) {
      const now = Date.now()
      for (const [from, counted] of this.seen) {
        if (now - Math.max(counted.heardAt, this.subscribedAt) <= (this.options.forgetAfterMs ?? forgetAfterMs)) continue
        this.seen.delete(from)
        this.forgotten.add(from)
        if (this.forgotten.size > forgottenKept) this.forgotten.delete(this.forgotten.values().next().value!)
      }
    }
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
        if (decoded.kind === 'heartbeat') {
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
    if (!counted) {
      this.seen.set(from, (counted = { collab: -1, notice: -1, heardAt: 0 }))
      if (this.forgotten.delete(from)) {
        // Silent for long while this instance listened: cut off from Redis, not stopped.
        log.warn('cluster.messages_lost', { from, channel, missed: 'unknown: it was silent for long' })
        this.observer.lost('gap')
        this.handlers?.lost('gap', ['collab', 'notice'])
      }
    }
    counted.heardAt = Date.now()
    // An instance heard of for the first time: what it sent before is in the store, read when a room loads.
    if (counted[channel] < 0) {
      counted[channel] = n
      return
    }
    const expected = numbered ? counted[channel] + 1 : counted[channel]
    if (n > expected) {
      log.warn('cluster.messages_lost', { from, channel, missed: n - expected })
      this.observer.lost('gap')
      this.handlers?.lost('gap', [channel])
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
