import { expect, test } from 'vitest'
import { caretKey, stackLabels, type LabelBox } from './caretLabels.ts'

const box = (id: number, left: number, top: number, width = 80, height = 16): LabelBox => ({ id, left, top, width, height })

test('labels apart stay where they are', () => {
  expect([...stackLabels([box(1, 0, 100), box(2, 200, 100), box(3, 0, 300)])]).toEqual([
    [1, 0],
    [2, 0],
    [3, 0],
  ])
})

test('carets at the same place: their labels stack upwards, each readable', () => {
  const boxes = [box(1, 50, 100), box(2, 50, 100), box(3, 60, 100)]
  const lifts = stackLabels(boxes, 1)
  expect(lifts.get(1)).toBe(0)
  expect(lifts.get(2)).toBe(17)
  expect(lifts.get(3)).toBe(34)
  const moved = boxes.map((b) => ({ ...b, top: b.top - lifts.get(b.id)! }))
  for (const a of moved) for (const b of moved) if (a !== b) expect(a.top + a.height <= b.top || b.top + b.height <= a.top || a.left + a.width <= b.left || b.left + b.width <= a.left).toBe(true)
})

test('a label overlapping only partly is lifted clear of it', () => {
  const lifts = stackLabels([box(1, 0, 100), box(2, 40, 106)], 0)
  expect(lifts.get(2)).toBe(22)
})

test('a caret is known by its participant’s name and colour', () => {
  expect(caretKey({ name: 'Ana', color: '#112233' })).toBe('Ana|#112233')
  expect(caretKey({})).toBe('|')
})
