/** Building blocks of the DOCX writers: model runs as Word runs, numbered blocks with a hanging number, headings, tables. */
import {
  AlignmentType,
  HeadingLevel,
  type IRunOptions,
  Paragraph,
  type ParagraphChild,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  WidthType,
} from 'docx'
import type { TextRun as ModelTextRun } from '../../shared/model/draftModel.ts'

export type RunStyle = Omit<IRunOptions, 'text' | 'children' | 'break'>

/** Where the text of a numbered block starts, right of its number (1 cm). */
export const numberIndent = 567
/** The width of the text on an A4 page with Word's default margins, in twips. */
export const textWidth = 9026

/**
 * Characters XML 1.0 forbids (controls but tab, line feed and carriage return; U+FFFE, U+FFFF; halves of a surrogate
 * pair standing alone); Word refuses a package holding one.
 */
const forbiddenInXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g

/** A text as XML may hold it: every character XML forbids left out. Every string written into a DOCX goes through it. */
export function xmlSafe(text: string): string {
  return text.replace(forbiddenInXml, '')
}

/** A text as Word runs: each line break a <w:br/>. */
export function docxText(text: string, style: RunStyle = {}): TextRun[] {
  return xmlSafe(text)
    .split('\n')
    .map((line, index) => new TextRun({ ...style, text: line, ...(index > 0 ? { break: 1 } : {}) }))
}

export function docxRuns(runs: readonly ModelTextRun[], style: RunStyle = {}): TextRun[] {
  return runs.flatMap((run) => docxText(run.text, { ...style, bold: run.bold || style.bold, italics: run.italic || style.italics }))
}

/** How far each level of sub-paragraphs ((a), then (i)) is indented further than the text of its numbered paragraph. */
export const subParagraphIndent = 567

/**
 * The number hangs before the first paragraph, followed by a tab; every paragraph's text starts at the same indent,
 * a sub-paragraph's lines further in by its level (`levels`, one for each line).
 */
export function numberedParagraphs(
  number: ParagraphChild[],
  lines: ParagraphChild[][],
  options: { justified?: boolean; levels?: readonly (number | undefined)[] } = {},
): Paragraph[] {
  const tab = new TextRun({ children: [new Tab()] })
  const contents = lines.length > 0 ? lines : [[]]
  return contents.map(
    (children, index) =>
      new Paragraph({
        alignment: options.justified ? AlignmentType.JUSTIFIED : undefined,
        indent: index === 0 ? { left: numberIndent, hanging: numberIndent } : { left: numberIndent + (options.levels?.[index] ?? 0) * subParagraphIndent },
        spacing: { after: 120 },
        children: index === 0 ? [...number, tab, ...children] : children,
      }),
  )
}

const headingLevels = [
  HeadingLevel.HEADING_1,
  HeadingLevel.HEADING_2,
  HeadingLevel.HEADING_3,
  HeadingLevel.HEADING_4,
  HeadingLevel.HEADING_5,
  HeadingLevel.HEADING_6,
]

export function docxHeading(level: number, children: ParagraphChild[], options: { pageBreakBefore?: boolean } = {}): Paragraph {
  const heading = headingLevels[Math.min(Math.max(level, 1), headingLevels.length) - 1]
  return new Paragraph({ heading, children, pageBreakBefore: options.pageBreakBefore, keepNext: true })
}

export interface DocxCell {
  children: ParagraphChild[]
  rowSpan?: number
}

export function textCell(text: string, style: RunStyle = {}): DocxCell {
  return { children: docxText(text, style) }
}

function tableCell(cell: DocxCell, header: boolean): TableCell {
  return new TableCell({
    rowSpan: cell.rowSpan,
    shading: header ? { type: ShadingType.CLEAR, fill: 'D9D9D9', color: 'auto' } : undefined,
    margins: { top: 40, bottom: 40, left: 100, right: 100 },
    children: [new Paragraph({ children: cell.children })],
  })
}

/**
 * A table across the text width; `widths` are the columns' shares of it. A cell spanning rows is given in its first row
 * only; docx writes the continuation cells Word needs in the rows below.
 */
export function docxTable(header: string[], rows: DocxCell[][], widths: number[]): Table {
  const total = widths.reduce((sum, width) => sum + width, 0)
  return new Table({
    width: { size: textWidth, type: WidthType.DXA },
    // Fixed: the columns keep the widths given (LibreOffice otherwise fits them to their content and breaks long words).
    layout: TableLayoutType.FIXED,
    columnWidths: widths.map((width) => Math.round((width / total) * textWidth)),
    rows: [
      new TableRow({ tableHeader: true, children: header.map((text) => tableCell(textCell(text, { bold: true }), true)) }),
      ...rows.map((cells) => new TableRow({ cantSplit: true, children: cells.map((cell) => tableCell(cell, false)) })),
    ],
  })
}
