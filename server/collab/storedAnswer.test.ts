import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { StoredAnswer, type StoredReply } from './storedAnswer.ts'

function docWith(text: string): Y.Doc {
  const doc = new Y.Doc()
  doc.getText('content').insert(0, text)
  return doc
}

const nothing = Y.encodeStateVector(new Y.Doc())

/** Applies a reply as a client does: the log's part (an update), then the state's part (sync step 2). */
function applyReply(client: Y.Doc, reply: StoredReply): void {
  if (reply.log) Y.applyUpdate(client, reply.log)
  Y.applyUpdate(client, reply.state)
}

describe('StoredAnswer', () => {
  it('answers a client that holds nothing with the whole stored document: the stored state, and the log merged', () => {
    const state = docWith('state ')
    const log = docWith('log')
    const answer = new StoredAnswer({ state: Y.encodeStateAsUpdate(state), updates: [Y.encodeStateAsUpdate(log)] })
    answer.prepare()
    const reply = answer.answer(nothing)!
    // The stored state is served as it is, never merged with the log (that costs as much as building the document).
    expect(reply.state).toEqual(Y.encodeStateAsUpdate(state))
    const client = new Y.Doc()
    applyReply(client, reply)
    expect(client.getText('content').toString()).toContain('state ')
    expect(client.getText('content').toString()).toContain('log')
  })

  it('sends the log first, held pending until the state completes it: the sync step 2 never leaves a part', () => {
    // The state, then edits stored after it in the log (each an update of the document as it was).
    const doc = docWith('The Group recommends')
    const state = Y.encodeStateAsUpdate(doc)
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    doc.getText('content').insert(doc.getText('content').length, ' that States')
    doc.getText('content').delete(0, 4)
    doc.getText('content').insert(0, 'the ')
    const answer = new StoredAnswer({ state, updates })
    const reply = answer.answer(nothing)!
    expect(reply.log).not.toBeNull()

    const client = new Y.Doc()
    Y.applyUpdate(client, reply.log!)
    expect(client.getText('content').toString()).toBe('')
    Y.applyUpdate(client, reply.state)
    expect(client.getText('content').toString()).toBe('the Group recommends that States')
    expect(client.store.pendingStructs).toBeNull()
    expect(client.store.pendingDs).toBeNull()
  })

  it('leaves the log out for a client that holds all of it', () => {
    const doc = docWith('stored')
    const state = Y.encodeStateAsUpdate(doc)
    const updates: Uint8Array[] = []
    doc.on('update', (update: Uint8Array) => updates.push(update))
    doc.getText('content').insert(0, 'all ')
    const client = new Y.Doc()
    Y.applyUpdate(client, Y.encodeStateAsUpdate(doc))
    const reply = new StoredAnswer({ state, updates }).answer(Y.encodeStateVector(client))!
    expect(reply.log).toBeNull()
    applyReply(client, reply)
    expect(client.getText('content').toString()).toBe('all stored')
  })

  it('answers with the log alone as the step 2 when no state is stored', () => {
    const first = docWith('one ')
    const second = docWith('two')
    const reply = new StoredAnswer({ state: null, updates: [Y.encodeStateAsUpdate(first), Y.encodeStateAsUpdate(second)] }).answer(nothing)!
    expect(reply.log).toBeNull()
    const client = new Y.Doc()
    Y.applyUpdate(client, reply.state)
    expect(client.getText('content').toString()).toContain('one ')
    expect(client.getText('content').toString()).toContain('two')
  })

  it('answers a client with only what its state vector lacks', () => {
    const client = docWith('known ')
    const stored = new Y.Doc()
    Y.applyUpdate(stored, Y.encodeStateAsUpdate(client))
    stored.getText('content').insert(6, 'new')
    const answer = new StoredAnswer({ state: Y.encodeStateAsUpdate(stored), updates: [] })
    const reply = answer.answer(Y.encodeStateVector(client))!
    expect(reply.log).toBeNull()
    expect([...Y.parseUpdateMeta(reply.state).to.keys()]).toEqual([stored.clientID])
    applyReply(client, reply)
    expect(client.getText('content').toString()).toBe('known new')
  })

  it('serves a state whose digest matches without reading it through, and never one whose digest differs', () => {
    const state = Y.encodeStateAsUpdate(docWith('checked when compacted'))
    // Bytes that would fail the read-through (a struct cut short) show the digest is what vouches for them.
    const cut = state.slice(0, state.length - 3)
    expect(new StoredAnswer({ state: cut, updates: [] }).answer(nothing)).toBeNull()
    expect(new StoredAnswer({ state: cut, updates: [], stateDigest: 'matches' }).answer(nothing)?.state).toEqual(cut)
    // The log is still read through: no digest vouches for it.
    const garbage = new Uint8Array([1, 1, 200, 200, 200, 1, 0, 255, 255, 255])
    expect(new StoredAnswer({ state, updates: [garbage], stateDigest: 'matches' }).answer(nothing)).toBeNull()
    // Changed since its compaction: not served, even though it decodes, to a client holding nothing or something.
    const differs = new StoredAnswer({ state, updates: [], stateDigest: 'differs' })
    differs.prepare()
    expect(differs.answer(nothing)).toBeNull()
    expect(differs.answer(Y.encodeStateVector(docWith('x')))).toBeNull()
    // Without a digest (stored before they were kept), read through as ever.
    expect(new StoredAnswer({ state, updates: [], stateDigest: 'absent' }).answer(nothing)?.state).toEqual(state)
  })

  it('answers nothing from bytes that do not decode, or when nothing is stored', () => {
    const garbage = new Uint8Array([1, 1, 200, 200, 200, 1, 0, 255, 255, 255])
    const broken = new StoredAnswer({ state: garbage, updates: [] })
    broken.prepare()
    expect(broken.answer(nothing)).toBeNull()
    expect(new StoredAnswer({ state: garbage, updates: [] }).answer(Y.encodeStateVector(docWith('x')))).toBeNull()
    expect(new StoredAnswer({ state: Y.encodeStateAsUpdate(docWith('fine')), updates: [garbage] }).answer(nothing)).toBeNull()
    expect(new StoredAnswer({ state: Y.encodeStateAsUpdate(docWith('fine')), updates: [garbage, garbage] }).answer(nothing)).toBeNull()
    expect(new StoredAnswer({ state: garbage, updates: [Y.encodeStateAsUpdate(docWith('fine'))] }).answer(nothing)).toBeNull()
    expect(new StoredAnswer({ state: null, updates: [] }).answer(nothing)).toBeNull()
  })
})
