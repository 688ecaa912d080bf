import { describe, expect, it } from 'vitest'
import { bulletList, doc, heading, paragraph, recommendation, text } from './draftBuilders.ts'
import { isDraftDoc, plainText, recommendationsInOrder } from './draftJson.ts'

describe('recommendationsInOrder', () => {
  it('numbers recommendations R1, R2, ... in document order, nested ones included', () => {
    const draft = doc(
      recommendation('a', ['norm-a'], 'A'),
      paragraph('text'),
      bulletList([paragraph('item'), recommendation('b', ['norm-b'], 'B')]),
      recommendation('c', ['norm-c'], 'C'),
    )
    expect(recommendationsInOrder(draft).map(({ node, number, path }) => [node.attrs?.id, number, path])).toEqual([
      ['a', 1, [0]],
      ['b', 2, [2, 0, 1]],
      ['c', 3, [3]],
    ])
  })

  it('skips malformed children instead of failing', () => {
    const draft = { type: 'doc' as const, content: [null, recommendation('a', [], 'A')] } as never
    expect(recommendationsInOrder(draft).map(({ path }) => path)).toEqual([[1]])
  })
})

describe('plainText', () => {
  it('joins inline text and separates blocks with newlines, dropping empty ones', () => {
    expect(plainText(paragraph('a ', text('b', 'bold'), ' c'))).toBe('a b c')
    expect(plainText(recommendation('r', [], 'one', paragraph(), 'two'))).toBe('one\ntwo')
    expect(plainText(doc(heading(1, 'H'), bulletList('x', 'y')))).toBe('H\nx\ny')
  })
})

describe('isDraftDoc', () => {
  it('accepts a doc node and rejects anything else', () => {
    expect(isDraftDoc(doc())).toBe(true)
    expect(isDraftDoc({ type: 'doc' })).toBe(true)
    expect(isDraftDoc({ type: 'paragraph' })).toBe(false)
    expect(isDraftDoc({ type: 'doc', content: 'x' })).toBe(false)
    expect(isDraftDoc(null)).toBe(false)
  })
})
