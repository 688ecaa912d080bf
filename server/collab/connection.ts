/** One client's WebSocket into a room, with what its member may do there and how fast it may send. */
import type { Member } from '../../shared/schema/member.ts'
import { CloseCode } from '../../shared/collab/closeCodes.ts'
import type { FramedMessage, StreamSocket } from './framedMessage.ts'
import { MemberBacklog } from './memberBacklog.ts'
import { TokenBucket } from './rateLimit.ts'

/** The part of a `ws` WebSocket the relay uses. */
export interface Socket {
  readonly readyState: number
  readonly bufferedAmount: number
  send(data: Uint8Array): void
  close(code?: number, reason?: string): void
  pause?(): void
  resume?(): void
}

export interface ConnectionLimits {
  maxBufferedBytes: number
  /** Unsent bytes of all of the member's connections together. */
  maxBufferedBytesPerMember?: number
  /** Frames per second a connection may send, sustained; 0 for no limit. */
  messagesPerSecond: number
  messageBurst: number
}

const OPEN = 1

/** A frame at least this large is checked against the member's whole backlog even on a socket that keeps up. */
const largeFrameBytes = 64 * 1024

export class Connection {
  /** Awareness client ids this connection has published, removed when it closes. */
  readonly awarenessIds = new Set<number>()
  private closed = false
  private readonly bucket: TokenBucket | null
  /** Frames held back by the rate limit while the socket is paused, oldest first. */
  private backlog: Uint8Array[] = []
  /** Sync step 1 messages sent that the client has not answered yet (with its sync step 2). */
  private step1Unanswered = 0

  constructor(
    readonly socket: Socket,
    readonly member: Member,
    /** Asked for each update: a member's right to write can change while they are connected. */
    private readonly mayWrite: () => boolean,
    private readonly limits: ConnectionLimits,
    /** Whether the session or token the connection opened with still holds (asked by the server's sweep). */
    readonly stillSignedIn: () => boolean = () => true,
    /** The backlog of every connection of every member, shared by all connections of the server. */
    private readonly memberBacklog: MemberBacklog = new MemberBacklog(),
    /**
     * The TCP socket beneath the WebSocket, when messages framed once may be written to it directly: only where the
     * socket library frames every message whole and at once (no compression extension negotiated).
     */
    private readonly stream: StreamSocket | null = null,
  ) {
    memberBacklog.add(this)
    this.bucket = limits.messagesPerSecond > 0 ? new TokenBucket(limits.messagesPerSecond, limits.messageBurst) : null
  }

  get canWrite(): boolean {
    return this.mayWrite()
  }

  /** The server sent this connection its sync step 1: a sync step 2 is due in answer. */
  sentSyncStep1(): void {
    this.step1Unanswered++
  }

  /** Whether a sync step 2 received may be the answer to a step 1 sent (counted as such): each is answered once. */
  takeSyncStep1Answer(): boolean {
    if (this.step1Unanswered === 0) return false
    this.step1Unanswered--
    return true
  }

  get isOpen(): boolean {
    return !this.closed && this.socket.readyState === OPEN
  }

  /**
   * Hands a received frame to `handle`, at most at the rate limit: past it, the socket stops being
   * read and frames wait their turn, so a fast sender is slowed down, never dropped.
   */
  admit(frame: Uint8Array, handle: (frame: Uint8Array) => void): void {
    if (!this.bucket || (this.backlog.length === 0 && this.bucket.take())) {
      handle(frame)
      return
    }
    this.backlog.push(frame)
    if (this.backlog.length === 1) {
      this.socket.pause?.()
      this.drainLater(handle)
    }
  }

  private drainLater(handle: (frame: Uint8Array) => void): void {
    setTimeout(() => {
      if (!this.isOpen) {
        this.backlog = []
        return
      }
      while (this.backlog.length > 0 && this.bucket!.take()) handle(this.backlog.shift()!)
      if (this.backlog.length > 0) this.drainLater(handle)
      else this.socket.resume?.()
    }, this.bucket!.msUntilNext())
  }

  send(frame: Uint8Array): void {
    if (!this.mayTake(frame.byteLength)) return
    try {
      this.socket.send(frame)
    } catch {
      this.close(CloseCode.sendFailed)
    }
  }

  /** Sends a message framed once for all its recipients: its bytes go to the TCP socket as they are, when there is one. */
  sendFramed(message: FramedMessage): void {
    if (!this.mayTake(message.wire.byteLength)) return
    try {
      // Whole frames only ever reach the socket (the library's own too), so this frame never splits one of them.
      if (this.stream && !this.stream.destroyed) this.stream.write(message.wire)
      else this.socket.send(message.payload)
    } catch {
      this.close(CloseCode.sendFailed)
    }
  }

  /** Whether `bytes` more may be sent: false (and the connection closed as a slow consumer) past the backlog limits. */
  private mayTake(bytes: number): boolean {
    if (!this.isOpen) return false
    const buffered = this.socket.bufferedAmount
    if (buffered + bytes > this.limits.maxBufferedBytes && buffered > 0) {
      this.close(CloseCode.slowConsumer)
      return false
    }
    // Summed over the member's connections only when this one lags or the frame is large: the hot path stays O(1).
    const perMember = this.limits.maxBufferedBytesPerMember
    if (perMember && (buffered > 0 || bytes >= largeFrameBytes)) {
      if (this.memberBacklog.buffered(this.member.id) + bytes > perMember) {
        this.close(CloseCode.slowConsumer)
        return false
      }
    }
    return true
  }

  /** The socket closed on its own: the connection no longer counts towards its member's backlog. */
  socketClosed(): void {
    this.memberBacklog.remove(this)
  }

  close(closeCode: { code: number; reason: string }): void {
    if (this.closed) return
    this.closed = true
    this.backlog = []
    this.memberBacklog.remove(this)
    try {
      this.socket.close(closeCode.code, closeCode.reason)
    } catch {
      // The socket is already gone; nothing left to tell the client.
    }
  }
}
