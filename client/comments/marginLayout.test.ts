import { expect, test } from 'vitest'
import { marginHeight, placeInMargin, type MarginItem } from './marginLayout.ts'

const item = (id: string, anchorTop: number, height = 50): MarginItem => ({ id, anchorTop, height })
const overlaps = (items: MarginItem[], tops: Map<string, number>, gap: number) => {
  const placed = items.map((it) => ({ top: tops.get(it.id)!, bottom: tops.get(it.id)! + it.height })).sort((a, b) => a.top - b.top)
  return placed.some((box, i) => i > 0 && box.top < placed[i - 1].bottom + gap)
}

test('threads far apart sit exactly beside their passages', () => {
  const items = [item('a', 0), item('b', 200), item('c', 400)]
  expect([...placeInMargin(items, { gap: 8 })]).toEqual([
    ['a', 0],
    ['b', 200],
    ['c', 400],
  ])
})

test('threads close together are pushed down in the order of the text, without overlapping', () => {
  const items = [item('c', 30, 40), item('a', 10, 60), item('b', 20, 30)]
  const tops = placeInMargin(items, { gap: 10 })
  expect(tops.get('a')).toBe(10)
  expect(tops.get('b')).toBe(80)
  expect(tops.get('c')).toBe(120)
  expect(overlaps(items, tops, 10)).toBe(false)
  expect(marginHeight(items, tops)).toBe(160)
})

test('passages at the same place keep the order given', () => {
  const tops = placeInMargin([item('first', 100, 20), item('second', 100, 20)], { gap: 4 })
  expect(tops.get('first')).toBe(100)
  expect(tops.get('second')).toBe(124)
})

test('the chosen thread sits beside its passage; those before it move up, those after it down', () => {
  const items = [item('a', 100, 50), item('b', 110, 50), item('c', 120, 50), item('d', 130, 50)]
  const tops = placeInMargin(items, { gap: 10, activeId: 'c' })
  expect(tops.get('c')).toBe(120)
  expect(tops.get('b')).toBe(60)
  expect(tops.get('a')).toBe(0)
  expect(tops.get('d')).toBe(180)
  expect(overlaps(items, tops, 10)).toBe(false)
})

test('no room above the chosen thread: all in order from the top, none overlapping', () => {
  const items = [item('a', 0, 80), item('b', 20, 80), item('c', 30, 40)]
  const tops = placeInMargin(items, { gap: 10, activeId: 'c' })
  expect([tops.get('a'), tops.get('b'), tops.get('c')]).toEqual([0, 90, 180])
  expect(overlaps(items, tops, 10)).toBe(false)
})

test('a chosen thread that is not in the margin changes nothing', () => {
  const items = [item('a', 0), item('b', 10)]
  expect(placeInMargin(items, { gap: 5, activeId: 'gone' })).toEqual(placeInMargin(items, { gap: 5 }))
})

test('many threads on one line never overlap', () => {
  const items = Array.from({ length: 200 }, (_, i) => item(`t${i}`, 500 + (i % 3), 20 + (i % 7) * 5))
  const tops = placeInMargin(items, { gap: 6, activeId: 't100' })
  expect(overlaps(items, tops, 6)).toBe(false)
  expect(Math.min(...tops.values())).toBeGreaterThanOrEqual(0)
})
