import { beforeAll, describe, expect, test } from 'vitest'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import type { ComparisonSummary, RecommendationChange, RedlineBlock } from '../../shared/compare/comparison.ts'
import type { ModelRef, ParagraphBlock, RecommendationBlock } from '../../shared/model/draftModel.ts'
import {
  blockNumbers,
  changedNumber,
  comparisonSummaryLine,
  creditLines,
  linkChanges,
  recommendationNumberCell,
  renumberedLine,
  segmentLines,
  visibleRecommendationChanges,
} from './redlineView.ts'

const ref = (id: string, label: string): ModelRef => ({ id, label, status: 'known' })
const normG = ref('norm-g', 'Norm g')
const cbm7 = ref('cbm-7', 'CBM 7')
const cbp3 = ref('cbp-3', 'Capacity-building principle 3')

function paragraph(number: number, text: string): ParagraphBlock {
  return { kind: 'paragraph', number, source: 'paragraph', text, lines: [{ text, runs: [] }], path: [number] }
}

function recommendation(number: number, refs: ModelRef[]): RecommendationBlock {
  return { kind: 'recommendation', number, id: 'r-1', refs, text: 'Text', paragraphs: [], path: [number] }
}

function redline(before: RedlineBlock['before'], after: RedlineBlock['after']): RedlineBlock {
  const kind = (after ?? before)!.kind
  return { change: before && after ? 'changed' : before ? 'removed' : 'added', kind, before, after, segments: [] }
}

const zeroSummary: ComparisonSummary = {
  paragraphsAdded: 0,
  paragraphsRemoved: 0,
  paragraphsChanged: 0, paragraphsMoved: 0,
  recommendationsAdded: 0,
  recommendationsRemoved: 0,
  recommendationsChanged: 0,
  recommendationsRenumbered: 0,
}

beforeAll(async () => useMessagesForTests('en', await loadMessages('en')))

describe('redline view', () => {
  test('paragraph and recommendation numbers of both versions', () => {
    expect(blockNumbers(redline(paragraph(5, 'a'), paragraph(5, 'b')))).toEqual({ before: '5', after: '5', renumbered: false })
    expect(blockNumbers(redline(paragraph(5, 'a'), paragraph(6, 'a')))).toEqual({ before: '5', after: '6', renumbered: true })
    expect(blockNumbers(redline(null, paragraph(2, 'new')))).toEqual({ before: null, after: '2', renumbered: false })
    expect(blockNumbers(redline(recommendation(4, [normG]), recommendation(5, [normG])))).toEqual({ before: 'R4', after: 'R5', renumbered: true })
    expect(blockNumbers(redline(recommendation(4, [normG]), null))).toEqual({ before: 'R4', after: null, renumbered: false })
    const heading = { kind: 'heading' as const, level: 2, text: 'A', runs: [], path: [0] }
    expect(blockNumbers({ change: 'unchanged', kind: 'heading', before: heading, after: heading, segments: [] })).toBeNull()
  })

  test('segments split into lines at line breaks, keeping their op', () => {
    expect(
      segmentLines([
        { op: 'equal', text: 'First line ' },
        { op: 'insert', text: 'ends here\nSecond' },
        { op: 'delete', text: ' old' },
        { op: 'equal', text: ' line\n' },
      ]),
    ).toEqual([
      [
        { op: 'equal', text: 'First line ' },
        { op: 'insert', text: 'ends here' },
      ],
      [
        { op: 'insert', text: 'Second' },
        { op: 'delete', text: ' old' },
        { op: 'equal', text: ' line' },
      ],
      [],
    ])
    expect(segmentLines([])).toEqual([[]])
  })

  test('the "changed only" filter and the links added and removed', () => {
    const unchanged: RecommendationChange = {
      id: 'a',
      changes: [],
      before: { number: 1, refs: [normG], text: 't' },
      after: { number: 1, refs: [normG], text: 't' },
      summary: 'unchanged',
    }
    const relinked: RecommendationChange = {
      id: 'b',
      changes: ['renumbered', 'links'],
      before: { number: 4, refs: [normG, cbm7], text: 't' },
      after: { number: 5, refs: [normG, cbp3], text: 't' },
      summary: 'R4 is now R5; links changed',
    }
    const added: RecommendationChange = { id: 'c', changes: ['added'], before: null, after: { number: 6, refs: [cbm7], text: 'n' }, summary: 'added as R6' }
    expect(visibleRecommendationChanges([unchanged, relinked, added], true)).toEqual([relinked, added])
    expect(visibleRecommendationChanges([unchanged, relinked], false)).toEqual([unchanged, relinked])
    expect(linkChanges(relinked)).toEqual({ added: ['Capacity-building principle 3'], removed: ['CBM 7'] })
    expect(linkChanges(added)).toEqual({ added: ['CBM 7'], removed: [] })
    expect(linkChanges(unchanged)).toEqual({ added: [], removed: [] })
    expect(changedNumber([unchanged, relinked, added])).toBe(2)
    expect(changedNumber([unchanged, added])).toBe(1)
    expect(renumberedLine(relinked, 'Rev.1', 'Rev.2')).toBe('R4 in Rev.1 is R5 in Rev.2')
    expect(renumberedLine(unchanged, 'Rev.1', 'Rev.2')).toBeNull()
    expect(renumberedLine(added, 'Rev.1', 'Rev.2')).toBeNull()
    expect([unchanged, relinked, added].map(recommendationNumberCell)).toEqual(['R1', 'R4 → R5', 'R6'])
  })

  test('credits worded from what the server names (kind, delegation), each once; the words of an older answer as they are', () => {
    expect(
      creditLines({
        credits: ['added on the proposal of Chile'],
        creditedTo: [
          { kind: 'paragraph', delegation: 'Chile' },
          { kind: 'recommendation', delegation: 'Chile' },
          { kind: 'replace', delegation: 'Kenya' },
        ],
      }),
    ).toEqual([
      { message: 'revisions.creditAdded', delegation: 'Chile' },
      { message: 'revisions.creditReplaced', delegation: 'Kenya' },
    ])
    expect(creditLines({ credits: ['inserted on the proposal of Peru'] })).toEqual([{ text: 'inserted on the proposal of Peru' }])
    expect(creditLines({})).toEqual([])
  })

  test('a one-line summary of the comparison', () => {
    expect(comparisonSummaryLine(zeroSummary)).toBe('No differences.')
    expect(comparisonSummaryLine({ ...zeroSummary, paragraphsChanged: 2, paragraphsAdded: 1, recommendationsRenumbered: 1 })).toBe(
      'Paragraphs: 2 changed and 1 added. Recommendations: 1 renumbered.',
    )
    expect(comparisonSummaryLine({ ...zeroSummary, recommendationsAdded: 3 })).toBe('Recommendations: 3 added.')
  })
})
