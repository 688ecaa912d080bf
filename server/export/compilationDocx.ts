/** The compilation of written inputs as DOCX: a heading per group, each input with the text it comments on quoted. */
import { BorderStyle, Paragraph } from 'docx'
import {
  bodyParagraphs,
  type CompilationOptions,
  type CompiledInput,
  compilationLines,
  entryHeading,
  groupInputs,
  inputAttribution,
  noInputs,
  replyAttribution,
} from './compilation.ts'
import { docxHeading, docxText, numberIndent } from './docxBlocks.ts'
import { packDocx } from './docxPage.ts'
import { formatExportDate } from './exportMeta.ts'

function quoteParagraph(quote: string): Paragraph[] {
  if (quote.trim() === '') return []
  return [
    new Paragraph({
      indent: { left: numberIndent },
      border: { left: { style: BorderStyle.SINGLE, size: 12, color: 'A6A6A6', space: 8 } },
      spacing: { after: 120 },
      children: docxText(quote.trim(), { italics: true }),
    }),
  ]
}

function bodyDocx(body: string, indent = 0): Paragraph[] {
  return bodyParagraphs(body).map(
    (paragraph) => new Paragraph({ indent: { left: indent }, spacing: { after: 120 }, children: docxText(paragraph) }),
  )
}

function attributionParagraph(text: string, indent = 0): Paragraph {
  return new Paragraph({ indent: { left: indent }, spacing: { after: 120 }, children: docxText(text, { italics: true, size: 20 }) })
}

function inputParagraphs(input: CompiledInput, options: CompilationOptions): Paragraph[] {
  return [
    docxHeading(2, docxText(entryHeading(input, options.by))),
    ...quoteParagraph(input.quote),
    ...bodyDocx(input.body),
    attributionParagraph(inputAttribution(input)),
    ...input.replies.flatMap((reply) => [
      attributionParagraph(`${replyAttribution(reply)}:`, numberIndent),
      ...bodyDocx(reply.body, numberIndent),
    ]),
  ]
}

export function compilationToDocx(inputs: readonly CompiledInput[], options: CompilationOptions): Promise<Uint8Array> {
  const groups = groupInputs(inputs, options.by)
  const runningHead = [options.symbol, options.title, formatExportDate(options.date)].filter(Boolean).join(' | ')
  return packDocx({
    title: options.title,
    symbol: options.symbol,
    working: false,
    runningHead,
    lines: compilationLines(inputs, options),
    children: [
      ...(groups.length === 0 ? [new Paragraph({ children: docxText(noInputs) })] : []),
      ...groups.flatMap((group) => [
        docxHeading(1, docxText(group.heading)),
        ...group.inputs.flatMap((input) => inputParagraphs(input, options)),
      ]),
    ],
  })
}
