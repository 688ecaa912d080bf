import { describe, expect, it } from 'vitest'
import { compilationToMarkdown } from './compilationMarkdown.ts'
import { testCompilationOptions, testInputs } from '../../tests/fixtures/testInputs.ts'

describe('compilationToMarkdown', () => {
  it('groups by delegation, each input under its place with the text it comments on quoted', () => {
    expect(compilationToMarkdown(testInputs, testCompilationOptions)).toBe(
      [
        'A/AC.292/2026/DTG.1/CRP.2',
        '',
        '# Compilation of written inputs',
        '',
        '5 written inputs, grouped by delegation',
        '',
        '14 March 2026',
        '',
        '## Argentina (Latin American and Caribbean Group)',
        '',
        '### Paragraph 1',
        '',
        '> The group recalled',
        '',
        'Support.',
        '',
        '*Luis Pérez, 8 March 2026 (resolved)*',
        '',
        '## Brazil (Latin American and Caribbean Group)',
        '',
        '### Paragraph 3',
        '',
        '> protect critical infrastructure',
        '',
        'Add "and essential services".',
        '',
        '*Ana Silva, 10 March 2026*',
        '',
        '*Reply by Sam Jones (Co-facilitators), 11 March 2026:*',
        '',
        'Noted; see Rev. 3.',
        '',
        '### Detached',
        '',
        '> a sentence since deleted',
        '',
        'Please restore.',
        '',
        '*Ana Silva, 7 March 2026*',
        '',
        '## Access Now (stakeholder input)',
        '',
        '### R1',
        '',
        '> points of contact',
        '',
        'Include \\*civil society\\* contacts.',
        '',
        'See our submission.',
        '',
        '*Lee Park, 9 March 2026*',
        '',
        '## Co-facilitators',
        '',
        '### Paragraph 3',
        '',
        '> critical',
        '',
        'Consider "vital".',
        '',
        '*Sam Jones, 12 March 2026*',
        '',
      ].join('\n'),
    )
  })

  it('groups by paragraph, each input under its speaker, stakeholders marked', () => {
    const headings = compilationToMarkdown(testInputs, { ...testCompilationOptions, by: 'paragraph' })
      .split('\n')
      .filter((line) => line.startsWith('#'))
    expect(headings).toEqual([
      '# Compilation of written inputs',
      '## Paragraph 1',
      '### Argentina (Latin American and Caribbean Group)',
      '## Paragraph 3',
      '### Brazil (Latin American and Caribbean Group)',
      '### Co-facilitators',
      '## R1',
      '### Access Now (stakeholder input)',
      '## Detached',
      '### Brazil',
    ])
  })

  it('quotes every line of a quote and escapes what would be markup', () => {
    const [first] = testInputs
    const markdown = compilationToMarkdown([{ ...first, quote: 'line one\n# line two', body: '<b>x</b>\n- y' }], testCompilationOptions)
    expect(markdown).toContain('\n\n> line one\n> \\# line two\n\n\\<b\\>x\\</b\\>\\\n\\- y\n\n')
  })

  it('says when there are no inputs', () => {
    expect(compilationToMarkdown([], { ...testCompilationOptions, symbol: null })).toBe(
      '# Compilation of written inputs\n\n0 written inputs, grouped by delegation\n\n14 March 2026\n\nNo written inputs.\n',
    )
  })
})
