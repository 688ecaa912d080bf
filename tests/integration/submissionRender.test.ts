import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { coverage } from '../../shared/model/coverage.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { doc, heading, paragraph, recommendation, text } from '../../shared/schema/draftBuilders.ts'
import { draftToDocx } from '../../server/export/docx.ts'
import type { ExportMeta } from '../../server/export/exportMeta.ts'
import { docxToPdf, needing, pdfPageCount, pdfPageText, pdfPageToPng } from '../helpers/externalTools.ts'
import { repoRoot } from '../helpers/server.ts'

const exportDir = path.join(repoRoot, 'test-artifacts', 'exports')

const firstParagraph =
  'The Dedicated Thematic Group on specific challenges in the sphere of ICT security met in New York from 9 to 13 March 2026, in a hybrid format, under the co-facilitation of the representatives of Kenya and Singapore.'

/** A summary as a DTG would send it to the plenary: three sections, numbered paragraphs, five linked recommendations. */
const summary = doc(
  heading(1, 'I. Introduction'),
  paragraph(firstParagraph),
  paragraph('The Group held six meetings. Delegations of 74 States took part, together with 21 stakeholders accredited under the modalities agreed by the Global Mechanism.'),
  paragraph('The present summary is issued under the responsibility of the co-facilitators. It does not reflect a consensus and is without prejudice to the positions of States.'),
  heading(1, 'II. Summary of discussions'),
  paragraph('States recalled that the framework of responsible State behaviour in the use of ICTs is cumulative and evolving, and reaffirmed that international law, in particular the Charter of the United Nations, is applicable and essential to maintaining peace and stability.'),
  paragraph('Many delegations expressed concern about malicious ICT activity against critical infrastructure that provides services across borders, including health care, energy, water and financial services, and stressed the need for ', text('practical', 'italic'), ' measures of protection.'),
  paragraph('Several delegations underlined the value of the global intergovernmental points of contact directory, and called for regular exercises to test the responsiveness of the points of contact nominated by States.'),
  paragraph('Delegations noted that capacity-building should be demand-driven, sustainable, and respectful of national ownership, and that it should take into account the specific needs of developing countries.'),
  paragraph('Stakeholders shared experience of incident response and of cooperation between computer emergency response teams, and offered to contribute to the work of the Group in its next session.'),
  heading(1, 'III. Recommendations'),
  paragraph('The Group recommends that the plenary consider the following:'),
  recommendation('rec-1', ['norm-g', 'cbm-7'], 'States should designate, where they have not done so, the critical infrastructure they consider essential, and share good practice in protecting it.'),
  recommendation('rec-2', ['norm-f'], 'States should not conduct or knowingly support ICT activity that intentionally damages critical infrastructure or otherwise impairs its use and operation.'),
  recommendation('rec-3', ['cbm-1'], 'States should keep their entries in the points of contact directory up to date and take part in the exercises convened by the secretariat.'),
  recommendation('rec-4', ['norm-h'], 'States should respond to appropriate requests for assistance by another State whose critical infrastructure is subject to malicious ICT acts.'),
  recommendation('rec-5', ['il-due-diligence', 'norm-g'], 'The Global Mechanism should continue to discuss how international law applies to the protection of critical infrastructure.'),
)

const meta: ExportMeta = {
  title: 'Summary of the first session of Dedicated Thematic Group 1, prepared by the co-facilitators',
  symbol: 'A/AC.292/2026/DTG.1/2',
  revisionLabel: null,
  date: new Date(Date.UTC(2026, 2, 20)),
  working: false,
  distribution: 'general',
  bodyName: 'Global Mechanism on ICT security',
  session: 'First session',
  agendaItem: 'Item 5 of the provisional agenda: Dedicated thematic group 1',
  originalLanguage: 'en',
}

const flat = (page: string) => page.replace(/\s+/g, ' ')

describe('the DOCX for submission, as a reader sees it in LibreOffice', () => {
  const tools = needing(
    { soffice: 'libreoffice-writer-nogui', pdftoppm: 'poppler-utils', pdftotext: 'poppler-utils', pdfinfo: 'poppler-utils' },
    'renders to PDF with the masthead and the first paragraph on page 1, numbered pages, and the annex headings unbroken',
  )
  it.runIf(tools.run)(
    tools.name,
    async () => {
      const model = toDraftModel(summary, builtInCatalogue)
      const docx = await draftToDocx(model, meta, coverage(model, builtInCatalogue))
      const pdf = docxToPdf(docx, exportDir, 'submission')
      const pages = pdfPageCount(pdf)
      const texts = Array.from({ length: pages }, (_, index) => pdfPageText(pdf, index + 1))
      pdfPageToPng(pdf, 1, path.join(exportDir, 'submission-page-1'))

      // The text fits on the first page; the annex of the whole catalogue follows on pages of its own.
      expect(pages).toBe(3)
      const page1 = texts[0]
      expect(page1).toMatch(/United Nations\s+A\/AC\.292\/2026\/DTG\.1\/2/)
      expect(page1).toMatch(/Global Mechanism on ICT security\s+Distr\.: General/)
      expect(page1).toMatch(/^\s+20 March 2026$/m)
      expect(page1).toMatch(/^\s+Original: English$/m)
      const reading = flat(page1)
      const order = [
        'United Nations',
        'Distr.: General',
        'Original: English',
        'First session',
        'Item 5 of the provisional agenda: Dedicated thematic group 1',
        'Summary of the first session of Dedicated Thematic Group 1',
        'I. Introduction',
        `1. ${firstParagraph.split(' ').slice(0, 12).join(' ')}`,
      ].map((part) => reading.indexOf(part))
      expect(order.every((at) => at >= 0), `page 1 reads: ${reading}`).toBe(true)
      expect(order).toEqual([...order].sort((a, b) => a - b))
      expect(reading).toContain('R5. The Global Mechanism should continue')

      // Page numbers "n/N" on every page; the symbol heads every page after the first.
      texts.forEach((page, index) => expect(page).toContain(`${index + 1}/${pages}`))
      for (const page of texts.slice(1)) expect(page.split('\n').find((line) => line.trim() !== '')?.trim()).toBe('A/AC.292/2026/DTG.1/2')

      const annexPage = texts.findIndex((page) => page.includes('Annex: Framework coverage'))
      expect(annexPage).toBe(1)
      // The column headings each on one line: "Recommendations" is not broken across lines.
      expect(texts[annexPage]).toMatch(/^\s*Pillar\s+Element\s+Recommendations\s*$/m)
      pdfPageToPng(pdf, annexPage + 1, path.join(exportDir, 'submission-annex'))
    },
    240_000,
  )
})
