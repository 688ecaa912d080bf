import { describe, expect, it } from 'vitest'
import { countText } from './textCounts.ts'

describe('countText', () => {
  it('counts words between spaces and characters with spaces, without line breaks', () => {
    expect(countText('The group recommends that States:\n(a) designate contacts;')).toEqual({ words: 8, characters: 56 })
  })

  it('counts nothing in an empty or blank text', () => {
    expect(countText('')).toEqual({ words: 0, characters: 0 })
    expect(countText(' \n\n ')).toEqual({ words: 0, characters: 2 })
  })

  it('does not count a lone dash or bracket as a word, and counts numbers and other scripts', () => {
    expect(countText('ICT — security [ ] 2026 безопасность 信息').words).toBe(5)
  })

  it('counts characters outside the basic plane once', () => {
    expect(countText('𝐀 b').characters).toBe(3)
  })
})
