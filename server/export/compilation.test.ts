import { describe, expect, it } from 'vitest'
import { entryHeading, groupInputs, inputAttribution, replyAttribution, speakerOf } from './compilation.ts'
import { testInputs } from '../../tests/fixtures/testInputs.ts'

const ids = (groups: ReturnType<typeof groupInputs>) => groups.map((group) => [group.heading, group.inputs.map((input) => input.threadId)])

describe('groupInputs', () => {
  it('by delegation: Member States alphabetically, then stakeholders, then the co-facilitators; each in document order, detached last', () => {
    expect(ids(groupInputs(testInputs, 'delegation'))).toEqual([
      ['Argentina (Latin American and Caribbean Group)', ['argentina-p1']],
      ['Brazil (Latin American and Caribbean Group)', ['brazil-p3', 'brazil-detached']],
      ['Access Now (stakeholder input)', ['access-now-r1']],
      ['Co-facilitators', ['cofacilitator-p3']],
    ])
  })

  it('by paragraph: in document order, inputs on text no longer in the draft last, each place in the order inputs were made', () => {
    expect(ids(groupInputs(testInputs, 'paragraph'))).toEqual([
      ['Paragraph 1', ['argentina-p1']],
      ['Paragraph 3', ['brazil-p3', 'cofacilitator-p3']],
      ['R1', ['access-now-r1']],
      ['Detached', ['brazil-detached']],
    ])
  })

  it('is empty without inputs', () => {
    expect(groupInputs([], 'delegation')).toEqual([])
  })
})

describe('who said what, where', () => {
  const [brazil, accessNow, , , coFacilitator] = testInputs

  it('marks stakeholder input visibly', () => {
    expect(speakerOf(accessNow)).toBe('Access Now (stakeholder input)')
    expect(speakerOf({ ...accessNow, author: { ...accessNow.author, delegation: null } })).toBe('Lee Park (stakeholder input)')
    expect(speakerOf(coFacilitator)).toBe('Co-facilitators')
  })

  it('writes a delegation\'s regional group out by its label', () => {
    expect(speakerOf({ ...brazil, author: { ...brazil.author, delegation: 'France', regionalGroup: 'weog' } })).toBe(
      'France (Western European and Others Group)',
    )
  })

  it('heads each input with the other grouping: its place when by delegation, its speaker when by paragraph', () => {
    expect(entryHeading(brazil, 'delegation')).toBe('Paragraph 3')
    expect(entryHeading(brazil, 'paragraph')).toBe('Brazil (Latin American and Caribbean Group)')
  })

  it('attributes inputs and replies by name and date, noting resolved threads', () => {
    expect(inputAttribution(brazil)).toBe('Ana Silva, 10 March 2026')
    expect(inputAttribution({ ...brazil, resolved: true })).toBe('Ana Silva, 10 March 2026 (resolved)')
    expect(replyAttribution(brazil.replies[0])).toBe('Reply by Sam Jones (Co-facilitators), 11 March 2026')
    expect(replyAttribution({ ...brazil.replies[0], author: { name: 'Lee Park', delegation: 'Access Now', role: 'stakeholder' } })).toBe(
      'Reply by Lee Park (Access Now, stakeholder input), 11 March 2026',
    )
  })
})
