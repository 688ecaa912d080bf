/** Server configuration, read once from the environment and checked. */
import os from 'node:os'
import path from 'node:path'
import { z } from 'zod'
import type { ProposalLimits } from './proposals/proposalStore.ts'

const MiB = 1024 * 1024

/** Heavy-work threads by default: one per core the relay does not use, at least one, at most four. */
const defaultPoolSize = () => Math.max(1, Math.min(4, os.availableParallelism() - 1))

const Env = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  /** The address people open in their browser; invite links start with it. Default: http://HOST:PORT. */
  PUBLIC_URL: z.string().url().optional(),
  /** Largest request body accepted by the REST API. */
  MAX_REQUEST_BYTES: z.coerce.number().int().min(1024).default(1 * MiB),
  /** Longest comment body, in characters after trimming. */
  MAX_COMMENT_CHARS: z.coerce.number().int().min(1).default(10_000),
  /** Comments one thread may hold; a reply beyond is refused (409), since each reply sends the whole thread to every viewer. */
  MAX_COMMENTS_PER_THREAD: z.coerce.number().int().min(2).default(200),
  /** Longest text a proposal may put into the document, in characters after trimming. */
  MAX_PROPOSAL_CHARS: z.coerce.number().int().min(1).default(10_000),
  MAX_PROPOSALS_PER_DOCUMENT: z.coerce.number().int().min(1).default(1000),
  MAX_OPEN_PROPOSALS_PER_DELEGATION: z.coerce.number().int().min(1).default(100),
  /** How long before a deadline (a comment period's, a silence's) open pages are told it is near, in seconds. */
  DEADLINE_WARNING_SECONDS: z.coerce.number().int().min(0).default(3600),
  /** How long after a silence's deadline an objection begun before it may take to arrive whole (409 later), in ms. */
  OBJECTION_BODY_GRACE_MS: z.coerce.number().int().min(0).max(60_000).default(2000),
  /** How far ahead a comment period or a silence may end, in days. */
  MAX_DEADLINE_DAYS: z.coerce.number().int().min(1).max(3650).default(366),
  /** Longest reason a delegation may give for breaking silence, in characters after trimming. */
  MAX_OBJECTION_REASON_CHARS: z.coerce.number().int().min(1).default(4000),
  /** Blocks one request may set the status of, or reopen, at once (400 beyond). */
  MAX_BLOCKS_PER_STATUS_CHANGE: z.coerce.number().int().min(1).default(2000),
  /** Entries of the audit of block statuses one answer lists at most (newest first). */
  MAX_STATUS_AUDIT_ENTRIES: z.coerce.number().int().min(1).default(1000),
  /** Automatic snapshots of one document's text are at least this far apart while it changes (the history). */
  HISTORY_SNAPSHOT_INTERVAL_MS: z.coerce.number().int().min(100).default(300_000),
  /** Every snapshot is kept this many days. */
  HISTORY_KEEP_ALL_DAYS: z.coerce.number().positive().max(3650).default(7),
  /** After that, the last snapshot of each day is kept until this many days (the newest of a document always). */
  HISTORY_KEEP_DAILY_DAYS: z.coerce.number().positive().max(3650).default(365),
  /** How often the retention policy is applied (also at start-up). */
  HISTORY_PRUNE_INTERVAL_MS: z.coerce.number().int().min(1000).default(3_600_000),
  /** REST requests that change something (POST, PUT, PATCH, DELETE) one member may make per minute (0: no limit). */
  API_WRITES_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  /** Such requests one member may make at once before the per-minute rate applies. */
  API_WRITE_BURST: z.coerce.number().int().min(1).default(30),
  /** Validity statuses of documents neither loaded nor watched here kept in memory at most (the least recently checked go). */
  MAX_IDLE_STATUSES: z.coerce.number().int().min(0).default(500),
  /** WebSocket connections (one per open document tab) a member may hold at once; 429 beyond. */
  MAX_CONNECTIONS_PER_MEMBER: z.coerce.number().int().min(1).default(200),
  /** Live event streams (one per open document tab) a member may hold at once; 429 beyond. */
  MAX_STREAMS_PER_MEMBER: z.coerce.number().int().min(1).default(20),
  /** Unsent events one live event stream may hold, in bytes of JSON; past it the stream ends (its client reconnects and catches up). */
  MAX_STREAM_BACKLOG_BYTES: z.coerce.number().int().min(64 * 1024).default(16 * MiB),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(14 * 24),
  INVITE_TTL_HOURS: z.coerce.number().positive().default(7 * 24),
  /** Largest WebSocket frame accepted; a bigger one closes the connection with 1009. */
  MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(8 * MiB),
  /** A connection whose unsent backlog passes this is closed rather than buffered without end. */
  MAX_BUFFERED_BYTES: z.coerce.number().int().min(MiB).default(64 * MiB),
  /** Unsent backlog of all of one member's connections together after which the connection that adds to it is closed. */
  MAX_BUFFERED_BYTES_PER_MEMBER: z.coerce.number().int().min(MiB).default(128 * MiB),
  /** Largest presence (awareness) state, in bytes of JSON; a larger one closes the connection with 4413. */
  MAX_PRESENCE_STATE_BYTES: z.coerce.number().int().min(256).default(16 * 1024),
  /** Deepest nesting of objects and arrays in a presence state; deeper closes the connection with 4413. */
  MAX_PRESENCE_DEPTH: z.coerce.number().int().min(2).default(16),
  /** Presence client ids one connection may speak for; more close it with 4429. */
  MAX_PRESENCE_IDS_PER_CONNECTION: z.coerce.number().int().min(1).default(4),
  /** Bytes of presence state one connection may hold, all its client ids together. */
  MAX_PRESENCE_BYTES_PER_CONNECTION: z.coerce.number().int().min(256).default(32 * 1024),
  /** Frames one connection may send while its document loads; more close it with 4504 (the client retries). */
  MAX_LOADING_FRAMES: z.coerce.number().int().min(1).default(256),
  /** Bytes one connection may send while its document loads. */
  MAX_LOADING_BYTES: z.coerce.number().int().min(1024).default(16 * MiB),
  /** Frames per second one connection may send, sustained (0: no limit); faster senders are slowed down. */
  RATE_LIMIT_MESSAGES_PER_SECOND: z.coerce.number().int().min(0).default(300),
  /** Frames one connection may send at once before the sustained rate applies. */
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(1000),
  /** The update log of a document is merged into one state row after this many appends. */
  COMPACT_AFTER_APPENDS: z.coerce.number().int().min(1).default(1000),
  /** A document storing more bytes than this is compacted on a worker thread, off the relay's event loop. */
  COMPACT_OFF_LOOP_BYTES: z.coerce.number().int().min(0).default(1024 * 1024),
  /**
   * A document past COMPACT_AFTER_APPENDS is compacted once its editing pauses this long (or at once past four times
   * the threshold); 0 compacts as soon as the threshold is reached.
   */
  COMPACT_QUIET_MS: z.coerce.number().int().min(0).max(60_000).default(1000),
  /** A compaction that failed is tried again after this long, then twice as long each time, up to five minutes. */
  COMPACT_RETRY_MS: z.coerce.number().int().min(10).max(300_000).default(5000),
  /**
   * How often the connections of members revoked from another process (the admin CLI) and of sessions that ended are
   * looked for and closed. Instances sharing Redis are told of both at once; this sweep is the fallback.
   */
  REVOCATION_SWEEP_MS: z.coerce.number().int().min(100).max(3_600_000).default(5000),
  /** A room without connections is unloaded after this grace period. */
  ROOM_IDLE_MS: z.coerce.number().int().min(0).default(30_000),
  /**
   * A document being opened answers sync requests from its stored bytes for at most this long before it builds the
   * document anyway (an edit, or anything on the server that needs the document, builds it at once).
   */
  ROOM_BUILD_DELAY_MS: z.coerce.number().int().min(0).max(10_000).default(250),
  /** `normal` survives a crash of the process; `full` also survives a power cut, at the cost of an fsync per batch. */
  SQLITE_SYNCHRONOUS: z.enum(['normal', 'full']).default('normal'),
  /** postgres://user:password@host:port/database: everything persistent goes to PostgreSQL; unset, SQLite in DATA_DIR. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, 'DATABASE_URL must start with postgres:// or postgresql://')
    .optional(),
  /** Connections the server holds open to PostgreSQL at most (each heavy-work thread keeps DATABASE_POOL_PER_WORKER more). */
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(500).default(10),
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).default(10_000),
  DATABASE_QUERY_TIMEOUT_MS: z.coerce.number().int().min(0).default(30_000),
  /** Connections each heavy-work thread holds open to PostgreSQL at most, to read stored documents. */
  DATABASE_POOL_PER_WORKER: z.coerce.number().int().min(1).max(50).default(2),
  /** Problems a document's validation status lists, at most; the status says how many more there are. */
  MAX_STATUS_PROBLEMS: z.coerce.number().int().min(1).max(10_000).default(200),
  /** Threads doing the heavy work (validation, export, comparison) off the relay's event loop. */
  HEAVY_WORKERS: z.coerce.number().int().min(1).max(64).default(defaultPoolSize()),
  /** Heavy tasks waiting for a thread, at most; beyond, 503 with Retry-After. */
  HEAVY_QUEUE: z.coerce.number().int().min(0).default(16),
  /** Heavy tasks one member may have running or waiting at once (0: no limit); beyond, 429 with Retry-After. */
  HEAVY_JOBS_PER_MEMBER: z.coerce.number().int().min(0).default(2),
  /** A heavy task running longer is stopped (503). */
  HEAVY_TIMEOUT_MS: z.coerce.number().int().min(100).default(60_000),
  /** Heap of each heavy-work thread, in MiB: a document needing more fails alone (422), the server stays up. */
  HEAVY_WORKER_MEMORY_MB: z.coerce.number().int().min(64).default(1024),
  /** A heavy-work thread without work for this long ends; the next task starts one again (0: threads never end). */
  HEAVY_WORKER_IDLE_MS: z.coerce.number().int().min(0).default(300_000),
  /**
   * Stored bytes of the documents each heavy-work thread keeps built for the next task on them, in MiB (0: none kept);
   * they are also let go while the thread's heap is more than a quarter full after a task (builtDocuments.ts).
   */
  HEAVY_WORKER_KEEP_MB: z.coerce.number().int().min(0).max(1024).default(8),
  /** Niceness of the heavy-work threads (Linux, 0-19): they yield the CPU to the relay when cores are short; 0 keeps the process's. */
  HEAVY_WORKER_NICE: z.coerce.number().int().min(0).max(19).default(10),
  /** Exports (documents, redlines, compilations) one member may ask for per minute (0: no limit); 429 beyond. */
  EXPORTS_PER_MINUTE: z.coerce.number().int().min(0).default(20),
  /** Exports one member may ask for at once before the per-minute rate applies. */
  EXPORT_BURST: z.coerce.number().int().min(1).default(5),
  /** Bearer token that reads GET /metrics from anywhere; unset, metrics are served to loopback callers only. */
  METRICS_TOKEN: z.string().min(16, 'METRICS_TOKEN must be at least 16 characters').optional(),
  /** Time each readiness check (the database) has to answer before GET /readyz reports it failed. */
  READY_TIMEOUT_MS: z.coerce.number().int().min(10).default(2_000),
  /** Addresses of reverse proxies whose X-Forwarded-Proto and X-Forwarded-For are believed, comma-separated (default: none). */
  TRUST_PROXY: z
    .string()
    .default('')
    .transform((value) => value.split(',').map((address) => address.trim()).filter(Boolean)),
  // Several instances (server/cluster): unset, everything stays in this process.
  /** Redis shared by every instance (redis://host:6379): updates, presence, events, limits and locks cross instances. */
  REDIS_URL: z.string().url().optional(),
  /** Put before every Redis key and channel, so several deployments can share one Redis. */
  REDIS_PREFIX: z.string().min(1).default('dtg:'),
  REDIS_COMMAND_TIMEOUT_MS: z.coerce.number().int().min(50).default(1000),
})

