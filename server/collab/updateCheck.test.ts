/** checkUpdate against hand-made and mutated updates, and against Yjs itself: what it accepts integrates whole. */
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { mutateUpdate } from '../../tests/helpers/updateMutation.ts'
import { ProtocolError } from './protocol.ts'
import { checkUpdate, holdsLive, isEmptyUpdate, mergedRanges, repeatsKnownDeletions } from './updateCheck.ts'

const stateOf = (doc: Y.Doc) => (client: number) => Y.getState(doc.store, client)

function docWith(text: string, clientID?: number): Y.Doc {
  const doc = new Y.Doc()
  if (clientID !== undefined) doc.clientID = clientID
  doc.getText('content').insert(0, text)
  return doc
}

/** A copy of `doc` that then makes an edit; returns the edit's update. */
function editOf(doc: Y.Doc, edit: (copy: Y.Doc) => void, clientID = 77): Uint8Array {
  const copy = new Y.Doc()
  copy.clientID = clientID
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc))
  const before = Y.encodeStateVector(copy)
  edit(copy)
  return Y.encodeStateAsUpdate(copy, before)
}

describe('checkUpdate', () => {
  it('tells empty updates, insertions and deletions that follow on from the document', () => {
    const doc = docWith('hello', 1)
    expect(checkUpdate(Y.encodeStateAsUpdate(new Y.Doc()), stateOf(doc)).verdict).toBe('empty')
    expect(checkUpdate(editOf(doc, (c) => c.getText('content').insert(2, 'xx')), stateOf(doc)).verdict).toBe('consistent')
    expect(checkUpdate(editOf(doc, (c) => c.getText('content').delete(1, 2)), stateOf(doc)).verdict).toBe('consistent')
    // What the document already has, sent again, is fine too.
    expect(checkUpdate(Y.encodeStateAsUpdate(doc), stateOf(doc)).verdict).toBe('consistent')
  })

  it('tells a fresh update (every struct new to the document) from one that repeats some', () => {
    const doc = docWith('hello', 1)
    const insertion = editOf(doc, (c) => c.getText('content').insert(2, 'xx'))
    expect(checkUpdate(insertion, stateOf(doc))).toEqual({ verdict: 'consistent', fresh: true })
    // Deletions alone: fresh when they delete something the document still holds, as the caller tells.
    const deletion = editOf(doc, (c) => c.getText('content').delete(1, 2))
    const live = (client: number, clock: number, len: number) => holdsLive(doc, client, clock, len)
    expect(checkUpdate(deletion, stateOf(doc), live)).toEqual({ verdict: 'consistent', fresh: true })
    expect(checkUpdate(deletion, stateOf(doc))).toEqual({ verdict: 'consistent', fresh: false })
    const deleted = docWith('hello', 1)
    Y.applyUpdate(deleted, deletion)
    expect(checkUpdate(deletion, stateOf(deleted), (client, clock, len) => holdsLive(deleted, client, clock, len))).toEqual({ verdict: 'consistent', fresh: false })
    // Everything the document holds, sent again, and the same edit once the document has it.
    expect(checkUpdate(Y.encodeStateAsUpdate(doc), stateOf(doc))).toEqual({ verdict: 'consistent', fresh: false })
    Y.applyUpdate(doc, insertion)
    expect(checkUpdate(insertion, stateOf(doc))).toEqual({ verdict: 'consistent', fresh: false })
    // New structs that begin with some the document holds (the same client typed on): not fresh either.
    const writer = new Y.Doc()
    writer.clientID = 77
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(doc))
    writer.getText('content').insert(0, 'more')
    expect(checkUpdate(Y.encodeStateAsUpdate(writer, Y.encodeStateVector(new Y.Doc())), stateOf(doc))).toMatchObject({ fresh: false })
    expect(checkUpdate(Y.encodeStateAsUpdate(writer, Y.encodeStateVector(doc)), stateOf(doc))).toEqual({ verdict: 'consistent', fresh: true })
  })

  it('tells whether a range of a client\'s structs still holds anything not deleted', () => {
    const doc = docWith('abcdef', 1)
    doc.getText('content').delete(1, 2)
    expect(holdsLive(doc, 1, 1, 2)).toBe(false)
    expect(holdsLive(doc, 1, 0, 2)).toBe(true)
    expect(holdsLive(doc, 1, 2, 3)).toBe(true)
    expect(holdsLive(doc, 2, 0, 1)).toBe(false)
  })

  it('refuses an update whose structs start past what the document holds of their client (a gap)', () => {
    const doc = docWith('hello', 1)
    const writer = new Y.Doc()
    writer.clientID = 5
    Y.applyUpdate(writer, Y.encodeStateAsUpdate(doc))
    writer.getText('content').insert(0, 'a')
    const afterFirst = Y.encodeStateVector(writer)
    writer.getText('content').insert(0, 'b')
    const second = Y.encodeStateAsUpdate(writer, afterFirst)
    expect(checkUpdate(second, stateOf(doc))).toMatchObject({ verdict: 'inconsistent' })
  })

  it('refuses origins, right origins and parents the document does not have, and deletions of what it lacks', () => {
    const doc = docWith('hello', 1)
    const unknownOrigin = editOf(docWith('other text', 9), (c) => c.getText('content').insert(3, 'x'))
    expect(checkUpdate(unknownOrigin, stateOf(doc))).toMatchObject({ verdict: 'inconsistent' })
    const unknownDeletion = editOf(docWith('other text', 9), (c) => c.getText('content').delete(0, 2))
    expect(checkUpdate(unknownDeletion, stateOf(doc))).toMatchObject({ verdict: 'inconsistent' })
    const nested = new Y.Doc()
    nested.clientID = 9
    const map = new Y.Map()
    nested.getArray('content').insert(0, [map])
    const unknownParent = editOf(nested, (c) => (c.getArray('content').get(0) as Y.Map<number>).set('k', 1))
    expect(checkUpdate(unknownParent, stateOf(doc))).toMatchObject({ verdict: 'inconsistent' })
  })

  it('accepts an update whose clients depend on each other in some order, refuses a cycle', () => {
    const doc = docWith('hello', 1)
    const a = editOf(doc, (c) => c.getText('content').insert(5, ' world'), 20)
    const withA = new Y.Doc()
    Y.applyUpdate(withA, Y.encodeStateAsUpdate(doc))
    Y.applyUpdate(withA, a)
    const b = editOf(withA, (c) => c.getText('content').insert(8, '!'), 10)
    expect(checkUpdate(b, stateOf(doc)).verdict).toBe('inconsistent')
    expect(checkUpdate(Y.mergeUpdates([b, a]), stateOf(doc)).verdict).toBe('consistent')
  })

  it('throws ProtocolError for an update that does not decode', () => {
    expect(() => checkUpdate(new Uint8Array([1, 1, 200, 3]), () => 0)).toThrow(ProtocolError)
  })

  it('agrees with Yjs: an update it accepts integrates whole, without throwing and with nothing pending', () => {
    let seed = 7
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31)
    const base = docWith('The quick brown fox', 1)
    base.getText('content').delete(4, 6)
    const other = new Y.Doc()
    other.clientID = 2
    Y.applyUpdate(other, Y.encodeStateAsUpdate(base))
    other.getText('content').insert(3, ' lazy')
    Y.applyUpdate(base, Y.encodeStateAsUpdate(other))
    const clients = [1, 2, 3]
    let accepted = 0
    let refused = 0
    for (let i = 0; i < 1000; i++) {
      const edit = editOf(
        base,
        (c) => {
          const text = c.getText('content')
          if (random() < 0.7) text.insert(Math.floor(random() * (text.length + 1)), 'ab')
          else if (text.length > 0) text.delete(Math.floor(random() * text.length), 1)
          if (random() < 0.3) c.getMap('meta').set('k', random())
        },
        3,
      )
      const mutated = mutateUpdate(edit, random, clients)
      let verdict: string
      try {
        verdict = checkUpdate(mutated, stateOf(base)).verdict
      } catch (error) {
        expect(error).toBeInstanceOf(ProtocolError)
        continue
      }
      if (verdict !== 'consistent') {
        refused++
        continue
      }
      accepted++
      const copy = new Y.Doc()
      Y.applyUpdate(copy, Y.encodeStateAsUpdate(base))
      expect(() => Y.applyUpdate(copy, mutated)).not.toThrow()
      expect(copy.store.pendingStructs).toBeNull()
      expect(copy.store.pendingDs).toBeNull()
      copy.destroy()
    }
    expect(accepted).toBeGreaterThan(30)
    expect(refused).toBeGreaterThan(30)
  })
})

