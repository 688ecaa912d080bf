import { afterEach, describe, expect, it } from 'vitest'
import type { Redis } from 'ioredis'
import { clearPrefix, PrivateRedis, sharedRedisUrl, uniquePrefix } from '../../tests/helpers/cluster.ts'
import { waitFor, waitForAsync } from '../../tests/helpers/clients.ts'
import type { ClusterHandlers, ClusterNotice, CollabMessage } from './cluster.ts'
import { RedisCluster } from './redisCluster.ts'

/** Two instances on the machine's Redis (a key prefix of their own), with what each received. */
describe('RedisCluster', () => {
  const started: Array<{ cluster: RedisCluster; prefix: string }> = []
  afterEach(async () => {
    for (const { cluster, prefix } of started.splice(0)) {
      await cluster.close()
      await clearPrefix(prefix)
    }
  })

  function instance(prefix: string, url = sharedRedisUrl, commandTimeoutMs?: number, forgetAfterMs?: number) {
    const received = { collab: [] as CollabMessage[], notices: [] as ClusterNotice[], lost: [] as string[] }
    const cluster = new RedisCluster({ url, prefix, heartbeatMs: 100, commandTimeoutMs, forgetAfterMs })
    const handlers: ClusterHandlers = {
      collab: (message) => received.collab.push(message),
      notice: (notice) => received.notices.push(notice),
      lost: (reason) => received.lost.push(reason),
    }
    cluster.start(handlers)
    started.push({ cluster, prefix })
    return { cluster, received }
  }

  async function pair() {
    const prefix = uniquePrefix()
    const a = instance(prefix)
    const b = instance(prefix)
    await waitForAsync(async () => (await a.cluster.check().then(() => true, () => false)) && (await b.cluster.check().then(() => true, () => false)), 'both subscribed')
    return { a, b }
  }

  it('carries updates and notices to the other instance, not back to the sender', async () => {
    const { a, b } = await pair()
    a.cluster.publishCollab({ kind: 'update', documentId: 'doc', seq: 7, update: new Uint8Array([1, 2, 3]) })
    a.cluster.publishNotice({ kind: 'memberRevoked', memberId: 4 })
    await waitFor(() => b.received.collab.length === 1 && b.received.notices.length === 1, 'the messages')
    expect(b.received.collab[0]).toEqual({ kind: 'update', documentId: 'doc', seq: 7, update: new Uint8Array([1, 2, 3]) })
    expect(b.received.notices[0]).toEqual({ kind: 'memberRevoked', memberId: 4 })
    expect(a.received.collab).toEqual([])
  })

  it('tells of a message lost on the way, by the numbers of the next message or heartbeat', async () => {
    const { a, b } = await pair()
    a.cluster.publishCollab({ kind: 'awarenessQuery', documentId: 'doc' })
    await waitFor(() => b.received.collab.length === 1, 'the first message')
    b.received.lost.length = 0
    // Sent while A's connection is down: never arrives.
    a.cluster.redis.disconnect(false)
    await waitFor(() => a.cluster.redis.status === 'end', "A's connection to be down")
    a.cluster.publishCollab({ kind: 'awarenessQuery', documentId: 'doc' })
    await a.cluster.redis.connect()
    await waitFor(() => b.received.lost.includes('gap'), 'B to see the gap', 5000)
  })

  it('still sees the gap of an instance that could not publish, after subscribing again meanwhile', async () => {
    const { a, b } = await pair()
    a.cluster.publishCollab({ kind: 'awarenessQuery', documentId: 'doc' })
    await waitFor(() => b.received.collab.length === 1, 'the first message')
    // A cannot publish: its next message is numbered, never sent.
    a.cluster.redis.disconnect(false)
    await waitFor(() => a.cluster.redis.status === 'end', "A's connection to be down")
    a.cluster.publishCollab({ kind: 'awarenessQuery', documentId: 'doc' })
    // Meanwhile B subscribes again (its catch-up reads the store as it is then).
    b.received.lost.length = 0
    ;(b.cluster as unknown as { subscriber: Redis }).subscriber.disconnect(true)
    await waitFor(() => b.received.lost.includes('subscribed'), 'B to subscribe again')
    b.received.lost.length = 0
    // A's link comes back: its heartbeat's number shows B what it never received.
    await a.cluster.redis.connect()
    await waitFor(() => b.received.lost.includes('gap'), 'B to see the gap', 5000)
  })

  it('sees a gap from an instance heard again after it was silent long enough to be forgotten', async () => {
    const prefix = uniquePrefix()
    const a = instance(prefix)
    const b = instance(prefix, sharedRedisUrl, undefined, 500)
    await waitForAsync(async () => (await a.cluster.check().then(() => true, () => false)) && (await b.cluster.check().then(() => true, () => false)), 'both subscribed')
    a.cluster.publishCollab({ kind: 'awarenessQuery', documentId: 'doc' })
    await waitFor(() => b.received.collab.length === 1, 'the first message')
    // A is cut off from Redis (it cannot publish) for longer than B remembers a silent instance.
    a.cluster.redis.disconnect(false)
    await waitFor(() => a.cluster.redis.status === 'end', "A's connection to be down")
    a.cluster.publishCollab({ kind: 'awarenessQuery', documentId: 'doc' })
    await new Promise((resolve) => setTimeout(resolve, 1200))
    b.received.lost.length = 0
    await a.cluster.redis.connect()
    await waitFor(() => b.received.lost.includes('gap'), 'B to read again what A sent while cut off', 5000)
  })

  it('goes on without a Redis that hangs: a lock, a count and a rate fail within the command timeout', async () => {
    const redis = await PrivateRedis.start()
    try {
      const prefix = uniquePrefix()
      const { cluster } = instance(prefix, redis.url, 200)
      await waitForAsync(async () => cluster.check().then(() => true, () => false), 'subscribed')
      cluster.connections.add(9, 1)
      redis.pause()
      const hung = new Promise<'hung'>((resolve) => setTimeout(() => resolve('hung'), 5000).unref())
      expect(await Promise.race([cluster.lock('compact:doc', 10_000), hung])).toBeNull()
      expect(await Promise.race([cluster.connections.count(9), hung])).toBe(1)
      expect(await Promise.race([cluster.rate('writes', 60, 3).take(9), hung])).toBeNull()
      redis.resume()
    } finally {
      redis.resume()
      await redis.kill()
    }
  })

  it('shares a rate per member between instances', async () => {
    const { a, b } = await pair()
    const onA = a.cluster.rate('writes', 60, 3)
    const onB = b.cluster.rate('writes', 60, 3)
    expect(await onA.take(1)).toBeNull()
    expect(await onB.take(1)).toBeNull()
    expect(await onA.take(1)).toBeNull()
    expect(await onB.take(1)).toBeGreaterThanOrEqual(1)
    // Another member has a bucket of their own.
    expect(await onB.take(2)).toBeNull()
  })

  it("counts a member's connections over instances, and forgets an instance that is gone", async () => {
    const { a, b } = await pair()
    a.cluster.connections.add(5, 1)
    a.cluster.connections.add(5, 1)
    b.cluster.connections.add(5, 1)
    await waitForAsync(async () => (await b.cluster.connections.count(5)) === 3, 'three connections')
    await a.cluster.close()
    expect(await b.cluster.connections.count(5)).toBe(1)
  })

  it('grants a lock to one holder at a time', async () => {
    const { a, b } = await pair()
    const unlock = await a.cluster.lock('compact:doc', 10_000)
    expect(unlock).not.toBeNull()
    expect(await b.cluster.lock('compact:doc', 10_000)).toBeNull()
    await unlock!()
    expect(await b.cluster.lock('compact:doc', 10_000)).not.toBeNull()
  })
})
