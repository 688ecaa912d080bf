import { describe, expect, it } from 'vitest'
import { doc, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import { draftToPlainText } from './plainText.ts'
import { testDraft, testMeta } from '../../tests/fixtures/testDraft.ts'

describe('draftToPlainText', () => {
  it('writes numbers and links as the editor shows them, continuation lines under the text', () => {
    const { model, coverage } = testDraft()
    expect(draftToPlainText(model, testMeta, coverage)).toBe(
      [
        'A/AC.292/2026/DTG.1/CRP.1',
        'Draft recommendations on critical infrastructure',
        '================================================',
        'Rev. 2, 12 March 2026',
        '',
        'I. Introduction',
        '',
        '1. The group recalled the framework.',
        '',
        '2. States stressed cooperation.',
        '',
        '3. Delegations proposed:',
        '   (a) a survey;',
        '   (b) a repository.',
        '',
        'II. Recommendations',
        '',
        'R1. States are encouraged to protect critical infrastructure.',
        '    They should share good practice. [Norm g; CBM 7]',
        '',
        '4. The group continued.',
        '',
        'R2. States should designate points of contact. [Norm g]',
        '',
        'Annex: Framework coverage',
        '',
        'Existing and potential threats',
        '    Threats — Existing and potential threats',
        '        Not covered',
        '',
        'Rules, norms and principles of responsible State behaviour',
        '    Norm a — Cooperate for stability and security in the use of ICTs',
        '        Not covered',
        '    Norm g — Protect its own critical infrastructure',
        '        R1, R2',
        '',
        'International law',
        '    Not covered',
        '',
        'Confidence-building measures',
        '    CBM 7 — Critical infrastructure protection: information and good practice',
        '        R1',
        '',
        'Capacity-building',
        '    Not covered',
        '',
      ].join('\n'),
    )
  })

  it('puts the working-copy mark first', () => {
    const { model, coverage } = testDraft()
    const text = draftToPlainText(model, { ...testMeta, working: true, symbol: null, revisionLabel: null }, coverage)
    expect(text.split('\n').slice(0, 5)).toEqual([
      'Draft - not for submission',
      '',
      'Draft recommendations on critical infrastructure',
      '================================================',
      'Current text, 12 March 2026',
    ])
  })

  it('indents the lines after a hard break, and cites a recommendation with no text', () => {
    const { model, coverage } = testDraft(
      doc(paragraph('one', { type: 'hardBreak' }, 'two'), recommendation('r', ['norm-g', 'made-up'])),
    )
    expect(draftToPlainText(model, { ...testMeta, symbol: null }, coverage).split('\n\n').slice(1, 3)).toEqual([
      '1. one\n   two',
      'R1. [Norm g; made-up]',
    ])
  })
})
