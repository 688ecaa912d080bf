import { describe, expect, it } from 'vitest'
import { compilationToDocx } from './compilationDocx.ts'
import { paragraphTexts, readDocx, runsOf } from '../../tests/helpers/readDocx.ts'
import { testCompilationOptions, testInputs } from '../../tests/fixtures/testInputs.ts'

describe('compilationToDocx', () => {
  it('is a Word package headed by symbol, title and date', async () => {
    const compilation = readDocx(await compilationToDocx(testInputs, testCompilationOptions))
    expect(Object.keys(compilation.parts)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']))
    expect(paragraphTexts(compilation.headers)).toEqual(['A/AC.292/2026/DTG.1/CRP.2 | Compilation of written inputs | 14 March 2026'])
  })

  it('groups by paragraph, each input with its speaker, quote, text and replies', async () => {
    const compilation = readDocx(await compilationToDocx(testInputs, { ...testCompilationOptions, by: 'paragraph' }))
    const texts = paragraphTexts(compilation.document)
    expect(texts.slice(texts.indexOf('Paragraph 3'), texts.indexOf('R1'))).toEqual([
      'Paragraph 3',
      'Brazil (Latin American and Caribbean Group)',
      'protect critical infrastructure',
      'Add "and essential services".',
      'Ana Silva, 10 March 2026',
      'Reply by Sam Jones (Co-facilitators), 11 March 2026:',
      'Noted; see Rev. 3.',
      'Co-facilitators',
      'critical',
      'Consider "vital".',
      'Sam Jones, 12 March 2026',
    ])
    expect(texts.slice(texts.indexOf('R1'), texts.indexOf('R1') + 2)).toEqual(['R1', 'Access Now (stakeholder input)'])
    expect(texts.at(-5)).toBe('Detached')
    expect(compilation.document).toMatch(/<w:pStyle w:val="Heading1"\/>(?:(?!<\/w:p>)[\s\S])*Paragraph 3/)
    expect(compilation.document).toMatch(/<w:pStyle w:val="Heading2"\/>(?:(?!<\/w:p>)[\s\S])*Access Now \(stakeholder input\)/)
    expect(runsOf(compilation.document).find((run) => run.text === 'protect critical infrastructure')).toMatchObject({ bold: false })
    expect(compilation.document).toMatch(/<w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">protect critical infrastructure<\/w:t>/)
  })

  it('groups by delegation with stakeholders under their organisation', async () => {
    const texts = paragraphTexts(readDocx(await compilationToDocx(testInputs, testCompilationOptions)).document)
    const headings = ['Argentina (Latin American and Caribbean Group)', 'Brazil (Latin American and Caribbean Group)', 'Access Now (stakeholder input)', 'Co-facilitators'].map((heading) => texts.indexOf(heading))
    expect(headings).not.toContain(-1)
    expect(headings).toEqual([...headings].sort((a, b) => a - b))
    expect(texts.slice(headings[2], headings[3])).toEqual([
      'Access Now (stakeholder input)',
      'R1',
      'points of contact',
      'Include *civil society* contacts.',
      'See our submission.',
      'Lee Park, 9 March 2026',
    ])
  })
})
