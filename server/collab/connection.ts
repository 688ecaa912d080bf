/** One client's WebSocket into a room, with what its member may do there. */
import type { Member } from '../../shared/schema/member.ts'
import { CloseCode } from './closeCodes.ts'

/** The part of a `ws` WebSocket the relay uses. */
export interface Socket {
  readonly readyState: number
  readonly bufferedAmount: number
  send(data: Uint8Array): void
  close(code?: number, reason?: string): void
}

const OPEN = 1

export class Connection {
  /** Awareness client ids this connection has published, removed when it closes. */
  readonly awarenessIds = new Set<number>()
  private closed = false

  constructor(
    readonly socket: Socket,
    readonly member: Member,
    readonly canWrite: boolean,
    private readonly maxBufferedBytes: number,
  ) {}

  get isOpen(): boolean {
    return !this.closed && this.socket.readyState === OPEN
  }

  send(frame: Uint8Array): void {
    if (!this.isOpen) return
    if (this.socket.bufferedAmount > this.maxBufferedBytes) {
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
    try {
      this.socket.close(closeCode.code, closeCode.reason)
    } catch {
      // The socket is already gone; nothing left to tell the client.
    }
  }
}
