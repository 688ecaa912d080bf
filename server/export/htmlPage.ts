/** The standalone HTML page every HTML export shares: its style sheet, the working-copy mark, symbol and title. */
import { workingCopyMark } from './exportMeta.ts'
import { escapeHtml } from './markup.ts'

const exportStyle = `
body { font-family: "Times New Roman", serif; max-width: 46rem; margin: 2rem auto; line-height: 1.4; }
.working-copy { color: #b00020; font-weight: bold; text-align: center; }
.symbol { text-align: right; font-weight: bold; }
.numbered { display: grid; grid-template-columns: 3rem 1fr; }
.numbered > p { grid-column: 2; margin: 0 0 0.6rem; }
.numbered > .number { grid-column: 1; }
.numbered > p.level-1 { padding-left: 2rem; }
.numbered > p.level-2 { padding-left: 4rem; }
.numbered > p.level-3 { padding-left: 6rem; }
.recommendation .number { font-weight: bold; }
table { border-collapse: collapse; width: 100%; }
th, td { border: 1px solid #888; padding: 0.25rem 0.5rem; text-align: left; vertical-align: top; }
ins { color: #0b5394; text-decoration: underline; }
del { color: #b00020; text-decoration: line-through; }
@media print { .working-copy { position: fixed; top: 0; left: 0; right: 0; } }
`

export interface HtmlPage {
  title: string
  symbol: string | null
  workspaceTitle?: string
  working: boolean
  /** Plain lines under the title: version and date, a legend. */
  lines: string[]
  body: string
}

/** A complete page: the working-copy mark, symbol, title and the lines under it, then the body. */
export function htmlPage(page: HtmlPage): string {
  const header = [
    page.symbol ? `<p class="symbol">${escapeHtml(page.symbol)}</p>` : '',
    page.workspaceTitle ? `<p class="workspace">${escapeHtml(page.workspaceTitle)}</p>` : '',
    `<h1>${escapeHtml(page.title)}</h1>`,
    ...page.lines.map((line) => `<p class="version">${escapeHtml(line)}</p>`),
  ]
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    `<head><meta charset="utf-8"><title>${escapeHtml(page.title)}</title><style>${exportStyle}</style></head>`,
    '<body>',
    ...(page.working ? [`<p class="working-copy">${escapeHtml(workingCopyMark)}</p>`] : []),
    `<header>${header.join('')}</header>`,
    page.body,
    '</body>',
    '</html>',
    '',
  ].join('\n')
}
