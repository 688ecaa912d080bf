/** A draft as DOCX for the plenary, in the UN editorial layout: masthead, numbered paragraphs and recommendations, annex of coverage. */
import type { Paragraph, ParagraphChild, Table } from 'docx'
import type { Coverage } from '../../shared/model/coverage.ts'
import type { DraftBlock, DraftModel } from '../../shared/model/draftModel.ts'
import { paragraphLabel, recommendationLabel, refsCitation } from './citation.ts'
import { annexTitle, coverageAnnex, notCovered } from './coverageAnnex.ts'
import { type DocxCell, docxHeading, docxRuns, docxTable, docxText, numberedParagraphs, textCell } from './docxBlocks.ts'
import { packDocx } from './docxPage.ts'
import { documentMetadataOf, type ExportMeta } from './exportMeta.ts'

function recommendationParagraphs(block: Extract<DraftBlock, { kind: 'recommendation' }>): Paragraph[] {
  const lines: ParagraphChild[][] = block.paragraphs.map((line) => docxRuns(line.runs))
  const citation = refsCitation(block.refs)
  if (citation) {
    if (lines.length === 0) lines.push([])
    lines[lines.length - 1].push(...docxText(` ${citation}`))
  }
  return numberedParagraphs(docxText(`${recommendationLabel(block.number)}.`, { bold: true }), lines, { justified: true })
}

function blockParagraphs(block: DraftBlock): Paragraph[] {
  if (block.kind === 'heading') return [docxHeading(block.level, docxRuns(block.runs))]
  if (block.kind === 'paragraph') {
    const levels = block.lines.map((line) => line.level)
    return numberedParagraphs(docxText(paragraphLabel(block.number)), block.lines.map((line) => docxRuns(line.runs)), { justified: true, levels })
  }
  return recommendationParagraphs(block)
}

function annex(model: DraftModel, coverage: Coverage): (Paragraph | Table)[] {
  const rows = coverageAnnex(model, coverage).flatMap((pillar) => {
    const rows = pillar.rows.length > 0 ? pillar.rows : [{ element: '', recommendations: notCovered }]
    return rows.map((row, index): DocxCell[] => [
      ...(index === 0 ? [{ ...textCell(pillar.title, { bold: true }), rowSpan: rows.length }] : []),
      textCell(row.element),
      textCell(row.recommendations),
    ])
  })
  return [
    docxHeading(1, docxText(annexTitle), { pageBreakBefore: true }),
    // The last column is wide enough for its heading on one line, in Word and in LibreOffice alike.
    docxTable(['Pillar', 'Element', 'Recommendations'], rows, [3, 5, 2.6]),
  ]
}

export function draftToDocx(model: DraftModel, meta: ExportMeta, coverage: Coverage): Promise<Uint8Array> {
  return packDocx({
    title: meta.title,
    symbol: meta.symbol,
    workspaceTitle: meta.workspaceTitle,
    working: meta.working,
    children: [...model.blocks.flatMap(blockParagraphs), ...annex(model, coverage)],
    masthead: { ...documentMetadataOf(meta), title: meta.title, date: meta.date, revisionLabel: meta.revisionLabel },
  })
}
