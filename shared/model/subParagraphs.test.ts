import { describe, expect, it } from 'vitest'
import { alphaLabel, romanLabel, subParagraphLabel } from './subParagraphs.ts'

describe('sub-paragraph labels', () => {
  it('letters as CSS lower-alpha does, past z', () => {
    expect([0, 1, 2, 25, 26, 27, 51, 52].map(alphaLabel)).toEqual(['a', 'b', 'c', 'z', 'aa', 'ab', 'az', 'ba'])
  })

  it('numbers in lower-case roman numerals as CSS lower-roman does', () => {
    expect([0, 1, 2, 3, 4, 8, 9, 13, 38, 48, 98, 1998].map(romanLabel)).toEqual(
      ['i', 'ii', 'iii', 'iv', 'v', 'ix', 'x', 'xiv', 'xxxix', 'xlix', 'xcix', 'mcmxcix'],
    )
  })

  it('alternates letters and roman numerals by level, in parentheses', () => {
    expect(subParagraphLabel(1, 0)).toBe('(a)')
    expect(subParagraphLabel(1, 2)).toBe('(c)')
    expect(subParagraphLabel(2, 1)).toBe('(ii)')
    expect(subParagraphLabel(3, 0)).toBe('(a)')
  })
})
