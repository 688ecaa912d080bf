/** Text of the model as Markdown and as HTML: escaped so that no drafted character is read as markup. */
import type { TextRun } from '../../shared/model/draftModel.ts'

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' }

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => htmlEntities[character])
}

/** Hard breaks inside a line become <br>. */
export function htmlText(text: string): string {
  return escapeHtml(text).replaceAll('\n', '<br>')
}

export function htmlRuns(runs: readonly TextRun[]): string {
  return runs
    .map((run) => {
      let html = htmlText(run.text)
      if (run.italic) html = `<em>${html}</em>`
      if (run.bold) html = `<strong>${html}</strong>`
      return html
    })
    .join('')
}

/**
 * Backslash-escapes inline markup anywhere (emphasis, code, links and images, raw HTML and autolinks, entities, tables,
 * a heading's closing #), and block markup (headings, quotes, lists, setext underlines) at the start of a line.
 * Carriage returns are line endings to a Markdown reader: they become line feeds, so the line rules see them.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?/g, '\n')
    .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
    .replace(/^([ \t]*)([#>+=-])/gm, '$1\\$2')
    .replace(/([ \t])(#+)(?=[ \t]*$)/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2')
}

function hardBreaks(markdown: string): string {
  return markdown.replaceAll('\n', '\\\n')
}

/** Escaped text whose line breaks stay line breaks (CommonMark's backslash hard break). */
export function markdownText(text: string): string {
  return hardBreaks(escapeMarkdown(text))
}

/** Emphasis markers hug the words: "** bold **" would not be read as bold, so surrounding spaces stay outside. */
function emphasised(text: string, marker: string): string {
  const [, lead, core, trail] = /^(\s*)([\s\S]*?)(\s*)$/.exec(text) ?? ['', '', text, '']
  return core === '' ? text : `${lead}${marker}${core}${marker}${trail}`
}

export function markdownRuns(runs: readonly TextRun[]): string {
  const markdown = runs
    .map((run) => emphasised(escapeMarkdown(run.text), (run.bold ? '**' : '') + (run.italic ? '*' : '')))
    .join('')
  return hardBreaks(markdown)
}

/** A one-line field (a title, a symbol, a label, a name): escaped, its line breaks read as spaces. */
export function markdownField(text: string): string {
  return escapeMarkdown(text.replace(/[\r\n]+/g, ' '))
}
