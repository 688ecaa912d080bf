/** The messages of the cluster's document channel as bytes (pure, over lib0): each names its sender and its number. */
import * as decoding from 'lib0/decoding'
import * as encoding from 'lib0/encoding'
import type { CollabMessage } from './cluster.ts'

/** Sent each second by every instance: the last numbers it gave on each channel. */
export type Heartbeat = { kind: 'heartbeat'; notices: number }

export interface CollabFrame {
  /** The sending instance. */
  from: string
  /** Its running number on the channel (a heartbeat repeats the last one). */
  n: number
  message: CollabMessage | Heartbeat
}

export function encodeCollab(from: string, n: number, message: CollabMessage | Heartbeat): Buffer {
  const encoder = encoding.createEncoder()
  encoding.writeVarString(encoder, from)
  encoding.writeVarUint(encoder, n)
  encoding.writeVarString(encoder, message.kind)
  if (message.kind === 'heartbeat') {
    encoding.writeVarUint(encoder, message.notices)
  } else {
    encoding.writeVarString(encoder, message.documentId)
    if (message.kind !== 'awarenessQuery') {
      encoding.writeVarUint(encoder, message.kind === 'update' ? message.seq : 0)
      encoding.writeVarUint8Array(encoder, message.update)
    }
  }
  return Buffer.from(encoding.toUint8Array(encoder))
}

export function decodeCollab(bytes: Uint8Array): CollabFrame {
  const decoder = decoding.createDecoder(bytes)
  const from = decoding.readVarString(decoder)
  const n = decoding.readVarUint(decoder)
  const kind = decoding.readVarString(decoder)
  if (kind === 'heartbeat') return { from, n, message: { kind, notices: decoding.readVarUint(decoder) } }
  const documentId = decoding.readVarString(decoder)
  if (kind === 'awarenessQuery') return { from, n, message: { kind, documentId } }
  const seq = decoding.readVarUint(decoder)
  const update = decoding.readVarUint8Array(decoder)
  if (kind === 'update') return { from, n, message: { kind, documentId, seq, update } }
  if (kind === 'awareness') return { from, n, message: { kind, documentId, update } }
  throw new Error(`unknown cluster message "${kind}"`)
}
