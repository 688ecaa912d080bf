import { expect, test } from 'vitest'
import { forgetUnsynced, reportUnsynced, subscribeUnsynced, unsyncedChanges } from './unsyncedChanges.ts'

test('the unsynced changes of every open document add up; a document closed or synced counts no more', () => {
  const first = {}
  const second = {}
  let heard = 0
  const stop = subscribeUnsynced(() => heard++)
  expect(unsyncedChanges()).toBe(0)
  reportUnsynced(first, 2)
  reportUnsynced(second, 3)
  expect(unsyncedChanges()).toBe(5)
  reportUnsynced(second, 3)
  expect(heard).toBe(2)
  reportUnsynced(first, 0)
  expect(unsyncedChanges()).toBe(3)
  forgetUnsynced(second)
  expect(unsyncedChanges()).toBe(0)
  expect(heard).toBe(4)
  stop()
  reportUnsynced(first, 1)
  expect(heard).toBe(4)
  forgetUnsynced(first)
})
