/** The masthead of a UN document (as on A/78/265): "United Nations" and the symbol, the body and its distribution block, session, agenda item, bold title. */
import { BorderStyle, Paragraph, Table, TableCell, TableLayoutType, TableRow, TabStopType, TextRun, WidthType } from 'docx'
import { distributionLabels, languageNames, type DocumentMetadata } from '../../shared/schema/documentMetadata.ts'
import { numberIndent, textWidth } from './docxBlocks.ts'
import { formatExportDate } from './exportMeta.ts'

export interface Masthead extends Omit<DocumentMetadata, 'symbol'> {
  symbol: string | null
  title: string
  date: Date
  /** The revision exported ("Rev.1"), printed under the title; null for the current text. */
  revisionLabel: string | null
}

/** Width of the right-hand column (distribution, date, original language), as in UN mastheads (about 5 cm). */
const distributionColumn = 2880
const thin = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 }
const thick = { style: BorderStyle.SINGLE, size: 24, color: '000000', space: 1 }
const none = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' }

/** Long symbols ("A/AC.292/2026/DTG.1/CRP.1") are set smaller, so they stay on the line beside "United Nations". */
function symbolSize(symbol: string): number {
  return symbol.length <= 14 ? 40 : symbol.length <= 22 ? 32 : 26
}

/** "United Nations" at the left, the symbol at the right, a thin rule below. */
function topLine(masthead: Masthead): Paragraph {
  return new Paragraph({
    tabStops: [{ type: TabStopType.RIGHT, position: textWidth }],
    border: { bottom: thin },
    spacing: { after: 0 },
    children: [
      new TextRun({ text: 'United Nations', size: 28 }),
      ...(masthead.symbol ? [new TextRun({ text: '\t' }), new TextRun({ text: masthead.symbol, bold: true, size: symbolSize(masthead.symbol) })] : []),
    ],
  })
}

function cell(children: Paragraph[], width: number): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    borders: { top: none, left: none, right: none, bottom: thick },
    margins: { top: 80, bottom: 120, left: 0, right: 0 },
    children,
  })
}

/** The body's name, large and bold, beside "Distr.: General", the date and "Original: English"; a thick rule below. */
function bodyRow(masthead: Masthead): Table {
  const small = (text: string) => new Paragraph({ spacing: { after: 0 }, children: [new TextRun({ text, size: 20 })] })
  const distribution = [
    small(`Distr.: ${distributionLabels[masthead.distribution]}`),
    small(formatExportDate(masthead.date)),
    small(''),
    small(`Original: ${languageNames[masthead.originalLanguage]}`),
  ]
  const body = new Paragraph({
    spacing: { after: 0 },
    children: masthead.bodyName ? [new TextRun({ text: masthead.bodyName, bold: true, size: 28 })] : [],
  })
  const bodyWidth = textWidth - distributionColumn
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    columnWidths: [bodyWidth, distributionColumn],
    layout: TableLayoutType.FIXED,
    borders: { top: none, bottom: none, left: none, right: none, insideHorizontal: none, insideVertical: none },
    rows: [new TableRow({ cantSplit: true, children: [cell([body], bodyWidth), cell(distribution, distributionColumn)] })],
  })
}

/** Session and agenda item at the left under the rules, then the bold title (not Word's "Title" style) and the revision. */
function titleLines(masthead: Masthead): Paragraph[] {
  const line = (text: string, spacingBefore = 0) => new Paragraph({ spacing: { before: spacingBefore, after: 0 }, children: [new TextRun({ text, size: 20 })] })
  const situation = [masthead.session, masthead.agendaItem].filter((text): text is string => Boolean(text))
  return [
    ...situation.map((text, index) => line(text, index === 0 ? 120 : 0)),
    new Paragraph({
      indent: { left: numberIndent },
      keepNext: true,
      spacing: { before: 480, after: masthead.revisionLabel ? 60 : 240 },
      children: [new TextRun({ text: masthead.title, bold: true, size: 28 })],
    }),
    ...(masthead.revisionLabel
      ? [new Paragraph({ indent: { left: numberIndent }, keepNext: true, spacing: { after: 240 }, children: [new TextRun({ text: masthead.revisionLabel, size: 20 })] })]
      : []),
  ]
}

export function mastheadBlocks(masthead: Masthead): (Paragraph | Table)[] {
  return [topLine(masthead), bodyRow(masthead), ...titleLines(masthead)]
}

/** What the header of every page after the first says: the symbol, as UN documents do; the title when there is none. */
export function pageHeadText(masthead: Pick<Masthead, 'symbol' | 'title'>): string {
  return masthead.symbol ?? masthead.title
}
