/**
 * A draft as Markdown. Paragraph numbers are written escaped ("12\. ") so that no renderer turns them into a list and
 * renumbers them: the number read is always the number the editor shows.
 */
import type { Coverage } from '../../shared/model/coverage.ts'
import type { DraftBlock, DraftModel, TextLine, TextRun } from '../../shared/model/draftModel.ts'
import { paragraphLabel, recommendationLabel, refsCitation } from './citation.ts'
import { annexTitle, coverageAnnex, notCovered } from './coverageAnnex.ts'
import { type ExportMeta, versionLine, workingCopyMark } from './exportMeta.ts'
import { escapeMarkdown, markdownField, markdownRuns } from './markup.ts'

function singleLine(runs: readonly TextRun[]): TextRun[] {
  return runs.map((run) => ({ ...run, text: run.text.replaceAll('\n', ' ') }))
}

/** A line that opens a Markdown block: indentation there would make it code. */
function blockLine(line: TextLine): string {
  return markdownRuns(line.runs).replace(/^[ \t]+/, '')
}

/** The first line carries the number, the last the citation; the lines between follow as their own paragraphs. */
function numberedLines(prefix: string, lines: readonly TextLine[], citation = ''): string[] {
  const texts = lines.map(blockLine)
  if (texts.length === 0) texts.push('')
  texts[0] = `${prefix} ${texts[0]}`.trimEnd()
  if (citation) texts[texts.length - 1] = `${texts[texts.length - 1]} ${citation}`
  return texts
}

function blockMarkdown(block: DraftBlock): string[] {
  if (block.kind === 'heading') return [`${'#'.repeat(Math.min(block.level + 1, 6))} ${markdownRuns(singleLine(block.runs))}`]
  if (block.kind === 'paragraph') return numberedLines(escapeMarkdown(paragraphLabel(block.number)), block.lines)
  // Links are drafted data (a catalogue label, an unknown ref's id): escaped like the text.
  return numberedLines(`**${recommendationLabel(block.number)}.**`, block.paragraphs, markdownField(refsCitation(block.refs)))
}

function tableRow(cells: string[]): string {
  return `| ${cells.join(' | ')} |`
}

function annexMarkdown(model: DraftModel, coverage: Coverage): string[] {
  const rows = coverageAnnex(model, coverage).flatMap((pillar) => {
    const title = markdownField(pillar.title)
    if (pillar.rows.length === 0) return [tableRow([title, '', notCovered])]
    return pillar.rows.map((row, index) =>
      tableRow([index === 0 ? title : '', markdownField(row.element), markdownField(row.recommendations)]),
    )
  })
  const table = [tableRow(['Pillar', 'Element', 'Recommendations']), tableRow(['---', '---', '---']), ...rows]
  return [`## ${escapeMarkdown(annexTitle)}`, table.join('\n')]
}

export function draftToMarkdown(model: DraftModel, meta: ExportMeta, coverage: Coverage): string {
  const parts = [
    ...(meta.working ? [`**${workingCopyMark}**`] : []),
    ...(meta.symbol ? [markdownField(meta.symbol)] : []),
    ...(meta.workspaceTitle ? [markdownField(meta.workspaceTitle)] : []),
    `# ${markdownField(meta.title)}`,
    markdownField(versionLine(meta)),
    ...model.blocks.flatMap(blockMarkdown),
    ...annexMarkdown(model, coverage),
  ]
  return `${parts.join('\n\n')}\n`
}
