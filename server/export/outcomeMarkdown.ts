/** An outcome record as Markdown: every field escaped, so nothing a delegation wrote is read as markup. */
import type { OutcomeRecord } from '../../shared/schema/procedures.ts'
import { escapeMarkdown } from './markup.ts'
import { noObjections, objectionHeading, outcomeFacts, outcomeStatement, outcomeTitle } from '../../shared/stage/outcomeText.ts'

export function outcomeToMarkdown(record: OutcomeRecord): string {
  const parts: string[] = [
    ...(record.symbol ? [escapeMarkdown(record.symbol)] : []),
    `# ${escapeMarkdown(outcomeTitle(record))}`,
    outcomeFacts(record).map(escapeMarkdown).join('  \n'),
    `**${escapeMarkdown(outcomeStatement(record))}**`,
  ]
  if (record.kind === 'silence') {
    parts.push('## Objections received before the deadline')
    if (record.objections.length === 0) parts.push(escapeMarkdown(noObjections))
    for (const objection of record.objections) {
      parts.push(`**${escapeMarkdown(objectionHeading(objection))}**`, objection.reason.split(/\r\n?|\n/).map((line) => `> ${escapeMarkdown(line)}`).join('  \n'))
    }
  }
  return `${parts.join('\n\n')}\n`
}
