/**
 * The server's Prometheus metrics (`GET /metrics`): rooms, connections, event streams and heavy-work threads read when
 * scraped; update, persist and HTTP latency as histograms; store failures as a counter; Node's process metrics. One
 * registry per server, never the library's global one. A later store or fan-out adds its own gauges the same way.
 */
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { ClusterObserver } from '../cluster/cluster.ts'
import type { PersistObserver } from '../collab/persistQueue.ts'
import { storeRefusal } from '../store/storeRefusal.ts'

/** What the gauges read at each scrape. */
export interface MetricSources {
  rooms: () => number
  connections: () => number
  eventStreams: () => number
  heavyThreads: () => number
  heavyRunning: () => number
  heavyQueued: () => number
  /** Documents whose validity status is held in memory (loaded or watched here, and a bounded number of others). */
  statusesHeld: () => number
}

/** Seconds: from a millisecond to ten seconds, for relay and storage. */
const fastBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10]
/** Seconds, for HTTP requests (exports may take seconds). */
const httpBuckets = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30]

export type StoreOperation = 'append' | 'rest_write' | 'load' | 'compact'

export class Metrics {
  readonly registry = new Registry()
  readonly contentType = this.registry.contentType
  private readonly updateSeconds: Histogram
  private readonly persistSeconds: Histogram
  private readonly storeFailures: Counter<'operation' | 'code'>
  private readonly httpSeconds: Histogram<'method' | 'route' | 'status'>
  /** The fan-out between instances (REDIS_URL): its traffic, losses and catch-ups. */
  readonly cluster: ClusterObserver

  constructor(sources: MetricSources) {
    const registers = [this.registry]
    // The event-loop delay sampled ten times a second, not a hundred: an idle server is not woken for it all the time,
    // and a block of the loop still shows in full in the sample that follows it.
    collectDefaultMetrics({ register: this.registry, eventLoopMonitoringPrecision: 100 })
    const gauge = (name: string, help: string, read: () => number) =>
      new Gauge({
        name,
        help,
        registers,
        collect() {
          this.set(read())
        },
      })
    gauge('dtg_rooms_loaded', 'Documents loaded in memory (rooms)', sources.rooms)
    gauge('dtg_connections', 'WebSocket connections open', sources.connections)
    gauge('dtg_event_streams', 'Document event streams (server-sent events) open', sources.eventStreams)
    gauge('dtg_heavy_threads', 'Heavy-work threads alive (they start with the first task and end when idle)', sources.heavyThreads)
    gauge('dtg_heavy_tasks_running', 'Heavy tasks (validation, export, comparison) running', sources.heavyRunning)
    gauge('dtg_heavy_tasks_queued', 'Heavy tasks waiting for a thread', sources.heavyQueued)
    gauge('dtg_document_statuses_held', 'Documents whose validity status is held in memory (loaded or watched here, and at most MAX_IDLE_STATUSES others)', sources.statusesHeld)
    this.updateSeconds = new Histogram({
      name: 'dtg_update_relay_seconds',
      help: 'From a document update entering the persist queue until it is stored and relayed',
      buckets: fastBuckets,
      registers,
    })
    this.persistSeconds = new Histogram({
      name: 'dtg_persist_seconds',
      help: 'Duration of one append of a batch of updates to the store (one transaction)',
      buckets: fastBuckets,
      registers,
    })
    this.storeFailures = new Counter({
      name: 'dtg_store_failures_total',
      help: 'Store operations that failed, by operation (append, load, compact, rest_write) and error code',
      labelNames: ['operation', 'code'],
      registers,
    })
    this.httpSeconds = new Histogram({
      name: 'dtg_http_request_duration_seconds',
      help: 'HTTP requests by method, route pattern and status',
      labelNames: ['method', 'route', 'status'],
      buckets: httpBuckets,
      registers,
    })
    this.cluster = this.clusterMetrics(registers)
  }

  private clusterMetrics(registers: Registry[]): ClusterObserver {
    const connected = new Gauge({ name: 'dtg_cluster_connected', help: 'Subscribed to the other instances through Redis (1) or not (0; always 0 with one instance, REDIS_URL unset)', registers })
    const messages = new Counter({ name: 'dtg_cluster_messages_total', help: 'Messages between instances, by channel (collab, notice) and direction (published, received, failed)', labelNames: ['channel', 'direction'], registers })
    const lost = new Counter({ name: 'dtg_cluster_lost_total', help: 'Times messages from other instances may have been lost: subscribed (again) or a gap in numbering', labelNames: ['reason'], registers })
    const catchUps = new Counter({ name: 'dtg_cluster_catch_ups_total', help: 'Rooms that read the store again for updates other instances stored, by reason', labelNames: ['reason'], registers })
    return {
      published: (channel) => messages.inc({ channel, direction: 'published' }),
      received: (channel) => messages.inc({ channel, direction: 'received' }),
      publishFailed: (channel) => messages.inc({ channel, direction: 'failed' }),
      lost: (reason) => lost.inc({ reason }),
      connected: (up) => connected.set(up ? 1 : 0),
      caughtUp: (reason) => catchUps.inc({ reason }),
    }
  }

  /** The persist queue's hooks. */
  readonly persist: PersistObserver = {
    appended: (seconds) => this.persistSeconds.observe(seconds),
    relayed: (seconds) => this.updateSeconds.observe(seconds),
    failed: (operation, error) => this.storeFailed(operation, error),
  }

  storeFailed(operation: StoreOperation, error: unknown): void {
    const code = storeRefusal(error) ?? (error as { code?: unknown } | null)?.code
    this.storeFailures.inc({ operation, code: typeof code === 'string' && /^[A-Za-z0-9_]{1,64}$/.test(code) ? code : 'unknown' })
  }

  /** One HTTP request; `route` is the route's pattern (`/api/documents/:id`), never the path, so ids make no series. */
  request(method: string, route: string, status: number, seconds: number): void {
    this.httpSeconds.observe({ method, route, status: String(status) }, seconds)
  }

  /** The text exposition of every metric. */
  render(): Promise<string> {
    return this.registry.metrics()
  }
}
