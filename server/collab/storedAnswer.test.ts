import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { StoredAnswer } from './storedAnswer.ts'

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc()
  doc.getText('content').insert(0, text)
  return doc
}

const nothing = Y.encodeStateVector(new Y.Doc())

describe('StoredAnswer', () => {
  it('answers a client that holds nothing with the whole stored document, state and log merged', () => {
    const state = docWith('state ')
    const log = docWith('log')
    const answer = new StoredAnswer({ state: Y.encodeStateAsUpdate(state), updates: [Y.encodeStateAsUpdate(log)] })
    answer.prepare()
    const client = new Y.Doc()
    Y.applyUpdate(client, answer.answer(nothing)!)
    expect(client.getText('content').toString()).toContain('state ')
    expect(client.getText('content').toString()).toContain('log')
  })

  it('answers a client with only what its state vector lacks', () => {
    const client = docWith('known ')
    const stored = new Y.Doc()
    Y.applyUpdate(stored, Y.encodeStateAsUpdate(client))
    stored.getText('content').insert(6, 'new')
    const answer = new StoredAnswer({ state: Y.encodeStateAsUpdate(stored), updates: [] })
    const diff = answer.answer(Y.encodeStateVector(client))!
    expect([...Y.parseUpdateMeta(diff).to.keys()]).toEqual([stored.clientID])
    Y.applyUpdate(client, diff)
    expect(client.getText('content').toString()).toBe('known new')
  })

  it('answers nothing from bytes that do not decode, or when nothing is stored', () => {
    const garbage = new Uint8Array([1, 1, 200, 200, 200, 1, 0, 255, 255, 255])
    const broken = new StoredAnswer({ state: garbage, updates: [] })
    broken.prepare()
    expect(broken.answer(nothing)).toBeNull()
    expect(new StoredAnswer({ state: garbage, updates: [] }).answer(Y.encodeStateVector(docWith('x')))).toBeNull()
    expect(new StoredAnswer({ state: Y.encodeStateAsUpdate(docWith('fine')), updates: [garbage] }).answer(nothing)).toBeNull()
    expect(new StoredAnswer({ state: null, updates: [] }).answer(nothing)).toBeNull()
  })
})
