import { describe, expect, it } from 'vitest'
import { paragraphTexts, readDocx, runsOf } from '../../tests/helpers/readDocx.ts'
import { comparisonToDocx, comparisonToHtml, deletionColor, insertionColor } from './redline.ts'
import { testComparison, testComparisonMeta } from '../../tests/fixtures/testComparison.ts'
import { compareDrafts } from '../../shared/compare/compareDrafts.ts'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { doc, paragraph, text } from '../../shared/schema/draftBuilders.ts'

describe('comparisonToDocx', async () => {
  const redline = readDocx(await comparisonToDocx(testComparison, testComparisonMeta))
  const runs = runsOf(redline.document)

  it('is a Word package headed on every page by the versions compared', () => {
    expect(Object.keys(redline.parts)).toEqual(expect.arrayContaining(['[Content_Types].xml', 'word/document.xml']))
    expect(paragraphTexts(redline.headers)).toEqual([
      'A/AC.292/2026/DTG.1/CRP.1 | Draft recommendations on critical infrastructure | Rev. 1 compared with Rev. 2 | 12 March 2026',
    ])
  })

  it('writes every block of the later version with removed ones where they stood', () => {
    const texts = paragraphTexts(redline.document)
    expect(texts.slice(texts.indexOf('Recommendations'), texts.indexOf('Recommendation changes'))).toEqual([
      'Recommendations',
      '1.\tStates should cooperate closely.',
      'R1.\tNew idea. [CBM 7]',
      'R1.R2.\tProtect critical infrastructure. [Norm g; Norm h; CBM 7]',
      'R2.\tOld idea. [Norm a]',
      'R3.\tSame. [Norm b]',
    ])
  })

  it('underlines insertions and strikes through deletions, exactly the words changed', () => {
    expect(runs.filter((run) => run.underline).map((run) => run.text)).toEqual([' closely', 'R1.', 'New idea.', '[CBM 7]', 'R2.', 'critical ', '; Norm h'])
    expect(runs.filter((run) => run.strike).map((run) => run.text)).toEqual(['R1.', '; CBM 7', 'R2.', 'Old idea.', '[Norm a]'])
    expect(new Set(runs.filter((run) => run.underline).map((run) => run.color))).toEqual(new Set([insertionColor]))
    expect(new Set(runs.filter((run) => run.strike).map((run) => run.color))).toEqual(new Set([deletionColor]))
    expect(redline.document).toContain(
      `<w:r><w:rPr><w:color w:val="${insertionColor}"/><w:u w:val="single"/></w:rPr><w:t xml:space="preserve">critical </w:t></w:r>`,
    )
    expect(redline.document).toContain(
      `<w:r><w:rPr><w:strike/><w:color w:val="${deletionColor}"/></w:rPr><w:t xml:space="preserve">Old idea.</w:t></w:r>`,
    )
  })

  it('ends with the table of recommendation changes, unchanged recommendations left out', () => {
    const texts = paragraphTexts(redline.document)
    expect(texts.slice(texts.indexOf('Recommendation changes'))).toEqual([
      'Recommendation changes',
      'Earlier',
      'Later',
      'Change',
      '—',
      'R1',
      'R1 added',
      'R1',
      'R2',
      'R1 is now R2; text and links changed',
      'R2',
      '—',
      'R2 removed',
    ])
  })

  it('says so when no recommendation changed', async () => {
    const quiet = { ...testComparison, recommendations: testComparison.recommendations.map((change) => ({ ...change, changes: [] })) }
    const texts = paragraphTexts(readDocx(await comparisonToDocx(quiet, testComparisonMeta)).document)
    expect(texts.slice(texts.indexOf('Recommendation changes'))).toEqual(['Recommendation changes', 'No recommendation changed.'])
  })
})

describe('comparisonToHtml', () => {
  const html = comparisonToHtml(testComparison, testComparisonMeta)

  it('marks insertions with <ins> and deletions with <del>', () => {
    expect(html).toContain('<div class="numbered paragraph changed"><span class="number">1.</span><p>States should cooperate<ins> closely</ins>.</p></div>')
    expect(html).toContain(
      '<div class="numbered recommendation changed"><span class="number"><del>R1.</del><ins>R2.</ins></span>' +
        '<p>Protect <ins>critical </ins>infrastructure. [Norm g<ins>; Norm h</ins><del>; CBM 7</del>]</p></div>',
    )
    expect(html).toContain(
      '<div class="numbered recommendation removed"><span class="number"><del>R2.</del></span><p><del>Old idea.</del> <del>[Norm a]</del></p></div>',
    )
    expect(html).toContain('<h2 class="unchanged">Recommendations</h2>')
  })

  it('heads the page with the versions compared and tables the recommendation changes', () => {
    expect(html).toContain('<p class="version">Comparison of Rev. 1 with Rev. 2</p>')
    expect(html).toContain('<tr><td>R1</td><td>R2</td><td>R1 is now R2; text and links changed</td></tr>')
    expect(html).not.toContain('Draft - not for submission')
  })

  it('escapes the compared text', () => {
    const hostile = { ...testComparison, blocks: [{ ...testComparison.blocks[1], segments: [{ op: 'insert' as const, text: '<script>x</script>' }] }] }
    expect(comparisonToHtml(hostile, testComparisonMeta)).toContain('<p><ins>&lt;script&gt;x&lt;/script&gt;</ins></p>')
  })
})

describe('bold and italic in the redline', () => {
  it('keep their marks inside insertions, deletions and equal text, in HTML and in DOCX', async () => {
    const comparison = compareDrafts(
      toDraftModel(doc(paragraph(text('Guiding question:', 'bold'), ' ', text('Which threats?', 'italic'))), builtInCatalogue),
      toDraftModel(doc(paragraph(text('Guiding question:', 'bold'), ' ', text('Which ICT threats?', 'italic'))), builtInCatalogue),
    )
    const meta = { title: 'T', symbol: null, fromLabel: 'Rev.1', toLabel: 'Rev.2', date: new Date(Date.UTC(2026, 10, 23)) }
    const html = comparisonToHtml(comparison, meta)
    expect(html).toContain('<strong>Guiding question:</strong>')
    expect(html).toContain('<ins><em>ICT </em></ins>')
    const runs = runsOf(readDocx(await comparisonToDocx(comparison, meta)).document)
    expect(runs.find((run) => run.text === 'ICT ')).toMatchObject({ underline: true, italic: true })
    expect(runs.find((run) => run.text === 'Guiding question:')).toMatchObject({ bold: true })
  })
})
