import { describe, expect, test } from 'vitest'
import { rovingTarget } from './rovingFocus.ts'

describe('rovingTarget', () => {
  test('the arrows move one control on, wrapping at either end', () => {
    expect(rovingTarget('ArrowRight', 0, 3)).toBe(1)
    expect(rovingTarget('ArrowDown', 2, 3)).toBe(0)
    expect(rovingTarget('ArrowLeft', 0, 3)).toBe(2)
    expect(rovingTarget('ArrowUp', 2, 3)).toBe(1)
  })

  test('right to left, the left arrow moves on and the right arrow back', () => {
    expect(rovingTarget('ArrowLeft', 0, 3, 'rtl')).toBe(1)
    expect(rovingTarget('ArrowRight', 0, 3, 'rtl')).toBe(2)
    expect(rovingTarget('ArrowDown', 0, 3, 'rtl')).toBe(1)
  })

  test('Home and End go to the first and last control', () => {
    expect(rovingTarget('Home', 2, 4)).toBe(0)
    expect(rovingTarget('End', 0, 4)).toBe(3)
  })

  test('other keys, and an empty group, move nothing', () => {
    expect(rovingTarget('Tab', 0, 3)).toBeNull()
    expect(rovingTarget('Enter', 1, 3)).toBeNull()
    expect(rovingTarget('ArrowRight', 0, 0)).toBeNull()
  })
})
