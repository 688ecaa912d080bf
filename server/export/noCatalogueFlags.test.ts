import { describe, expect, it } from 'vitest'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { coverage } from '../../shared/model/coverage.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { doc, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import { paragraphTexts, readDocx } from '../../tests/helpers/readDocx.ts'
import { draftToDocx } from './docx.ts'
import { draftToHtml } from './html.ts'
import { draftToMarkdown } from './markdown.ts'
import { draftToPlainText } from './plainText.ts'
import { comparisonToDocx, comparisonToHtml } from './redline.ts'
import { testComparison, testComparisonMeta } from '../../tests/fixtures/testComparison.ts'
import { testMeta } from '../../tests/fixtures/testDraft.ts'

/** The catalogue's own bookkeeping (the unverified flag and its explanation) that a submitted text must never carry. */
const bookkeeping = /unverified|substance confirmed|could not be checked|flag-/i

describe('exports of a draft linking unverified, draft and retired elements', async () => {
  const json = doc(
    paragraph('The group met.'),
    recommendation('rec-a', ['cbm-8', 'il-sovereignty', 'doc-norms-checklist'], 'States should cooperate.'),
    recommendation('rec-b', ['il-due-diligence', 'threat-ransomware'], 'States should consider.'),
  )
  const model = toDraftModel(json, builtInCatalogue)
  const covered = coverage(model, builtInCatalogue)
  const unverifiedNotes = builtInCatalogue.elements.filter((element) => !element.verified && element.note).map((element) => element.note!)

  const written: Record<string, string> = {
    markdown: draftToMarkdown(model, testMeta, covered),
    text: draftToPlainText(model, testMeta, covered),
    html: draftToHtml(model, testMeta, covered),
    docx: paragraphTexts(readDocx(await draftToDocx(model, testMeta, covered)).document).join('\n'),
    'redline html': comparisonToHtml(testComparison, testComparisonMeta),
    'redline docx': paragraphTexts(readDocx(await comparisonToDocx(testComparison, testComparisonMeta)).document).join('\n'),
  }

  it.each(Object.keys(written))('%s cites the links by label but never shows a flag or a note', (format) => {
    expect(written[format]).toContain(format.startsWith('redline') ? 'CBM 7' : 'CBM 8')
    expect(written[format]).not.toMatch(bookkeeping)
    for (const note of unverifiedNotes) expect(written[format]).not.toContain(note)
  })
})
