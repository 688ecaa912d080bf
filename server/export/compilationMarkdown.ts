/** The compilation of written inputs as Markdown: a section per group, each input with the text it comments on quoted. */
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
import { escapeMarkdown, markdownField, markdownText } from './markup.ts'

function quoteMarkdown(quote: string): string[] {
  const lines = quote.trim().split('\n')
  return quote.trim() === '' ? [] : [lines.map((line) => `> ${escapeMarkdown(line)}`.trimEnd()).join('\n')]
}

function bodyMarkdown(body: string): string[] {
  return bodyParagraphs(body).map(markdownText)
}

function inputMarkdown(input: CompiledInput, options: CompilationOptions): string[] {
  return [
    `### ${markdownField(entryHeading(input, options.by))}`,
    ...quoteMarkdown(input.quote),
    ...bodyMarkdown(input.body),
    `*${markdownField(inputAttribution(input))}*`,
    ...input.replies.flatMap((reply) => [`*${markdownField(replyAttribution(reply))}:*`, ...bodyMarkdown(reply.body)]),
  ]
}

export function compilationToMarkdown(inputs: readonly CompiledInput[], options: CompilationOptions): string {
  const groups = groupInputs(inputs, options.by)
  const parts = [
    ...(options.symbol ? [markdownField(options.symbol)] : []),
    `# ${markdownField(options.title)}`,
    ...compilationLines(inputs, options).map(markdownField),
    ...(groups.length === 0 ? [noInputs] : []),
    ...groups.flatMap((group) => [`## ${markdownField(group.heading)}`, ...group.inputs.flatMap((input) => inputMarkdown(input, options))]),
  ]
  return `${parts.join('\n\n')}\n`
}
