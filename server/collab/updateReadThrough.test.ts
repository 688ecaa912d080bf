import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readsThrough } from './updateReadThrough.ts'

/** Whether Yjs itself decodes the update (its structs and delete set). */
function yjsDecodes(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update)
    return true
  } catch {
    return false
  }
}

/** A deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/** Updates of every content kind Yjs writes: text with formats and embeds, XML, maps, arrays, binary, subdocuments, deletions, GC and skips. */
function sampleUpdates(): Uint8Array[] {
  const updates: Uint8Array[] = []
  const doc = new Y.Doc({ gc: true })
  doc.on('update', (update: Uint8Array) => updates.push(update))
  const text = doc.getText('content')
  text.insert(0, 'Recommendation 1: États membres — 各国 🇺🇳 ')
  text.format(0, 14, { bold: true, link: { href: 'https://un.org' } })
  text.insertEmbed(5, { image: 'seal.png' })
  text.delete(3, 4)
  const fragment = doc.getXmlFragment('prosemirror')
  const paragraph = new Y.XmlElement('paragraph')
  paragraph.setAttribute('frameworkRef', 'norm-13a')
  paragraph.insert(0, [new Y.XmlText('Norm 13 (a) ‘cooperation’')])
  // A hook is a shared type the XML fragment holds like an element (its typing does not say so).
  fragment.insert(0, [paragraph, new Y.XmlHook('hook') as unknown as Y.XmlElement])
  const map = doc.getMap('meta')
  map.set('count', 42)
  map.set('nested', { a: [1, 2.5, 'x', null, true], b: new Uint8Array([1, 2, 3]) })
  map.set('bytes', new Uint8Array([0, 255]))
  map.set('sub', new Y.Doc({ guid: 'child' }))
  map.set('list', Y.Array.from([1, 'two']))
  map.delete('count')
  const array = doc.getArray<unknown>('list')
  array.insert(0, [1, 'a', { b: 2 }, new Uint8Array([9])])
  array.delete(1, 2)
  updates.push(Y.encodeStateAsUpdate(doc))
  // A merge of updates that leave a gap between them holds a skip struct.
  updates.push(Y.mergeUpdates([updates[0], updates[3]]))
  updates.push(Y.encodeStateAsUpdate(new Y.Doc()))
  return updates
}

describe('readsThrough', () => {
  const samples = sampleUpdates()

  it('reads through every update Yjs writes', () => {
    expect(samples.length).toBeGreaterThan(10)
    for (const update of samples) {
      expect(yjsDecodes(update)).toBe(true)
      expect(readsThrough(update)).toBe(true)
    }
  })

  it('refuses truncated updates, trailing bytes and unknown content kinds', () => {
    const whole = samples[samples.length - 3]
    for (let end = 0; end < whole.length; end++) expect(readsThrough(whole.subarray(0, end)), `cut at ${end}`).toBe(false)
    expect(readsThrough(new Uint8Array([...whole, 0]))).toBe(false)
    // One client, one struct, info 11 (no such content), parent by root name "t", then an empty delete set.
    expect(readsThrough(new Uint8Array([1, 1, 1, 0, 11, 1, 1, 116, 0]))).toBe(false)
    // The same struct as a string item whose text is not UTF-8 (a lone continuation byte).
    expect(readsThrough(new Uint8Array([1, 1, 1, 0, 4, 1, 1, 116, 1, 0x80, 0]))).toBe(false)
    expect(yjsDecodes(new Uint8Array([1, 1, 1, 0, 4, 1, 1, 116, 1, 0x80, 0]))).toBe(false)
    expect(readsThrough(new Uint8Array([1, 1, 1, 0, 4, 1, 1, 116, 1, 0x61, 0]))).toBe(true)
    // A subdocument whose options are null (126) or undefined (127): Yjs cannot read them.
    for (const options of [126, 127]) {
      const bytes = new Uint8Array([1, 1, 1, 0, 9, 1, 1, 116, 1, 103, options, 0])
      expect(yjsDecodes(bytes)).toBe(false)
      expect(readsThrough(bytes)).toBe(false)
    }
  })

  it('never accepts what Yjs cannot decode, over many mutated updates', () => {
    const next = random(20261129)
    let accepted = 0
    let refused = 0
    for (let round = 0; round < 6000; round++) {
      const base = samples[Math.floor(next() * samples.length)]
      const bytes = new Uint8Array(base)
      const edits = 1 + Math.floor(next() * 3)
      for (let e = 0; e < edits; e++) bytes[Math.floor(next() * bytes.length)] = Math.floor(next() * 256)
      const cut = next() < 0.2 ? bytes.subarray(0, Math.floor(next() * bytes.length)) : bytes
      if (readsThrough(cut)) {
        accepted++
        expect(yjsDecodes(cut), `mutation of round ${round}`).toBe(true)
      } else refused++
    }
    // Both outcomes occur, so the comparison above was made on updates it accepted.
    expect(accepted).toBeGreaterThan(100)
    expect(refused).toBeGreaterThan(100)
  })
})
