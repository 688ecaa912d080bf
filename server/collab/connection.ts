/** One client's WebSocket into a room, with what its member may do there and how fast it may send. */
import type { Member } from '../../shared/schema/member.ts'
import { CloseCode } from '../../shared/collab/closeCodes.ts'
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
  /** Frames per second a connection may send, sustained; 0 for no limit. */
  messagesPerSecond: number
  messageBurst: number
}

const OPEN = 1

export class Connection {
  /** Awareness client ids this connection has published, removed when it closes. */
  readonly awarenessIds = new Set<number>()
  private closed = false
  private readonly bucket: TokenBucket | null
  /** Frames held back by the rate limit while the socket is paused, oldest first. */
  private backlog: Uint8Array[] = []

  constructor(
    readonly socket: Socket,
    readonly member: Member,
    /** Asked for each update: a member's right to write can change while they are connected. */
    private readonly mayWrite: () => boolean,
    private readonly limits: ConnectionLimits,
    /** Whether the session or token the connection opened with still holds (asked by the server's sweep). */
    readonly stillSignedIn: () => boolean = () => true,
  ) {
    this.bucket = limits.messagesPerSecond > 0 ? new TokenBucket(limits.messagesPerSecond, limits.messageBurst) : null
  }

  get canWrite(): boolean {
    return this.mayWrite()
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
    if (!this.isOpen) return
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      this.close(CloseCode.slowConsumer)
      return
    }
    try {
      this.socket.send(frame)
    } catch {
      this.close(CloseCode.sendFailed)
    }
  }

  close(closeCode: { code: number; reason: string }): void {
    if (this.closed) return
    this.closed = true
    this.backlog = []
    try {
      this.socket.close(closeCode.code, closeCode.reason)
    } catch {
      // The socket is already gone; nothing left to tell the client.
    }
  }
}
