import { describe, expect, it } from 'vitest'
import { doc, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { coverage } from '../../shared/model/coverage.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { draftFixture } from '../../tests/bench/draftFixture.ts'
import { draftToDocx } from './docx.ts'
import { paragraphTexts, readDocx, runsOf } from '../../tests/helpers/readDocx.ts'
import { testDraft, testMeta } from '../../tests/fixtures/testDraft.ts'

describe('draftToDocx', async () => {
  const { model, coverage: testCoverage } = testDraft()
  const final = readDocx(await draftToDocx(model, testMeta, testCoverage))
  const working = readDocx(await draftToDocx(model, { ...testMeta, working: true, revisionLabel: null }, testCoverage))

  it('is a Word package', () => {
    expect(Object.keys(final.parts)).toEqual(
      expect.arrayContaining(['[Content_Types].xml', '_rels/.rels', 'word/document.xml', 'word/_rels/document.xml.rels', 'word/header1.xml']),
    )
    expect(final.parts['[Content_Types].xml']).toContain('PartName="/word/document.xml"')
    expect(final.parts['docProps/core.xml']).toContain('<dc:title>Draft recommendations on critical infrastructure</dc:title>')
  })

  it('heads every page with symbol, title, revision and date', () => {
    expect(paragraphTexts(final.headers)).toEqual([
      'A/AC.292/2026/DTG.1/CRP.1 | Draft recommendations on critical infrastructure | Rev. 2, 12 March 2026',
    ])
    expect(final.document).toMatch(/<w:headerReference w:type="default" r:id="[^"]+"\/>/)
  })

  it('marks a working copy in the header of every page and at the top of the text', () => {
    expect(paragraphTexts(working.headers)).toEqual([
      'Draft - not for submission',
      'A/AC.292/2026/DTG.1/CRP.1 | Draft recommendations on critical infrastructure | Current text, 12 March 2026',
    ])
    expect(paragraphTexts(working.document)[0]).toBe('Draft - not for submission')
    expect(final.document).not.toContain('Draft - not for submission')
  })

  it('writes the title block, then the numbered text with the numbers of the editor and the links after each recommendation', () => {
    expect(paragraphTexts(final.document).slice(0, 14)).toEqual([
      'A/AC.292/2026/DTG.1/CRP.1',
      'Draft recommendations on critical infrastructure',
      'Rev. 2, 12 March 2026',
      'I. Introduction',
      '1.\tThe group recalled the framework.',
      '2.\tStates stressed cooperation.',
      '3.\tDelegations proposed:',
      'a survey;',
      'a repository.',
      'II. Recommendations',
      'R1.\tStates are encouraged to protect critical infrastructure.',
      'They should share good practice. [Norm g; CBM 7]',
      '4.\tThe group continued.',
      'R2.\tStates should designate points of contact. [Norm g]',
    ])
  })

  it('keeps bold and italic runs, and sets recommendation numbers in bold', () => {
    const runs = runsOf(final.document)
    expect(runs.find((run) => run.text === 'recalled')?.bold).toBe(true)
    expect(runs.find((run) => run.text === 'framework')?.bold).toBe(false)
    expect(final.document).toMatch(/<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">framework<\/w:t><\/w:r>/)
    expect(runs.find((run) => run.text === 'R1.')?.bold).toBe(true)
    expect(runs.find((run) => run.text === '1.')?.bold).toBe(false)
  })

  it('styles headings as Word headings, so they appear in the navigation pane', () => {
    expect(final.document).toMatch(/<w:pStyle w:val="Heading1"\/>[\s\S]*?I\. Introduction/)
    expect(final.document).toMatch(/<w:pStyle w:val="Heading2"\/>(?:(?!<\/w:p>)[\s\S])*?II\. Recommendations/)
  })

  it('ends with the annex of coverage on a page of its own, each pillar spanning its rows', () => {
    const texts = paragraphTexts(final.document)
    expect(texts.slice(texts.indexOf('Annex: Framework coverage'))).toEqual([
      'Annex: Framework coverage',
      'Pillar',
      'Element',
      'Recommendations',
      'Existing and potential threats',
      'Threats — Existing and potential threats',
      'Not covered',
      'Norms of responsible State behaviour',
      'Norm a — Cooperate for a stable and secure ICT environment',
      'Not covered',
      '',
      'Norm g — Safeguard its own critical infrastructure',
      'R1, R2',
      'International law',
      '',
      'Not covered',
      'Confidence-building measures',
      'CBM 7 — Critical infrastructure protection: information and good practice',
      'R1',
      'Capacity-building',
      '',
      'Not covered',
    ])
    expect(final.document).toMatch(/<w:pageBreakBefore\/><\/w:pPr><w:r><w:t xml:space="preserve">Annex: Framework coverage/)
    expect(final.document.match(/<w:vMerge w:val="restart"\/>/g)).toHaveLength(1)
    expect(final.document.match(/<w:vMerge w:val="continue"\/>/g)).toHaveLength(1)
  })

  it('leaves out characters XML forbids, which would make Word refuse the file', () => {
    const { model: odd, coverage: oddCoverage } = testDraft(doc(paragraph('bell\u0007 and <tag> & more')))
    return draftToDocx(odd, testMeta, oddCoverage).then((bytes) => {
      const texts = paragraphTexts(readDocx(bytes).document)
      expect(texts).toContain('1.\tbell and <tag> & more')
      expect(readDocx(bytes).document).toContain('bell and &lt;tag&gt; &amp; more')
    })
  })

  it('cites a recommendation with no text by its number and links alone', async () => {
    const { model: bare, coverage: bareCoverage } = testDraft(doc(recommendation('r', ['cbm-7'])))
    expect(paragraphTexts(readDocx(await draftToDocx(bare, testMeta, bareCoverage)).document)[3]).toBe('R1.\t [CBM 7]')
  })

  // Its speed is measured by `npm run bench` (tests/bench/exportCompare.ts), not asserted here.
  it('exports 300 paragraphs and 60 recommendations with every number and link', async () => {
    const big = toDraftModel(draftFixture({ paragraphs: 300, recommendations: 60 }).json, builtInCatalogue)
    const texts = paragraphTexts(readDocx(await draftToDocx(big, testMeta, coverage(big, builtInCatalogue))).document)
    expect(texts).toContain('300.\t' + big.blocks.findLast((block) => block.kind === 'paragraph')!.text)
    expect(texts.filter((text) => /^R\d+\./.test(text))).toHaveLength(60)
  })
})
