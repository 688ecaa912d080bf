/**
 * Several instances of the server on one data directory, coordinated through Redis (a unique key prefix per test,
 * cleared after), a private Redis to stop and start again, and a TCP load balancer in front of the instances.
 * DATABASE_URL, when set, reaches the instances as it is (they then share that database instead).
 */
import { spawn, type ChildProcess } from 'node:child_process'
import { randomUUID } from 'node:crypto'
import net from 'node:net'
import { Redis } from 'ioredis'
import { startTestServer, type TestServer } from './server.ts'

/** The Redis every machine running the tests has (CI starts it): TEST_REDIS_URL, else the local default. */
export const sharedRedisUrl = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379'

export function uniquePrefix(): string {
  return `dtg-test:${randomUUID()}:`
}

/** Starts `count` instances one after the other (the first creates the database) on the same data directory and Redis. */
export async function startInstances(
  dataDir: string,
  count: number,
  { redisUrl = sharedRedisUrl, prefix, env = {} }: { redisUrl?: string; prefix: string; env?: Record<string, string> },
): Promise<TestServer[]> {
  const instances: TestServer[] = []
  for (let i = 0; i < count; i++) instances.push(await startTestServer(dataDir, { REDIS_URL: redisUrl, REDIS_PREFIX: prefix, ...env }))
  return instances
}

/** Deletes every key under the prefix. */
export async function clearPrefix(prefix: string, redisUrl = sharedRedisUrl): Promise<void> {
  const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 1 })
  try {
    await redis.connect()
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 500)
      cursor = next
      if (keys.length > 0) await redis.del(...keys)
    } while (cursor !== '0')
  } finally {
    redis.disconnect()
  }
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo
      server.close(() => resolve(port))
    })
  })
}

/** A Redis of the test's own (no persistence), on a free port, to stop and start again. */
export class PrivateRedis {
  private child: ChildProcess | null = null

  private constructor(readonly port: number) {}

  static async start(): Promise<PrivateRedis> {
    const redis = new PrivateRedis(await freePort())
    await redis.start()
    return redis
  }

  get url(): string {
    return `redis://127.0.0.1:${this.port}`
  }

  async start(): Promise<void> {
    const child = spawn('redis-server', ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' })
    this.child = child
    const deadline = Date.now() + 5000
    for (;;) {
      const up = await new Promise<boolean>((resolve) => {
        const socket = net.connect(this.port, '127.0.0.1', () => {
          socket.end()
          resolve(true)
        })
        socket.once('error', () => resolve(false))
      })
      if (up) return
      if (Date.now() > deadline) throw new Error(`redis-server did not start on port ${this.port}`)
      await new Promise((resolve) => setTimeout(resolve, 50))
    }
  }

  /** SIGSTOP: it keeps its connections and answers nothing, as a Redis that hangs (or a network that drops everything). */
  pause(): void {
    this.child?.kill('SIGSTOP')
  }

  resume(): void {
    this.child?.kill('SIGCONT')
  }

  /** SIGKILL: everything it held is gone, as after a crash. */
  async kill(): Promise<void> {
    const child = this.child
    this.child = null
    if (!child || child.exitCode !== null) return
    const exited = new Promise((resolve) => child.once('exit', resolve))
    child.kill('SIGKILL')
    await exited
  }
}

/**
 * A TCP load balancer: each new connection goes to the next backend in turn that accepts it (a backend that refuses,
 * being dead, is skipped), as a load balancer with health checks would. WebSocket upgrades pass through untouched.
 */
export class Balancer {
  private readonly server: net.Server
  private next = 0
  private readonly sockets = new Set<net.Socket>()
  port = 0

  constructor(private readonly backends: number[]) {
    this.server = net.createServer((client) => this.route(client, 0))
  }

  async listen(): Promise<void> {
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve))
    this.port = (this.server.address() as net.AddressInfo).port
  }

  get wsUrl(): string {
    return `ws://127.0.0.1:${this.port}/collab`
  }

  private route(client: net.Socket, tried: number): void {
    client.pause()
    if (tried >= this.backends.length) {
      client.destroy()
      return
    }
    const port = this.backends[this.next++ % this.backends.length]
    const backend = net.connect(port, '127.0.0.1')
    let connected = false
    backend.once('error', () => {
      if (!connected) this.route(client, tried + 1)
    })
    backend.once('connect', () => {
      connected = true
      this.sockets.add(client).add(backend)
      client.pipe(backend).pipe(client)
      client.resume()
      const close = () => {
        client.destroy()
        backend.destroy()
        this.sockets.delete(client)
        this.sockets.delete(backend)
      }
      client.once('close', close).once('error', close)
      backend.once('close', close).once('error', close)
    })
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy()
    await new Promise((resolve) => this.server.close(resolve))
  }
}
