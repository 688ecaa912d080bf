import { describe, expect, it } from 'vitest'
import { bulletList, doc, heading, paragraph, recommendation, text } from '../../../shared/schema/draftBuilders.ts'
import { draftSchema } from '../../../shared/schema/editorSchema.ts'
import { matchAtOrAfter, overlapsAny, searchMatches } from './searchMatches.ts'

const draft = draftSchema.nodeFromJSON(
  doc(
    heading(2, 'States and the State'),
    paragraph(text('States '), text('should', 'bold'), text(' protect states.')),
    recommendation('r-1', ['norm-g'], 'The State designates.'),
    bulletList('statesmanship'),
  ),
)

function texts(query: string, caseSensitive = false): string[] {
  return searchMatches(draft, query, { caseSensitive }).map((match) => draft.textBetween(match.from, match.to))
}

describe('searchMatches', () => {
  it('finds every occurrence in headings, paragraphs, recommendations and lists, ignoring case', () => {
    expect(texts('state')).toEqual(['State', 'State', 'State', 'state', 'State', 'state'])
  })

  it('matches case when asked', () => {
    expect(texts('State', true)).toEqual(['State', 'State', 'State', 'State'])
    expect(texts('state', true)).toEqual(['state', 'state'])
  })

  it('finds text across marks, and never across paragraphs', () => {
    expect(texts('States should protect')).toEqual(['States should protect'])
    expect(texts('State designates.The')).toEqual([])
  })

  it('returns ranges in document order that do not overlap', () => {
    const matches = searchMatches(draftSchema.nodeFromJSON(doc(paragraph('aaaa'))), 'aa')
    expect(matches).toEqual([
      { from: 1, to: 3 },
      { from: 3, to: 5 },
    ])
  })

  it('finds nothing for an empty query', () => {
    expect(searchMatches(draft, '')).toEqual([])
  })

  it('picks the first match at or after a position, wrapping around', () => {
    const matches = [
      { from: 5, to: 8 },
      { from: 20, to: 23 },
    ]
    expect(matchAtOrAfter(matches, 0)).toBe(0)
    expect(matchAtOrAfter(matches, 6)).toBe(1)
    expect(matchAtOrAfter(matches, 30)).toBe(0)
    expect(matchAtOrAfter([], 3)).toBe(-1)
  })

  it('tells whether a match touches a range', () => {
    expect(overlapsAny({ from: 5, to: 8 }, [{ from: 7, to: 20 }])).toBe(true)
    expect(overlapsAny({ from: 5, to: 8 }, [{ from: 8, to: 20 }])).toBe(false)
  })
})
