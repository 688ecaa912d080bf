/**
 * A binary WebSocket message framed once for all its recipients. A server's frames are not masked (RFC 6455, 5.1), so
 * the bytes on the wire are the same for every connection: a relayed update is framed once and the same bytes are
 * written to each connection's TCP socket, instead of the socket library framing it again for each one.
 */

/** The TCP socket beneath a WebSocket, written to directly (see Connection.sendFramed). */
export interface StreamSocket {
  readonly destroyed: boolean
  write(data: Uint8Array): boolean
}

const finalBinaryFrame = 0x82

/** The frame header for a final, unmasked binary frame of `length` bytes. */
function headerOf(length: number): Buffer {
  if (length < 126) return Buffer.from([finalBinaryFrame, length])
  if (length < 0x10000) {
    const header = Buffer.allocUnsafe(4)
    header[0] = finalBinaryFrame
    header[1] = 126
    header.writeUInt16BE(length, 2)
    return header
  }
  const header = Buffer.allocUnsafe(10)
  header[0] = finalBinaryFrame
  header[1] = 127
  header.writeBigUInt64BE(BigInt(length), 2)
  return header
}

export class FramedMessage {
  /** The whole frame as it goes on the wire: header, then payload. */
  readonly wire: Buffer

  constructor(readonly payload: Buffer) {
    this.wire = Buffer.concat([headerOf(payload.byteLength), payload])
  }

  /** A message encoded by the protocol (server/collab/protocol.ts), framed without copying it first. */
  static of(message: Uint8Array): FramedMessage {
    return new FramedMessage(Buffer.from(message.buffer, message.byteOffset, message.byteLength))
  }
}
