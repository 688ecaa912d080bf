import { describe, expect, it } from 'vitest'
import { doc, paragraph, recommendation, text } from '../../shared/schema/draftBuilders.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { coverage } from '../../shared/model/coverage.ts'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { draftToMarkdown } from './markdown.ts'
import { testDraft, testMeta } from '../../tests/fixtures/testDraft.ts'

describe('draftToMarkdown', () => {
  it('writes the title block, numbered paragraphs, recommendations with their links, and the annex', () => {
    const { model, coverage } = testDraft()
    expect(draftToMarkdown(model, testMeta, coverage)).toBe(
      [
        'A/AC.292/2026/DTG.1/CRP.1',
        '',
        '# Draft recommendations on critical infrastructure',
        '',
        'Rev. 2, 12 March 2026',
        '',
        '## I. Introduction',
        '',
        '1\\. The group **recalled** the *framework*.',
        '',
        '2\\. States stressed cooperation.',
        '',
        '3\\. Delegations proposed:',
        '',
        '(a) a survey;',
        '',
        '(b) a repository.',
        '',
        '### II. Recommendations',
        '',
        '**R1.** States are encouraged to protect critical infrastructure.',
        '',
        'They should share good practice. \\[Norm g; CBM 7\\]',
        '',
        '4\\. The group continued.',
        '',
        '**R2.** States should designate points of contact. \\[Norm g\\]',
        '',
        '## Annex: Framework coverage',
        '',
        '| Pillar | Element | Recommendations |',
        '| --- | --- | --- |',
        '| Existing and potential threats | Threats — Existing and potential threats | Not covered |',
        '| Rules, norms and principles of responsible State behaviour | Norm a — Cooperate for stability and security in the use of ICTs | Not covered |',
        '|  | Norm g — Protect its own critical infrastructure | R1, R2 |',
        '| International law |  | Not covered |',
        '| Confidence-building measures | CBM 7 — Critical infrastructure protection: information and good practice | R1 |',
        '| Capacity-building |  | Not covered |',
        '',
      ].join('\n'),
    )
  })

  it('marks a working copy at the top and names the current text', () => {
    const { model, coverage } = testDraft()
    const markdown = draftToMarkdown(model, { ...testMeta, working: true, revisionLabel: null, workspaceTitle: 'DTG on critical infrastructure' }, coverage)
    expect(markdown.split('\n\n').slice(0, 5)).toEqual([
      '**Draft - not for submission**',
      'A/AC.292/2026/DTG.1/CRP.1',
      'DTG on critical infrastructure',
      '# Draft recommendations on critical infrastructure',
      'Current text, 12 March 2026',
    ])
  })

  it('escapes drafted text that Markdown would read as markup', () => {
    const { model, coverage } = testDraft(
      doc(
        paragraph('Use *stars*, [links](x), <b>tags</b> & a_b | pipes'),
        paragraph('# not a heading'),
        paragraph('1. not a list'),
        recommendation('r', [], paragraph(text(' spaced bold ', 'bold'), 'after')),
      ),
    )
    const body = draftToMarkdown(model, { ...testMeta, symbol: null }, coverage).split('\n\n').slice(2, 6)
    expect(body).toEqual([
      '1\\. Use \\*stars\\*, \\[links\\](x), \\<b\\>tags\\</b\\> \\& a\\_b \\| pipes',
      '2\\. \\# not a heading',
      '3\\. 1\\. not a list',
      '**R1.** **spaced bold** after',
    ])
  })

  it('writes a hard break inside a paragraph as a Markdown line break', () => {
    const { model, coverage } = testDraft(doc(paragraph('first', { type: 'hardBreak' }, '- second')))
    expect(draftToMarkdown(model, { ...testMeta, symbol: null }, coverage).split('\n\n')[2]).toBe('1\\. first\\\n\\- second')
  })

  it('escapes every field it writes: links, catalogue labels and titles, unknown refs, title, symbol, revision label', () => {
    const hostile = '<img src=x onerror=alert(1)> [click](javascript:alert(1)) *bold* `code`'
    const catalogue = {
      version: 't',
      elements: builtInCatalogue.elements.map((element) =>
        element.id === 'norm-g' ? { ...element, label: `Norm g ${hostile}`, title: `Title ${hostile}` } : element,
      ),
    }
    const json = doc(recommendation('r1', ['norm-g', '*unknown*<x>'], 'Text.'))
    const model = toDraftModel(json, catalogue)
    const markdown = draftToMarkdown(
      model,
      { ...testMeta, title: `Title\n# ${hostile}`, symbol: `A/${hostile}`, revisionLabel: `Rev. ${hostile}`, workspaceTitle: `W ${hostile}` },
      coverage(model, catalogue),
    )
    // Every markup character of the hostile text is escaped wherever it lands; nothing of it is left to be read as markup.
    const unescaped = /(?<!\\)[<>*`[\]]/g
    const lines = markdown.split('\n').filter((line) => line.includes('onerror'))
    expect(lines.length).toBe(6)
    for (const line of lines) {
      const fields = line.replace(/^\*\*R\d+\.\*\* /, '').replace(/^\| /, '').replace(/ \|$/, '')
      expect(fields.replaceAll(' | ', ' ').match(unescaped), line).toBeNull()
    }
    expect(markdown).toContain('\\[Norm g \\<img src=x onerror=alert(1)\\> \\[click\\](javascript:alert(1)) \\*bold\\* \\`code\\`; \\*unknown\\*\\<x\\>\\]')
    // A title is one line: its line break does not start a heading of its own.
    expect(markdown).not.toMatch(/^# \\?<img/m)
  })
})
