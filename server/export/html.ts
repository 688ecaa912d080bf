/** A draft as a standalone HTML document; every drafted character is escaped, and a working copy is marked on every printed page. */
import type { Coverage } from '../../shared/model/coverage.ts'
import type { DraftBlock, DraftModel, TextLine } from '../../shared/model/draftModel.ts'
import { paragraphLabel, recommendationLabel, refsCitation } from './citation.ts'
import { annexTitle, coverageAnnex, notCovered } from './coverageAnnex.ts'
import { type ExportMeta, versionLine } from './exportMeta.ts'
import { htmlPage } from './htmlPage.ts'
import { escapeHtml, htmlRuns } from './markup.ts'

/** The number in a column of its own, the block's lines beside it; a sub-paragraph's lines indented by their level. */
function numberedHtml(className: string, number: string, lines: (string | { html: string; level?: number })[], attributes = ''): string {
  const body = (lines.length > 0 ? lines : [''])
    .map((line) => (typeof line === 'string' ? { html: line } : line))
    .map(({ html, level }) => (level ? `<p class="level-${level}">${html}</p>` : `<p>${html}</p>`))
    .join('')
  return `<div class="${className}"${attributes}><span class="number">${escapeHtml(number)}</span>${body}</div>`
}

function lineHtml(line: TextLine): string {
  return htmlRuns(line.runs)
}

function blockHtml(block: DraftBlock): string {
  if (block.kind === 'heading') {
    const level = Math.min(block.level + 1, 6)
    return `<h${level}>${htmlRuns(block.runs)}</h${level}>`
  }
  if (block.kind === 'paragraph') {
    return numberedHtml('numbered paragraph', paragraphLabel(block.number), block.lines.map((line) => ({ html: lineHtml(line), level: line.level })))
  }
  const lines = block.paragraphs.map(lineHtml)
  const citation = refsCitation(block.refs)
  if (citation) {
    const cite = `<span class="refs">${escapeHtml(citation)}</span>`
    if (lines.length === 0) lines.push(cite)
    else lines[lines.length - 1] += ` ${cite}`
  }
  const id = block.id === null ? '' : ` data-recommendation-id="${escapeHtml(block.id)}"`
  return numberedHtml('numbered recommendation', `${recommendationLabel(block.number)}.`, lines, id)
}

function annexHtml(model: DraftModel, coverage: Coverage): string {
  const bodies = coverageAnnex(model, coverage).map((pillar) => {
    const rows = pillar.rows.length > 0 ? pillar.rows : [{ element: '', recommendations: notCovered }]
    const cells = rows.map((row, index) => {
      const pillarCell = index === 0 ? `<th scope="rowgroup" rowspan="${rows.length}">${escapeHtml(pillar.title)}</th>` : ''
      return `<tr>${pillarCell}<td>${escapeHtml(row.element)}</td><td>${escapeHtml(row.recommendations)}</td></tr>`
    })
    return `<tbody>${cells.join('')}</tbody>`
  })
  const head = '<thead><tr><th>Pillar</th><th>Element</th><th>Recommendations</th></tr></thead>'
  return `<section class="annex"><h2>${escapeHtml(annexTitle)}</h2><table>${head}${bodies.join('')}</table></section>`
}

export function draftToHtml(model: DraftModel, meta: ExportMeta, coverage: Coverage): string {
  return htmlPage({
    title: meta.title,
    symbol: meta.symbol,
    workspaceTitle: meta.workspaceTitle,
    working: meta.working,
    lines: [versionLine(meta)],
    body: `<main>\n${model.blocks.map(blockHtml).join('\n')}\n</main>\n${annexHtml(model, coverage)}`,
  })
}