export interface Config {
  port: number
  host: string
  dataDir: string
  /** PUBLIC_URL without a trailing slash, or null for http://HOST:<listening port>. */
  publicUrl: string | null
  maxRequestBytes: number
  maxCommentChars: number
  maxCommentsPerThread: number
  maxProposalChars: number
  /** Proposals of a document (409 `proposals_full`), and open proposals of one delegation on it (409 `too_many_proposals`), at most. */
  proposalLimits: ProposalLimits
  deadlineWarningMs: number
  objectionBodyGraceMs: number
  maxDeadlineMs: number
  maxObjectionReasonChars: number
  maxBlocksPerStatusChange: number
  maxStatusAuditEntries: number
  history: { intervalMs: number; keepAllMs: number; keepDailyMs: number; pruneIntervalMs: number }
  apiWritesPerMinute: number
  apiWriteBurst: number
  maxIdleStatuses: number
  maxStreamsPerMember: number
  maxStreamBacklogBytes: number
  maxConnectionsPerMember: number
  sessionTtlMs: number
  inviteTtlMs: number
  maxMessageBytes: number
  maxBufferedBytes: number
  maxBufferedBytesPerMember: number
  maxPresenceStateBytes: number
  maxPresenceDepth: number
  maxPresenceIdsPerConnection: number
  maxPresenceBytesPerConnection: number
  maxLoadingFrames: number
  maxLoadingBytes: number
  messagesPerSecond: number
  messageBurst: number
  compactAfterAppends: number
  compactOffLoopBytes: number
  compactQuietMs: number
  compactRetryMs: number
  revocationSweepMs: number
  roomIdleMs: number
  roomBuildDelayMs: number
  sqliteSynchronous: 'normal' | 'full'
  /** PostgreSQL when set; SQLite in dataDir when null. */
  databaseUrl: string | null
  databasePoolSize: number
  /** PostgreSQL: how long opening a connection, and a query's answer, may take (0: no limit on queries). */
  databaseConnectTimeoutMs: number
  databaseQueryTimeoutMs: number
  databasePoolPerWorker: number
  maxStatusProblems: number
  heavy: { size: number; maxQueued: number; maxPerMember: number; timeoutMs: number; maxMemoryMb: number; idleMs: number; nice: number; keepBytes: number }
  exportsPerMinute: number
  exportBurst: number
  trustProxy: string[]
  metricsToken: string | null
  readyTimeoutMs: number
  /** Several instances: Redis (null: one instance, in process). */
  redis: { url: string | null; prefix: string; commandTimeoutMs: number }
}