describe('isEmptyUpdate', () => {
  it('knows the empty update from its two bytes', () => {
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(new Y.Doc()))).toBe(true)
    expect(isEmptyUpdate(Y.encodeStateAsUpdate(docWith('a')))).toBe(false)
  })
})

describe('repeatsKnownDeletions', () => {
  it('tells a client answering sync step 1 with nothing new (its delete set alone) from a change', () => {
    const server = docWith('hello world', 1)
    server.getText('content').delete(5, 6)
    // A reader's copy, up to date: its answer to the server's step 1 is not the empty update, it holds the delete set.
    const reader = new Y.Doc()
    reader.clientID = 2
    Y.applyUpdate(reader, Y.encodeStateAsUpdate(server))
    const answer = Y.encodeStateAsUpdate(reader, Y.encodeStateVector(server))
    expect(isEmptyUpdate(answer)).toBe(false)
    expect(repeatsKnownDeletions(answer, server)).toBe(true)
    // A deletion of text the server still holds, an insertion, a deletion past what it holds: changes.
    const deletion = editOf(server, (c) => c.getText('content').delete(0, 1))
    expect(repeatsKnownDeletions(deletion, server)).toBe(false)
    expect(repeatsKnownDeletions(editOf(server, (c) => c.getText('content').insert(0, 'x')), server)).toBe(false)
    // Deletions only of content the server never had (typed and deleted by the client itself): past its state.
    const ahead = docWith('abc', 1)
    const beyond = new Y.Doc()
    beyond.clientID = 9
    Y.applyUpdate(beyond, Y.encodeStateAsUpdate(ahead))
    beyond.getText('content').insert(3, 'def')
    beyond.getText('content').delete(3, 3)
    const pastState = Y.encodeStateAsUpdate(beyond, Y.encodeStateVector(beyond))
    expect(Y.decodeUpdate(pastState).ds.clients.get(9)).toEqual([expect.objectContaining({ clock: 0, len: 3 })])
    expect(repeatsKnownDeletions(pastState, ahead)).toBe(false)
    // Not decodable: a protocol error, as any update.
    expect(() => repeatsKnownDeletions(Uint8Array.from([0, 5, 1]), server)).toThrow(ProtocolError)
  })
})

describe('mergedRanges', () => {
  it('sorts deletion ranges and merges those that overlap or touch, so that each clock is searched once', () => {
    expect(mergedRanges([])).toEqual([])
    expect(mergedRanges([{ clock: 10, len: 5 }, { clock: 0, len: 3 }, { clock: 3, len: 2 }, { clock: 12, len: 1 }, { clock: 20, len: 1 }])).toEqual([
      { clock: 0, len: 5 },
      { clock: 10, len: 5 },
      { clock: 20, len: 1 },
    ])
    // A crafted answer repeating one range many times is one range.
    expect(mergedRanges(Array.from({ length: 10_000 }, () => ({ clock: 4, len: 1000 })))).toEqual([{ clock: 4, len: 1000 }])
  })
})
