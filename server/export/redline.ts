/** A comparison as a redline, in DOCX and in HTML: insertions underlined, deletions struck through, then the table of recommendation changes. */
import { Paragraph, type ParagraphChild, type Table } from 'docx'
import type { Comparison } from '../../shared/compare/comparison.ts'
import { docxHeading, docxTable, docxText, numberedParagraphs, type RunStyle, textCell } from './docxBlocks.ts'
import { packDocx } from './docxPage.ts'
import { htmlPage } from './htmlPage.ts'
import { escapeHtml, htmlText } from './markup.ts'
import {
  changeTableHeader,
  changeTableRows,
  changeTableTitle,
  type ComparisonMeta,
  comparisonLines,
  comparisonRunningHead,
  noRecommendationChanges,
  type RedlineEntry,
  type RedlinePiece,
  redlineEntries,
  summaryLines,
} from './redlineLayout.ts'

export const insertionColor = '0B5394'
export const deletionColor = 'C00000'

const pieceStyles: Record<RedlinePiece['op'], RunStyle> = {
  equal: {},
  insert: { underline: {}, color: insertionColor },
  delete: { strike: true, color: deletionColor },
}

function docxPieces(pieces: readonly RedlinePiece[], style: RunStyle = {}): ParagraphChild[] {
  return pieces.flatMap((piece) =>
    docxText(piece.text, { ...style, ...pieceStyles[piece.op], ...(piece.bold ? { bold: true } : {}), ...(piece.italic ? { italics: true } : {}) }),
  )
}

function docxEntry(entry: RedlineEntry): Paragraph[] {
  if (entry.kind === 'heading') return [docxHeading(entry.level, docxPieces(entry.lines.flat()))]
  const number = docxPieces(entry.number, entry.kind === 'recommendation' ? { bold: true } : {})
  return numberedParagraphs(number, entry.lines.map((line) => docxPieces(line)))
}

function docxChangeTable(comparison: Comparison): (Paragraph | Table)[] {
  const rows = changeTableRows(comparison)
  const heading = docxHeading(1, docxText(changeTableTitle), { pageBreakBefore: true })
  if (rows.length === 0) return [heading, new Paragraph({ children: docxText(noRecommendationChanges) })]
  return [heading, docxTable(changeTableHeader, rows.map((row) => row.map((text) => textCell(text))), [1, 1, 4])]
}

export function comparisonToDocx(comparison: Comparison, meta: ComparisonMeta): Promise<Uint8Array> {
  return packDocx({
    title: meta.title,
    symbol: meta.symbol,
    working: false,
    runningHead: comparisonRunningHead(meta),
    lines: [...comparisonLines(meta), ...summaryLines(comparison.summary)],
    children: [...redlineEntries(comparison).flatMap(docxEntry), ...docxChangeTable(comparison)],
  })
}

const htmlTags: Record<RedlinePiece['op'], string | null> = { equal: null, insert: 'ins', delete: 'del' }

function htmlPieces(pieces: readonly RedlinePiece[]): string {
  return pieces
    .map((piece) => {
      const tag = htmlTags[piece.op]
      const italic = piece.italic ? `<em>${htmlText(piece.text)}</em>` : htmlText(piece.text)
      const text = piece.bold ? `<strong>${italic}</strong>` : italic
      return tag ? `<${tag}>${text}</${tag}>` : text
    })
    .join('')
}

function htmlEntry(entry: RedlineEntry): string {
  if (entry.kind === 'heading') {
    const level = Math.min(entry.level + 1, 6)
    return `<h${level} class="${entry.change}">${htmlPieces(entry.lines.flat())}</h${level}>`
  }
  const lines = entry.lines.map((line) => `<p>${htmlPieces(line)}</p>`)
  return `<div class="numbered ${entry.kind} ${entry.change}"><span class="number">${htmlPieces(entry.number)}</span>${lines.join('')}</div>`
}

function htmlChangeTable(comparison: Comparison): string {
  const rows = changeTableRows(comparison)
  const heading = `<h2>${escapeHtml(changeTableTitle)}</h2>`
  if (rows.length === 0) return `<section class="changes">${heading}<p>${escapeHtml(noRecommendationChanges)}</p></section>`
  const head = `<thead><tr>${changeTableHeader.map((text) => `<th>${escapeHtml(text)}</th>`).join('')}</tr></thead>`
  const body = rows.map((row) => `<tr>${row.map((text) => `<td>${escapeHtml(text)}</td>`).join('')}</tr>`).join('')
  return `<section class="changes">${heading}<table>${head}<tbody>${body}</tbody></table></section>`
}

export function comparisonToHtml(comparison: Comparison, meta: ComparisonMeta): string {
  return htmlPage({
    title: meta.title,
    symbol: meta.symbol,
    working: false,
    lines: [...comparisonLines(meta), ...summaryLines(comparison.summary)],
    body: `<main>\n${redlineEntries(comparison).map(htmlEntry).join('\n')}\n</main>\n${htmlChangeTable(comparison)}`,
  })
}
