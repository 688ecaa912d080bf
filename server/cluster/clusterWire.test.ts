import * as encoding from 'lib0/encoding'
import { describe, expect, it } from 'vitest'
import { decodeCollab, encodeCollab, type CollabFrame } from './clusterWire.ts'

describe('the cluster wire', () => {
  it('reads back every kind of message it writes, with its sender and number', () => {
    const frames: CollabFrame[] = [
      { from: 'a', n: 1, message: { kind: 'update', documentId: 'dtg1-2027-x', seq: 4_294_967_296, update: new Uint8Array([0, 1, 255]) } },
      { from: 'a', n: 2, message: { kind: 'awareness', documentId: 'd', update: new Uint8Array([9]) } },
      { from: 'b', n: 0, message: { kind: 'awarenessQuery', documentId: 'd' } },
      { from: 'b', n: 7, message: { kind: 'heartbeat', notices: 3 } },
    ]
    for (const frame of frames) expect(decodeCollab(encodeCollab(frame.from, frame.n, frame.message))).toEqual(frame)
  })

  it('refuses a message of a kind it does not know', () => {
    const encoder = encoding.createEncoder()
    encoding.writeVarString(encoder, 'a')
    encoding.writeVarUint(encoder, 1)
    encoding.writeVarString(encoder, 'mystery')
    encoding.writeVarString(encoder, 'd')
    encoding.writeVarUint(encoder, 0)
    encoding.writeVarUint8Array(encoder, new Uint8Array())
    expect(() => decodeCollab(encoding.toUint8Array(encoder))).toThrow(/unknown cluster message/)
  })
})
