/** A draft as plain text: numbers and citations as the editor shows them, continuation lines indented under the text. */
import type { Coverage } from '../../shared/model/coverage.ts'
import type { DraftBlock, DraftModel, TextLine } from '../../shared/model/draftModel.ts'
import { paragraphLabel, recommendationLabel, refsCitation } from './citation.ts'
import { annexTitle, coverageAnnex, notCovered } from './coverageAnnex.ts'
import { type ExportMeta, versionLine, workingCopyMark } from './exportMeta.ts'

const indent = '    '

/** "12. First line", then the other lines (hard breaks included) indented to where the text starts. */
function numberedText(prefix: string, lines: readonly TextLine[], citation = ''): string {
  const texts = lines.flatMap((line) => line.text.split('\n'))
  if (texts.length === 0) texts.push('')
  if (citation) texts[texts.length - 1] = `${texts[texts.length - 1]} ${citation}`.trimStart()
  const hanging = ' '.repeat(prefix.length + 1)
  return texts.map((text, index) => (index === 0 ? `${prefix} ${text}`.trimEnd() : `${hanging}${text}`)).join('\n')
}

function blockText(block: DraftBlock): string {
  if (block.kind === 'heading') return block.text.replaceAll('\n', ' ')
  if (block.kind === 'paragraph') return numberedText(paragraphLabel(block.number), block.lines)
  return numberedText(`${recommendationLabel(block.number)}.`, block.paragraphs, refsCitation(block.refs))
}

/** Each element on its line, the recommendations linking to it on the line below. */
function annexText(model: DraftModel, coverage: Coverage): string[] {
  const pillars = coverageAnnex(model, coverage).map((pillar) => {
    const rows = pillar.rows.map((row) => `${indent}${row.element}\n${indent}${indent}${row.recommendations}`)
    return [pillar.title, ...(rows.length > 0 ? rows : [`${indent}${notCovered}`])].join('\n')
  })
  return [annexTitle, ...pillars]
}

export function draftToPlainText(model: DraftModel, meta: ExportMeta, coverage: Coverage): string {
  const front = [meta.symbol, meta.workspaceTitle, meta.title].filter((line): line is string => Boolean(line))
  const parts = [
    ...(meta.working ? [workingCopyMark] : []),
    [...front, '='.repeat(meta.title.length), versionLine(meta)].join('\n'),
    ...model.blocks.map(blockText),
    ...annexText(model, coverage),
  ]
  return `${parts.join('\n\n')}\n`
}
