import { describe, expect, it } from 'vitest'
import { wholeSegments, wordSegments, wordSimilarity } from './wordDiff.ts'

describe('wordSegments', () => {
  it('gives runs of equal, deleted and inserted words', () => {
    expect(wordSegments('States shall cooperate.', 'Member States should cooperate fully.')).toEqual([
      { op: 'insert', text: 'Member ' },
      { op: 'equal', text: 'States ' },
      { op: 'delete', text: 'shall' },
      { op: 'insert', text: 'should' },
      { op: 'equal', text: ' cooperate ' },
      { op: 'insert', text: 'fully' },
      { op: 'equal', text: '.' },
    ])
  })

  it('diffs across lines, keeping the line breaks in equal runs', () => {
    expect(wordSegments('Para one.\nPara two.', 'Para one.\nPara two, amended.')).toEqual([
      { op: 'equal', text: 'Para one.\nPara two' },
      { op: 'insert', text: ', amended' },
      { op: 'equal', text: '.' },
    ])
  })

  it('is one equal run for the same text, nothing for two empty texts', () => {
    expect(wordSegments('Same words.', 'Same words.')).toEqual([{ op: 'equal', text: 'Same words.' }])
    expect(wordSegments('', '')).toEqual([])
  })

  it('is all inserted from an empty text, all deleted to one', () => {
    expect(wordSegments('', 'New text')).toEqual([{ op: 'insert', text: 'New text' }])
    expect(wordSegments('Old text', '')).toEqual([{ op: 'delete', text: 'Old text' }])
  })
})

describe('wholeSegments', () => {
  it('is the text as one segment, or nothing when empty', () => {
    expect(wholeSegments('insert', 'All new.')).toEqual([{ op: 'insert', text: 'All new.' }])
    expect(wholeSegments('delete', '')).toEqual([])
  })
})

describe('wordSimilarity', () => {
  it('is twice the shared words and marks over the words and marks of both', () => {
    expect(wordSimilarity('One two three.', 'One four three.')).toBe(6 / 8)
    expect(wordSimilarity('a b', 'c d')).toBe(0)
    expect(wordSimilarity('a a b', 'a b b')).toBe(4 / 6)
  })

  it('ignores order and whitespace, not case', () => {
    expect(wordSimilarity('three two one', 'one  two\nthree')).toBe(1)
    expect(wordSimilarity('States', 'states')).toBe(0)
  })

  it('takes two empty texts as alike and an empty and a written text as unlike', () => {
    expect(wordSimilarity('', '')).toBe(1)
    expect(wordSimilarity('', 'text')).toBe(0)
  })
})

describe('a rewritten block', () => {
  it('shows a block with more word edits than the bound as deleted then inserted whole, quickly', () => {
    const words = Array.from({ length: 3000 }, (_, i) => `word${i}`)
    const before = words.join(' ')
    const after = [...words].reverse().join(' ')
    expect(wordSegments(before, after)).toEqual([
      { op: 'delete', text: before },
      { op: 'insert', text: after },
    ])
  })

  it('still diffs word by word below the bound', () => {
    expect(wordSegments('a b c d', 'a x c d').filter((segment) => segment.op !== 'equal').map((segment) => segment.text.trim())).toEqual(['b', 'x'])
  })
})
