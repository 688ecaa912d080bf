import { describe, expect, it } from 'vitest'
import { compareDrafts } from '../../shared/compare/compareDrafts.ts'
import type { Comparison } from '../../shared/compare/comparison.ts'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { doc, paragraph } from '../../shared/schema/draftBuilders.ts'
import { changeTableRows, comparisonLines, comparisonRunningHead, redlineEntries, summaryLines } from './redlineLayout.ts'
import { testComparison, testComparisonMeta } from '../../tests/fixtures/testComparison.ts'

describe('redlineEntries', () => {
  const entries = redlineEntries(testComparison)

  it('numbers each block by the later version, a removed one by the earlier, struck', () => {
    expect(entries.map((entry) => entry.number)).toEqual([
      [],
      [{ op: 'equal', text: '1.' }],
      [{ op: 'insert', text: 'R1.' }],
      [
        { op: 'delete', text: 'R1.' },
        { op: 'insert', text: 'R2.' },
      ],
      [{ op: 'delete', text: 'R2.' }],
      [{ op: 'equal', text: 'R3.' }],
    ])
  })

  it('ends a recommendation with its links, marking each as kept, added or removed', () => {
    expect(entries[3].lines).toEqual([
      [
        { op: 'equal', text: 'Protect ' },
        { op: 'insert', text: 'critical ' },
        { op: 'equal', text: 'infrastructure. [Norm g' },
        { op: 'insert', text: '; Norm h' },
        { op: 'delete', text: '; CBM 7' },
        { op: 'equal', text: ']' },
      ],
    ])
    expect(entries[2].lines).toEqual([[{ op: 'insert', text: 'New idea.' }, { op: 'equal', text: ' ' }, { op: 'insert', text: '[CBM 7]' }]])
    expect(entries[4].lines).toEqual([[{ op: 'delete', text: 'Old idea.' }, { op: 'equal', text: ' ' }, { op: 'delete', text: '[Norm a]' }]])
  })

  it('splits segments at line breaks, a segment running over a break continuing on the next line', () => {
    const block = testComparison.blocks[1]
    const comparison: Comparison = {
      ...testComparison,
      blocks: [
        {
          ...block,
          segments: [
            { op: 'equal', text: 'One\nTwo ' },
            { op: 'delete', text: 'old\nThree' },
            { op: 'insert', text: 'new' },
          ],
        },
      ],
    }
    expect(redlineEntries(comparison)[0].lines).toEqual([
      [{ op: 'equal', text: 'One' }],
      [
        { op: 'equal', text: 'Two ' },
        { op: 'delete', text: 'old' },
      ],
      [
        { op: 'delete', text: 'Three' },
        { op: 'insert', text: 'new' },
      ],
    ])
  })
})

describe('the comparison around the redline', () => {
  it('tables the recommendations that changed, by earlier and later number', () => {
    expect(changeTableRows(testComparison)).toEqual([
      ['—', 'R1', 'R1 added'],
      ['R1', 'R2', 'R1 is now R2; text and links changed'],
      ['R2', '—', 'R2 removed'],
    ])
  })

  it('states the versions compared, the counts, and the running head', () => {
    expect(comparisonLines(testComparisonMeta)).toEqual([
      'Comparison of Rev. 1 with Rev. 2',
      '12 March 2026',
      'Insertions are underlined; deletions are struck through.',
    ])
    expect(summaryLines(testComparison.summary)).toEqual([
      'Paragraphs: 0 added, 0 removed, 1 changed, 0 moved.',
      'Recommendations: 1 added, 1 removed, 1 changed, 1 renumbered.',
    ])
    expect(comparisonRunningHead(testComparisonMeta)).toBe(
      'A/AC.292/2026/DTG.1/CRP.1 | Draft recommendations on critical infrastructure | Rev. 1 compared with Rev. 2 | 12 March 2026',
    )
  })
})

describe('a moved block', () => {
  it('says "(moved)" after its number, where it now stands', () => {
    const comparison = compareDrafts(
      toDraftModel(doc(paragraph('First.'), paragraph('A paragraph that moves down.'), paragraph('Last.')), builtInCatalogue),
      toDraftModel(doc(paragraph('First.'), paragraph('Last.'), paragraph('A paragraph that moves down.')), builtInCatalogue),
    )
    const entries = redlineEntries(comparison)
    expect(entries.map((entry) => entry.number.map((piece) => piece.text).join(''))).toEqual(['1.', '2.', '3. (moved)'])
    expect(entries[2].lines).toEqual([[{ op: 'equal', text: 'A paragraph that moves down.' }]])
  })
})
