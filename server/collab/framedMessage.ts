/**
 * A binary WebSocket message framed once for all its recipients. A server's frames are not masked (RFC 6455, 5.1), so
 * the bytes on the wire are the same for every connection: a relayed update is framed once and the same bytes are
 * written to each connection's TCP socket, instead of the socket library framing it again for each one.
 */
import * as syncProtocol from 'y-protocols/sync'
import { messageSync } from './protocol.ts'

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

/** Bytes of `value` as an unsigned varint (lib0's encoding: 7 bits per byte, least significant first). */
function varUintLength(value: number): number {
  let bytes = 1
  while (value > 0x7f) {
    value = Math.floor(value / 128)
    bytes++
  }
  return bytes
}

export class FramedMessage {
  /** The whole frame as it goes on the wire: header, then payload. */
  readonly wire: Buffer
  /** The message itself, as a WebSocket library would send it. */
  readonly payload: Buffer

  constructor(payload: Buffer, wire?: Buffer) {
    this.payload = payload
    this.wire = wire ?? Buffer.concat([headerOf(payload.byteLength), payload])
  }

  /**
   * The y-websocket message carrying a document update (message type sync, sync type update, then the update as a
   * length-prefixed byte array), written straight into its frame: one allocation, the update copied once.
   */
  static syncUpdate(update: Uint8Array): FramedMessage {
    const payloadLength = 2 + varUintLength(update.byteLength) + update.byteLength
    const header = headerOf(payloadLength)
    const wire = Buffer.allocUnsafe(header.byteLength + payloadLength)
    header.copy(wire, 0)
    let at = header.byteLength
    wire[at++] = messageSync
    wire[at++] = syncProtocol.messageYjsUpdate
    for (let value = update.byteLength; ; ) {
      if (value > 0x7f) {
        wire[at++] = 0x80 | (value & 0x7f)
        value = Math.floor(value / 128)
      } else {
        wire[at++] = value
        break
      }
    }
    wire.set(update, at)
    return new FramedMessage(wire.subarray(header.byteLength), wire)
  }
}
