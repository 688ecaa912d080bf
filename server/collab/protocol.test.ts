import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ProtocolError, decodeClientMessage, encodeSyncStep1, encodeSyncStep2, encodeUpdate } from './protocol.ts'
import { checkUpdate } from './updateCheck.ts'

describe('decodeClientMessage', () => {
  it('reads sync step 1, updates, awareness and awareness queries', () => {
    const doc = new Y.Doc()
    doc.getText('content').insert(0, 'text')
    expect(decodeClientMessage(encodeSyncStep1(doc)).kind).toBe('syncStep1')
    const update = Y.encodeStateAsUpdate(doc)
    const message = decodeClientMessage(encodeUpdate(update))
    expect(message).toEqual({ kind: 'update', update, incremental: true })
    expect(decodeClientMessage(encodeSyncStep2(update))).toEqual({ kind: 'update', update, incremental: false })
    expect(decodeClientMessage(new Uint8Array([1, 2, 0, 0])).kind).toBe('awareness')
    expect(decodeClientMessage(new Uint8Array([3])).kind).toBe('queryAwareness')
  })

  it('rejects truncated and unknown frames with a ProtocolError', () => {
    for (const frame of [[], [7], [0, 5], [0, 2, 10, 1], [1, 200, 1], [0, 0, 2, 1, 200]]) {
      expect(() => decodeClientMessage(new Uint8Array(frame)), JSON.stringify(frame)).toThrow(ProtocolError)
    }
  })

  it('throws nothing but ProtocolError on random input', () => {
    let seed = 42
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    for (let i = 0; i < 5000; i++) {
      const frame = new Uint8Array(1 + Math.floor(random() * 40)).map(() => Math.floor(random() * 256))
      if (random() < 0.5) frame[0] = Math.floor(random() * 4)
      try {
        const message = decodeClientMessage(frame)
        if (message.kind === 'update') checkUpdate(message.update, () => 0)
      } catch (error) {
        expect(error).toBeInstanceOf(ProtocolError)
      }
    }
  })
})