/** The address people open in their browser, once the listening port is known. */
export function publicUrlOf(config: Config, port = config.port): string {
  return config.publicUrl ?? `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`
}

export class ConfigError extends Error {}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const defined = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''))
  const parsed = Env.safeParse(defined)
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`)
    throw new ConfigError(`invalid configuration: ${problems.join('; ')}`)
  }
  const e = parsed.data
  return {
    port: e.PORT,
    host: e.HOST,
    dataDir: path.resolve(e.DATA_DIR),
    publicUrl: e.PUBLIC_URL ? e.PUBLIC_URL.replace(/\/+$/, '') : null,
    maxRequestBytes: e.MAX_REQUEST_BYTES,
    maxCommentChars: e.MAX_COMMENT_CHARS,
    maxCommentsPerThread: e.MAX_COMMENTS_PER_THREAD,
    maxProposalChars: e.MAX_PROPOSAL_CHARS,
    proposalLimits: { perDocument: e.MAX_PROPOSALS_PER_DOCUMENT, openPerDelegation: e.MAX_OPEN_PROPOSALS_PER_DELEGATION },
    deadlineWarningMs: e.DEADLINE_WARNING_SECONDS * 1000,
    objectionBodyGraceMs: e.OBJECTION_BODY_GRACE_MS,
    maxDeadlineMs: e.MAX_DEADLINE_DAYS * 86_400_000,
    maxObjectionReasonChars: e.MAX_OBJECTION_REASON_CHARS,
    maxBlocksPerStatusChange: e.MAX_BLOCKS_PER_STATUS_CHANGE,
    maxStatusAuditEntries: e.MAX_STATUS_AUDIT_ENTRIES,
    history: {
      intervalMs: e.HISTORY_SNAPSHOT_INTERVAL_MS,
      keepAllMs: e.HISTORY_KEEP_ALL_DAYS * 86_400_000,
      // Never shorter than the keep-all window: what is kept whole is not then thrown away by the daily rule.
      keepDailyMs: Math.max(e.HISTORY_KEEP_DAILY_DAYS, e.HISTORY_KEEP_ALL_DAYS) * 86_400_000,
      pruneIntervalMs: e.HISTORY_PRUNE_INTERVAL_MS,
    },
    apiWritesPerMinute: e.API_WRITES_PER_MINUTE,
    apiWriteBurst: e.API_WRITE_BURST,
    maxIdleStatuses: e.MAX_IDLE_STATUSES,
    maxStreamsPerMember: e.MAX_STREAMS_PER_MEMBER,
    maxStreamBacklogBytes: e.MAX_STREAM_BACKLOG_BYTES,
    maxConnectionsPerMember: e.MAX_CONNECTIONS_PER_MEMBER,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    inviteTtlMs: e.INVITE_TTL_HOURS * 3_600_000,
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    maxBufferedBytes: e.MAX_BUFFERED_BYTES,
    maxBufferedBytesPerMember: e.MAX_BUFFERED_BYTES_PER_MEMBER,
    maxPresenceStateBytes: e.MAX_PRESENCE_STATE_BYTES,
    maxPresenceDepth: e.MAX_PRESENCE_DEPTH,
    maxPresenceIdsPerConnection: e.MAX_PRESENCE_IDS_PER_CONNECTION,
    maxPresenceBytesPerConnection: e.MAX_PRESENCE_BYTES_PER_CONNECTION,
    maxLoadingFrames: e.MAX_LOADING_FRAMES,
    maxLoadingBytes: e.MAX_LOADING_BYTES,
    messagesPerSecond: e.RATE_LIMIT_MESSAGES_PER_SECOND,
    messageBurst: e.RATE_LIMIT_BURST,
    compactAfterAppends: e.COMPACT_AFTER_APPENDS,
    compactOffLoopBytes: e.COMPACT_OFF_LOOP_BYTES,
    compactQuietMs: e.COMPACT_QUIET_MS,
    compactRetryMs: e.COMPACT_RETRY_MS,
    revocationSweepMs: e.REVOCATION_SWEEP_MS,
    roomIdleMs: e.ROOM_IDLE_MS,
    roomBuildDelayMs: e.ROOM_BUILD_DELAY_MS,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
    databaseUrl: e.DATABASE_URL ?? null,
    databasePoolSize: e.DATABASE_POOL_SIZE,
    databaseConnectTimeoutMs: e.DATABASE_CONNECT_TIMEOUT_MS,
    databaseQueryTimeoutMs: e.DATABASE_QUERY_TIMEOUT_MS,
    databasePoolPerWorker: e.DATABASE_POOL_PER_WORKER,
    maxStatusProblems: e.MAX_STATUS_PROBLEMS,
    heavy: {
      size: e.HEAVY_WORKERS,
      maxQueued: e.HEAVY_QUEUE,
      maxPerMember: e.HEAVY_JOBS_PER_MEMBER,
      timeoutMs: e.HEAVY_TIMEOUT_MS,
      maxMemoryMb: e.HEAVY_WORKER_MEMORY_MB,
      idleMs: e.HEAVY_WORKER_IDLE_MS,
      nice: e.HEAVY_WORKER_NICE,
      keepBytes: e.HEAVY_WORKER_KEEP_MB * 1024 * 1024,
    },
    exportsPerMinute: e.EXPORTS_PER_MINUTE,
    exportBurst: e.EXPORT_BURST,
    trustProxy: e.TRUST_PROXY,
    metricsToken: e.METRICS_TOKEN ?? null,
    readyTimeoutMs: e.READY_TIMEOUT_MS,
    redis: { url: e.REDIS_URL ?? null, prefix: e.REDIS_PREFIX, commandTimeoutMs: e.REDIS_COMMAND_TIMEOUT_MS },
  }
}
