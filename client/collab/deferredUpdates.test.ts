import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import * as Y from 'yjs'
import { deferUpdates } from './deferredUpdates.ts'

let frames: Array<() => void> = []
beforeEach(() => {
  vi.useFakeTimers()
  frames = []
  vi.stubGlobal('requestAnimationFrame', (callback: () => void) => frames.push(callback))
  vi.stubGlobal('cancelAnimationFrame', () => undefined)
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

/** The next frame: its animation callbacks, then the task they posted (the frame has been painted). */
function paint() {
  const due = frames
  frames = []
  due.forEach((callback) => callback())
  vi.advanceTimersByTime(0)
}

test('the updates of several keystrokes reach the consumer once the frame is painted, merged into one, none of its own', () => {
  const doc = new Y.Doc()
  const consumed: Uint8Array[] = []
  const own = {}
  deferUpdates(doc, { ownOrigin: own, consume: (update) => consumed.push(update), fallbackMs: 50 })
  const text = doc.getText('t')
  text.insert(0, 'a')
  text.insert(1, 'b')
  doc.transact(() => text.insert(2, 'not mine to send'), own)
  expect(consumed).toHaveLength(0)
  paint()
  expect(consumed).toHaveLength(1)
  const copy = new Y.Doc()
  Y.applyUpdate(copy, consumed[0]!)
  expect(copy.getText('t').toString()).toBe('ab')
})

test('without a frame (a hidden tab) the updates go after the fallback; flush hands them over at once; destroy forgets them', () => {
  const doc = new Y.Doc()
  const consumed: Uint8Array[] = []
  const deferred = deferUpdates(doc, { ownOrigin: {}, consume: (update) => consumed.push(update), fallbackMs: 50 })
  doc.getText('t').insert(0, 'a')
  vi.advanceTimersByTime(49)
  expect(consumed).toHaveLength(0)
  vi.advanceTimersByTime(1)
  expect(consumed).toHaveLength(1)
  doc.getText('t').insert(0, 'b')
  deferred.flush()
  expect(consumed).toHaveLength(2)
  doc.getText('t').insert(0, 'c')
  deferred.destroy()
  paint()
  vi.advanceTimersByTime(100)
  expect(consumed).toHaveLength(2)
})

test('an update made while the consumer is away is not handed to it, even once it is back by the time the frame is painted', () => {
  const doc = new Y.Doc()
  const consumed: Uint8Array[] = []
  let away = true
  deferUpdates(doc, { ownOrigin: {}, consume: (update) => consumed.push(update), fallbackMs: 50, isAway: () => away })
  const text = doc.getText('t')
  // The browser's copy loading before the socket is connected: the connection's sync exchange carries it.
  text.insert(0, 'loaded')
  away = false
  paint()
  expect(consumed).toHaveLength(0)
  const loaded = Y.encodeStateAsUpdate(doc)
  text.insert(6, ' typed')
  paint()
  // Only what was typed once back: the copy loaded while away is not in it.
  expect(consumed).toHaveLength(1)
  expect(Y.decodeUpdate(consumed[0]!).structs.map((struct) => struct.length)).toEqual([6])
  const server = new Y.Doc()
  Y.applyUpdate(server, loaded)
  Y.applyUpdate(server, consumed[0]!)
  expect(server.getText('t').toString()).toBe('loaded typed')
})
