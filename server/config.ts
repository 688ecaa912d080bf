/** Server configuration, read once from the environment and checked. */
import path from 'node:path'
import { z } from 'zod'

const MiB = 1024 * 1024

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
  /** Longest text a proposal may put into the document, in characters after trimming. */
  MAX_PROPOSAL_CHARS: z.coerce.number().int().min(1).default(10_000),
  /** REST requests that change something (POST, PUT, PATCH, DELETE) one member may make per minute (0: no limit). */
  API_WRITES_PER_MINUTE: z.coerce.number().int().min(0).default(120),
  /** Such requests one member may make at once before the per-minute rate applies. */
  API_WRITE_BURST: z.coerce.number().int().min(1).default(30),
  /** WebSocket connections (one per open document tab) a member may hold at once; 429 beyond. */
  MAX_CONNECTIONS_PER_MEMBER: z.coerce.number().int().min(1).default(200),
  /** Live event streams (one per open document tab) a member may hold at once; 429 beyond. */
  MAX_STREAMS_PER_MEMBER: z.coerce.number().int().min(1).default(20),
  SESSION_TTL_HOURS: z.coerce.number().positive().default(14 * 24),
  INVITE_TTL_HOURS: z.coerce.number().positive().default(7 * 24),
  /** Largest WebSocket frame accepted; a bigger one closes the connection with 1009. */
  MAX_MESSAGE_BYTES: z.coerce.number().int().min(1024).default(8 * MiB),
  /** A connection whose unsent backlog passes this is closed rather than buffered without end. */
  MAX_BUFFERED_BYTES: z.coerce.number().int().min(MiB).default(64 * MiB),
  /** Frames per second one connection may send, sustained (0: no limit); faster senders are slowed down. */
  RATE_LIMIT_MESSAGES_PER_SECOND: z.coerce.number().int().min(0).default(300),
  /** Frames one connection may send at once before the sustained rate applies. */
  RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(1000),
  /** The update log of a document is merged into one state row after this many appends. */
  COMPACT_AFTER_APPENDS: z.coerce.number().int().min(1).default(1000),
  /** A room without connections is unloaded after this grace period. */
  ROOM_IDLE_MS: z.coerce.number().int().min(0).default(30_000),
  /** `normal` survives a crash of the process; `full` also survives a power cut, at the cost of an fsync per batch. */
  SQLITE_SYNCHRONOUS: z.enum(['normal', 'full']).default('normal'),
})

export interface Config {
  port: number
  host: string
  dataDir: string
  /** PUBLIC_URL without a trailing slash, or null for http://HOST:<listening port>. */
  publicUrl: string | null
  maxRequestBytes: number
  maxCommentChars: number
  maxProposalChars: number
  apiWritesPerMinute: number
  apiWriteBurst: number
  maxStreamsPerMember: number
  maxConnectionsPerMember: number
  sessionTtlMs: number
  inviteTtlMs: number
  maxMessageBytes: number
  maxBufferedBytes: number
  messagesPerSecond: number
  messageBurst: number
  compactAfterAppends: number
  roomIdleMs: number
  sqliteSynchronous: 'normal' | 'full'
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
    maxProposalChars: e.MAX_PROPOSAL_CHARS,
    apiWritesPerMinute: e.API_WRITES_PER_MINUTE,
    apiWriteBurst: e.API_WRITE_BURST,
    maxStreamsPerMember: e.MAX_STREAMS_PER_MEMBER,
    maxConnectionsPerMember: e.MAX_CONNECTIONS_PER_MEMBER,
    sessionTtlMs: e.SESSION_TTL_HOURS * 3_600_000,
    inviteTtlMs: e.INVITE_TTL_HOURS * 3_600_000,
    maxMessageBytes: e.MAX_MESSAGE_BYTES,
    maxBufferedBytes: e.MAX_BUFFERED_BYTES,
    messagesPerSecond: e.RATE_LIMIT_MESSAGES_PER_SECOND,
    messageBurst: e.RATE_LIMIT_BURST,
    compactAfterAppends: e.COMPACT_AFTER_APPENDS,
    roomIdleMs: e.ROOM_IDLE_MS,
    sqliteSynchronous: e.SQLITE_SYNCHRONOUS,
  }
}
