import { describe, expect, it } from 'vitest'
import { paragraphLabel, recommendationLabel, refsCitation } from './citation.ts'

describe('citation', () => {
  it('cites links in the order of the draft, separated by semicolons', () => {
    expect(refsCitation([{ label: 'Norm g' }, { label: 'CBM 7' }])).toBe('[Norm g; CBM 7]')
    expect(refsCitation([{ label: 'IL Due diligence' }])).toBe('[IL Due diligence]')
  })

  it('cites nothing for a recommendation without links', () => {
    expect(refsCitation([])).toBe('')
  })

  it('numbers paragraphs and recommendations as the editor does', () => {
    expect(paragraphLabel(12)).toBe('12.')
    expect(recommendationLabel(4)).toBe('R4')
  })
})
