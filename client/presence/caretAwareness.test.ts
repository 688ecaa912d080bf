import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { Awareness } from 'y-protocols/awareness'
import * as Y from 'yjs'
import { caretAwareness } from './caretAwareness.ts'

beforeEach(() => {
  vi.useFakeTimers()
  vi.stubGlobal('requestAnimationFrame', () => 0)
  vi.stubGlobal('cancelAnimationFrame', () => undefined)
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
})

test("the caret plugin hears others' changes, not the member's own caret moving", () => {
  const mine = new Awareness(new Y.Doc())
  const theirs = new Awareness(new Y.Doc())
  const seen = caretAwareness(mine)
  const heard = vi.fn()
  seen.on('change', heard)
  mine.setLocalStateField('cursor', { anchor: 1, head: 1 })
  expect(heard).not.toHaveBeenCalled()
  theirs.setLocalStateField('user', { name: 'Other' })
  // Another participant's presence arriving.
  mine.states.set(theirs.clientID, theirs.getLocalState()!)
  mine.emit('change', [{ added: [theirs.clientID], updated: [], removed: [] }, 'remote'])
  expect(heard).toHaveBeenCalledTimes(1)
  seen.off('change', heard)
  mine.emit('change', [{ added: [theirs.clientID], updated: [], removed: [] }, 'remote'])
  expect(heard).toHaveBeenCalledTimes(1)
})

test('the caret is published after paint, the latest only; taking it away is said at once', () => {
  const mine = new Awareness(new Y.Doc())
  const seen = caretAwareness(mine, 50)
  seen.setLocalStateField('cursor', { anchor: 1, head: 1 })
  seen.setLocalStateField('cursor', { anchor: 2, head: 2 })
  seen.setLocalStateField('user', { name: 'Me' })
  expect(mine.getLocalState()).toEqual({ user: { name: 'Me' } })
  vi.advanceTimersByTime(50)
  expect(mine.getLocalState()).toEqual({ user: { name: 'Me' }, cursor: { anchor: 2, head: 2 } })
  seen.setLocalStateField('cursor', { anchor: 3, head: 3 })
  seen.setLocalStateField('cursor', null)
  vi.advanceTimersByTime(100)
  expect(mine.getLocalState()).toEqual({ user: { name: 'Me' }, cursor: null })
})
