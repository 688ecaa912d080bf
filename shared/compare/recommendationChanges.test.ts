import { describe, expect, it } from 'vitest'
import type { ModelRef, RecommendationBlock } from '../model/draftModel.ts'
import { recommendationChanges } from './recommendationChanges.ts'

const ref = (id: string): ModelRef => ({ id, status: 'known', label: id })

function block(id: string, number: number, text: string, refIds: string[]): RecommendationBlock {
  return { kind: 'recommendation', id, number, refs: refIds.map(ref), text, paragraphs: [{ text, runs: [] }], path: [number] }
}

const table = (before: RecommendationBlock[], after: RecommendationBlock[]) =>
  recommendationChanges(new Map(before.map((entry) => [entry.id!, entry])), new Map(after.map((entry) => [entry.id!, entry])))

describe('recommendationChanges', () => {
  it('names every change of a recommendation in one line', () => {
    const before = [
      block('a', 1, 'Same.', ['norm-a']),
      block('b', 2, 'Old text.', ['norm-a']),
      block('c', 3, 'Same.', ['norm-a']),
      block('d', 4, 'Old text.', ['norm-a']),
      block('e', 5, 'Old text.', ['norm-a']),
    ]
    const after = [
      block('a', 1, 'Same.', ['norm-a']),
      block('b', 2, 'New text.', ['norm-a']),
      block('c', 3, 'Same.', ['norm-b']),
      block('d', 4, 'New text.', ['norm-a', 'norm-b']),
      block('e', 6, 'New text.', []),
    ]
    expect(table(before, after).map(({ id, changes, summary }) => [id, changes, summary])).toEqual([
      ['a', [], 'unchanged'],
      ['b', ['text'], 'text changed'],
      ['c', ['links'], 'links changed'],
      ['d', ['text', 'links'], 'text and links changed'],
      ['e', ['renumbered', 'text', 'links'], 'R5 is now R6; text and links changed'],
    ])
  })

  it('lists the later version first, in its order, then the removed ones', () => {
    const rows = table([block('gone', 1, 'Gone.', []), block('kept', 2, 'Kept.', [])], [block('new', 1, 'New.', []), block('kept', 2, 'Kept.', [])])
    expect(rows).toEqual([
      { id: 'new', changes: ['added'], before: null, after: { number: 1, refs: [], text: 'New.' }, summary: 'added as R1' },
      { id: 'kept', changes: [], before: { number: 2, refs: [], text: 'Kept.' }, after: { number: 2, refs: [], text: 'Kept.' }, summary: 'unchanged' },
      { id: 'gone', changes: ['removed'], before: { number: 1, refs: [], text: 'Gone.' }, after: null, summary: 'removed (was R1)' },
    ])
  })
})
