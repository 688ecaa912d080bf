/** The DOCX shell every export shares: styles, the running head on every page, page numbers, the title block, packing. */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  Packer,
  PageNumber,
  Paragraph,
  type Table,
  TextRun,
} from 'docx'
import { xmlSafe } from './docxBlocks.ts'
import { workingCopyMark } from './exportMeta.ts'

export interface DocxPage {
  title: string
  symbol: string | null
  workspaceTitle?: string
  /** "Draft - not for submission" heads every page and the first line of the text. */
  working: boolean
  /** The header of every page: symbol, title, revision, date. */
  runningHead: string
  /** Plain lines under the title: version and date, a legend. */
  lines: string[]
  children: (Paragraph | Table)[]
}

const workingColor = 'C00000'

function workingMark(): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text: workingCopyMark, bold: true, color: workingColor, allCaps: true })],
  })
}

function runningHeader(page: DocxPage): Header {
  const head = new Paragraph({
    alignment: AlignmentType.RIGHT,
    border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '808080', space: 2 } },
    children: [new TextRun({ text: xmlSafe(page.runningHead), size: 18 })],
  })
  return new Header({ children: page.working ? [workingMark(), head] : [head] })
}

function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ size: 18, children: [PageNumber.CURRENT, ' / ', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  })
}

function titleBlock(page: DocxPage): Paragraph[] {
  const line = (text: string, options: { alignment?: (typeof AlignmentType)[keyof typeof AlignmentType]; bold?: boolean } = {}) =>
    new Paragraph({ alignment: options.alignment, children: [new TextRun({ text: xmlSafe(text), bold: options.bold })] })
  return [
    ...(page.working ? [workingMark()] : []),
    ...(page.symbol ? [line(page.symbol, { alignment: AlignmentType.RIGHT, bold: true })] : []),
    ...(page.workspaceTitle ? [line(page.workspaceTitle)] : []),
    new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(xmlSafe(page.title))] }),
    ...page.lines.map((text) => line(text)),
  ]
}

export async function packDocx(page: DocxPage): Promise<Uint8Array> {
  const document = new Document({
    title: xmlSafe(page.title),
    creator: 'DTG drafting workspace',
    styles: { default: { document: { run: { font: 'Times New Roman', size: 24 } } } },
    sections: [
      {
        headers: { default: runningHeader(page) },
        footers: { default: pageFooter() },
        children: [...titleBlock(page), ...page.children],
      },
    ],
  })
  return new Uint8Array(await Packer.toArrayBuffer(document))
}
