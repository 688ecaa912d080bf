import { describe, expect, it } from 'vitest'
import { doc, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { coverage } from '../../shared/model/coverage.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { draftFixture } from '../../tests/bench/draftFixture.ts'
import { draftToDocx } from './docx.ts'
import { charactersXmlForbids, type DocxPackage, headerFooterPart, paragraphTexts, readDocx, runsOf } from '../../tests/helpers/readDocx.ts'
import { comparisonToDocx } from './redline.ts'
import { compareDrafts } from '../../shared/compare/compareDrafts.ts'
import { compilationToDocx } from './compilationDocx.ts'
import { submissionMetadata, testDraft, testMeta } from '../../tests/fixtures/testDraft.ts'

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

  const header = (docx: DocxPackage, type: 'default' | 'first' | 'even') => paragraphTexts(headerFooterPart(docx, 'header', type) ?? '')

  it('heads every page after the first with the symbol at the outer edge, and numbers every page "2/5" there', () => {
    expect(header(final, 'first')).toEqual([])
    expect(header(final, 'default')).toEqual(['A/AC.292/2026/DTG.1/CRP.1'])
    expect(header(final, 'even')).toEqual(['A/AC.292/2026/DTG.1/CRP.1'])
    expect(headerFooterPart(final, 'header', 'default')).toContain('<w:jc w:val="right"/>')
    expect(headerFooterPart(final, 'header', 'even')).toContain('<w:jc w:val="left"/>')
    for (const type of ['first', 'default', 'even'] as const) {
      expect(headerFooterPart(final, 'footer', type)).toMatch(/PAGE<\/w:instrText>[\s\S]*<w:t xml:space="preserve">\/<\/w:t>[\s\S]*NUMPAGES<\/w:instrText>/)
    }
    expect(headerFooterPart(final, 'footer', 'even')).toContain('<w:jc w:val="left"/>')
    expect(final.document).toContain('<w:titlePg/>')
    expect(final.parts['word/settings.xml']).toContain('<w:evenAndOddHeaders/>')
  })

  it('is laid out on A4 in Times New Roman, 10 points, with black bold headings', () => {
    expect(final.document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/)
    expect(final.parts['word/styles.xml']).toMatch(/<w:rFonts w:ascii="Times New Roman"[^>]*\/><w:sz w:val="20"\/>/)
    const heading1 = /<w:style w:type="paragraph" w:styleId="Heading1">[\s\S]*?<\/w:style>/.exec(final.parts['word/styles.xml'])?.[0]
    expect(heading1).toContain('<w:b/>')
    expect(heading1).toContain('<w:color w:val="000000"/>')
  })

  it('marks a working copy in the header of every page and at the top of the text', () => {
    expect(header(working, 'first')).toEqual(['Draft - not for submission'])
    expect(header(working, 'default')).toEqual(['Draft - not for submission', 'A/AC.292/2026/DTG.1/CRP.1'])
    expect(header(working, 'even')).toEqual(['Draft - not for submission', 'A/AC.292/2026/DTG.1/CRP.1'])
    expect(paragraphTexts(working.document)[0]).toBe('Draft - not for submission')
    expect(final.document).not.toContain('Draft - not for submission')
    expect(final.headers).not.toContain('Draft - not for submission')
  })

  it('opens with the UN masthead: United Nations and the symbol, distribution, date, original language, then the bold title', () => {
    expect(paragraphTexts(final.document).slice(0, 9)).toEqual([
      'United Nations\tA/AC.292/2026/DTG.1/CRP.1',
      '',
      'Distr.: General',
      '12 March 2026',
      '',
      'Original: English',
      'Draft recommendations on critical infrastructure',
      'Rev. 2',
      'I. Introduction',
    ])
    const title = /<w:p>(?:(?!<\/w:p>)[\s\S])*Draft recommendations on critical infrastructure<\/w:t>/.exec(final.document)?.[0] ?? ''
    expect(title).not.toContain('w:val="Title"')
    expect(runsOf(final.document).find((run) => run.text === 'Draft recommendations on critical infrastructure')?.bold).toBe(true)
  })

  it('states the body, the session and the agenda item where they are set, and the distribution and language chosen', async () => {
    const meta = { ...testMeta, ...submissionMetadata, distribution: 'limited' as const, originalLanguage: 'fr' as const }
    const texts = paragraphTexts(readDocx(await draftToDocx(model, meta, testCoverage)).document)
    expect(texts.slice(0, 10)).toEqual([
      'United Nations\tA/AC.292/2026/DTG.1/CRP.1',
      'Global Mechanism on ICT security',
      'Distr.: Limited',
      '12 March 2026',
      '',
      'Original: French',
      'First session',
      'Item 3 of the provisional agenda: Dedicated thematic group 1',
      'Draft recommendations on critical infrastructure',
      'Rev. 2',
    ])
  })

  it('numbers the text as in the editor, justified with hanging numbers, and cites the links after each recommendation', () => {
    const texts = paragraphTexts(final.document)
    expect(texts.slice(texts.indexOf('I. Introduction'), texts.indexOf('I. Introduction') + 11)).toEqual([
      'I. Introduction',
      '1.\tThe group recalled the framework.',
      '2.\tStates stressed cooperation.',
      '3.\tDelegations proposed:',
      '(a) a survey;',
      '(b) a repository.',
      'II. Recommendations',
      'R1.\tStates are encouraged to protect critical infrastructure.',
      'They should share good practice. [Norm g; CBM 7]',
      '4.\tThe group continued.',
      'R2.\tStates should designate points of contact. [Norm g]',
    ])
    expect(final.document).toContain('<w:ind w:left="567" w:hanging="567"/><w:jc w:val="both"/></w:pPr><w:r><w:t xml:space="preserve">1.</w:t>')
    // Sub-paragraphs one step further in than their paragraph's text.
    expect(final.document).toContain('<w:ind w:left="1134"/><w:jc w:val="both"/></w:pPr><w:r><w:t xml:space="preserve">(a) </w:t>')
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
      'Rules, norms and principles of responsible State behaviour',
      'Norm a — Cooperate for stability and security in the use of ICTs',
      'Not covered',
      '',
      'Norm g — Protect its own critical infrastructure',
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
    expect(paragraphTexts(readDocx(await draftToDocx(bare, testMeta, bareCoverage)).document)).toContain('R1.\t [CBM 7]')
  })

  // Its speed is measured by `npm run bench` (tests/bench/exportCompare.ts), not asserted here.
  it('exports 300 paragraphs and 60 recommendations with every number and link', async () => {
    const big = toDraftModel(draftFixture({ paragraphs: 300, recommendations: 60 }).json, builtInCatalogue)
    const texts = paragraphTexts(readDocx(await draftToDocx(big, testMeta, coverage(big, builtInCatalogue))).document)
    expect(texts).toContain('300.\t' + big.blocks.findLast((block) => block.kind === 'paragraph')!.text)
    expect(texts.filter((text) => /^R\d+\./.test(text))).toHaveLength(60)
  })

  it('writes valid XML whatever characters XML forbids a title, revision label, symbol or text holds (U+FFFE, U+FFFF, controls, lone surrogates)', async () => {
    const bad = 'A\uFFFEB\uFFFFC\u0001D\uD800E\uDC00F'
    const json = doc(paragraph(`Text ${bad}`), recommendation('r1', ['norm-g'], `Rec ${bad}`))
    const badModel = toDraftModel(json, builtInCatalogue)
    const meta = { ...testMeta, title: `Title ${bad}`, symbol: `A/${bad}`, revisionLabel: `Rev. ${bad}`, workspaceTitle: `W ${bad}` }
    const packages = [
      await draftToDocx(badModel, meta, coverage(badModel, builtInCatalogue)),
      await draftToDocx(badModel, { ...meta, working: true }, coverage(badModel, builtInCatalogue)),
      await comparisonToDocx(compareDrafts(toDraftModel(doc(paragraph('x')), builtInCatalogue), badModel), {
        title: meta.title,
        symbol: meta.symbol,
        fromLabel: `Rev. 1 ${bad}`,
        toLabel: `Rev. 2 ${bad}`,
        date: meta.date,
      }),
      await compilationToDocx(
        [
          {
            threadId: 't',
            author: { name: `Name ${bad}`, delegation: `D ${bad}`, role: 'delegation', regionalGroup: null },
            body: `Comment ${bad}`,
            createdAt: 0,
            quote: `Quote ${bad}`,
            location: 'Paragraph 1',
            locationOrder: 0,
            stakeholder: false,
            resolved: false,
            replies: [{ author: { name: `R ${bad}`, delegation: null, role: 'delegation' }, body: `Reply ${bad}`, createdAt: 0 }],
          },
        ],
        { by: 'delegation', title: `Compilation ${bad}`, symbol: `S ${bad}`, date: meta.date },
      ),
    ]
    for (const bytes of packages) {
      const { parts } = readDocx(bytes)
      for (const [path, xml] of Object.entries(parts)) expect(charactersXmlForbids(xml), path).toEqual([])
    }
    const written = readDocx(packages[0])
    expect(written.parts['docProps/core.xml']).toContain('<dc:title>Title ABCDEF</dc:title>')
    // The export for submission prints the revision under the title of its masthead.
    expect(paragraphTexts(written.document).join('')).toContain('Rev. ABCDEF')
  })
})
