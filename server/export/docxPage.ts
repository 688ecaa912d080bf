/** The DOCX shell every export shares: A4, styles, the running head on every page, page numbers, the title block or UN masthead, packing. */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  Header,
  HeadingLevel,
  type ISectionOptions,
  Packer,
  PageNumber,
  Paragraph,
  type Table,
  TextRun,
} from 'docx'
import { xmlSafe } from './docxBlocks.ts'
import { type Masthead, mastheadBlocks, pageHeadText } from './docxMasthead.ts'
import { workingCopyMark } from './exportMeta.ts'

interface DocxPageBase {
  title: string
  symbol: string | null
  workspaceTitle?: string
  /** "Draft - not for submission" heads every page and the first line of the text. */
  working: boolean
  children: (Paragraph | Table)[]
}

/** A working paper (compilation, redline): a title block, and a running head of symbol, title, revision and date. */
interface TitledPage extends DocxPageBase {
  masthead?: undefined
  /** The header of every page: symbol, title, revision, date. */
  runningHead: string
  /** Plain lines under the title: version and date, a legend. */
  lines: string[]
}

/**
 * The UN editorial layout (the export for submission): the masthead instead of the title block, 10-point text, the
 * symbol heading every page after the first and the page number at the outer edge, alternating on even pages.
 */
interface MastheadPage extends DocxPageBase {
  masthead: Masthead
}

export type DocxPage = TitledPage | MastheadPage

/** A4 portrait, 2.54 cm margins: the text is 9026 twips wide (docxBlocks' textWidth). */
const a4 = { size: { width: 11906, height: 16838 }, margin: { top: 1440, bottom: 1440, left: 1440, right: 1440, header: 720, footer: 720 } }

const workingColor = 'C00000'

function workingMark(): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    children: [new TextRun({ text: workingCopyMark, bold: true, color: workingColor, allCaps: true })],
  })
}

function runningHeader(page: TitledPage): Header {
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

function titleBlock(page: TitledPage): Paragraph[] {
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

/** UN page heads and feet: the symbol on top, "2/5" below, both at the outer edge (right on odd pages, left on even ones). */
function unHeader(page: MastheadPage, masthead: Masthead, alignment: 'left' | 'right'): Header {
  const head = new Paragraph({
    alignment: alignment === 'left' ? AlignmentType.LEFT : AlignmentType.RIGHT,
    border: { bottom: { style: BorderStyle.SINGLE, size: 4, color: '000000', space: 2 } },
    children: [new TextRun({ text: pageHeadText(masthead), bold: true, size: 17 })],
  })
  return new Header({ children: page.working ? [workingMark(), head] : [head] })
}

function unFooter(alignment: 'left' | 'right'): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: alignment === 'left' ? AlignmentType.LEFT : AlignmentType.RIGHT,
        children: [new TextRun({ size: 17, bold: true, children: [PageNumber.CURRENT, '/', PageNumber.TOTAL_PAGES] })],
      }),
    ],
  })
}

/** Headings in the text face, black and bold, as in UN documents (not Word's blue Calibri). */
function headingStyles(unLayout: boolean) {
  const heading = (size: number, before: number) => ({
    run: { font: 'Times New Roman', size, bold: true, color: '000000' },
    paragraph: { spacing: { before, after: 120 }, keepNext: true },
  })
  return unLayout
    ? { heading1: heading(24, 360), heading2: heading(20, 240), heading3: heading(20, 240), heading4: heading(20, 120) }
    : { heading1: heading(28, 360), heading2: heading(24, 240), heading3: heading(24, 240), heading4: heading(24, 120) }
}

/** The masthead with only characters XML allows in each of its texts (symbol, title, body, session...). */
function xmlSafeMasthead(masthead: Masthead): Masthead {
  return Object.fromEntries(Object.entries(masthead).map(([key, value]) => [key, typeof value === 'string' ? xmlSafe(value) : value])) as Masthead
}

function mastheadSection(page: MastheadPage): ISectionOptions {
  const { masthead } = page
  return {
    // The first page carries the masthead, so its head holds only the working-copy mark, if any.
    properties: { titlePage: true, page: a4 },
    headers: {
      first: new Header({ children: page.working ? [workingMark()] : [] }),
      default: unHeader(page, masthead, 'right'),
      even: unHeader(page, masthead, 'left'),
    },
    footers: { first: unFooter('right'), default: unFooter('right'), even: unFooter('left') },
    children: [...(page.working ? [workingMark()] : []), ...mastheadBlocks(masthead), ...page.children],
  }
}

function titledSection(page: TitledPage): ISectionOptions {
  return {
    properties: { page: a4 },
    headers: { default: runningHeader(page) },
    footers: { default: pageFooter() },
    children: [...titleBlock(page), ...page.children],
  }
}

export async function packDocx(page: DocxPage): Promise<Uint8Array> {
  const unLayout = page.masthead !== undefined
  const document = new Document({
    title: xmlSafe(page.title),
    creator: 'DTG drafting workspace',
    evenAndOddHeaderAndFooters: unLayout,
    styles: {
      default: { document: { run: { font: 'Times New Roman', size: unLayout ? 20 : 24 } }, ...headingStyles(unLayout) },
    },
    sections: [page.masthead !== undefined ? mastheadSection({ ...page, masthead: xmlSafeMasthead(page.masthead) }) : titledSection(page)],
  })
  return new Uint8Array(await Packer.toArrayBuffer(document))
}
