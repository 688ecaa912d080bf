/**
 * What several instances of the server share: messages between them (document updates and presence, and notices such
 * as a revocation or a document event), per-member counters and rates, and locks. One interface, two implementations:
 * in process (one instance, the default) and over Redis (`REDIS_URL`).
 */

/** Document traffic between instances; `update` is sent only once it is stored (with its sequence number in the log). */
export type CollabMessage =
  | { kind: 'update'; documentId: string; seq: number; update: Uint8Array }
  | { kind: 'awareness'; documentId: string; update: Uint8Array }
  /** An instance that just loaded the document asks the others for the presence they hold. */
  | { kind: 'awarenessQuery'; documentId: string }

/** What every instance must hear of, to act on it as if it had happened there. */
export type ClusterNotice =
  | { kind: 'event'; documentId: string | null; event: string; data: unknown }
  | { kind: 'memberRevoked'; memberId: number }
  | { kind: 'memberChanged'; memberId: number }
  | { kind: 'leadChanged'; memberId: number; workspaceId: string }
  /** A session ended (signed out) on one instance: the others close its connections too. `hash`: the session's hash. */
  | { kind: 'sessionsEnded'; hash: string }
  /** A workspace or document was created, or a document's metadata changed: the others read the registry again. */
  | { kind: 'registryChanged' }

export interface ClusterHandlers {
  collab(message: CollabMessage): void
  notice(notice: ClusterNotice): void
  /**
   * Messages from other instances may have been lost (subscribed again after a disconnection, or a gap in an
   * instance's numbering), on the channels named: what they carried must be read again (documents from the store;
   * event streams start again, and their clients fetch what they missed).
   */
  lost(reason: 'subscribed' | 'gap', channels: ReadonlyArray<'collab' | 'notice'>): void
}

/** What the metrics count of the cluster's traffic and health. */
export interface ClusterObserver {
  published(channel: 'collab' | 'notice'): void
  received(channel: 'collab' | 'notice'): void
  publishFailed(channel: 'collab' | 'notice'): void
  /** Messages may have been lost: subscribed (again), or a gap in an instance's numbering. */
  lost(reason: 'subscribed' | 'gap'): void
  connected(up: boolean): void
  /** A room read the store to catch up, and why. */
  caughtUp(reason: string): void
}

export const noClusterObserver: ClusterObserver = { published() {}, received() {}, publishFailed() {}, lost() {}, connected() {}, caughtUp() {} }

/** Open connections (or event streams) per member, over all instances. */
export interface MemberCounter {
  add(memberId: number, by: 1 | -1): void
  count(memberId: number): Promise<number>
}

/** A rate per member (token bucket): null when a request is allowed, else the seconds after which one will be. */
export interface MemberRateLimit {
  take(memberId: number): Promise<number | null>
}

/** Releases a lock taken with `lock`. */
export type Unlock = () => Promise<void>

export interface Cluster {
  /** Whether other instances may exist: false in process. */
  readonly shared: boolean
  readonly instanceId: string
  start(handlers: ClusterHandlers): void
  publishCollab(message: CollabMessage): void
  publishNotice(notice: ClusterNotice): void
  readonly connections: MemberCounter
  readonly streams: MemberCounter
  rate(name: string, perMinute: number, burst: number): MemberRateLimit
  /** Takes a lock held at most `ttlMs`, or null when another holder has it (or it cannot be asked now). */
  lock(name: string, ttlMs: number): Promise<Unlock | null>
  /** Throws while the instances cannot reach each other (readiness). */
  check(): Promise<void>
  close(): Promise<void>
}
