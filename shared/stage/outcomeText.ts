/** The words of an outcome record (pure): its DOCX and Markdown writers and the procedures panel say it the same way. */
import type { OutcomeRecord } from '../schema/procedures.ts'
import { formatNewYork, formatNewYorkDate } from '../time/unTime.ts'
import { blockName } from './blockName.ts'

export function outcomeTitle(record: OutcomeRecord): string {
  return record.kind === 'silence' ? `Silence procedure on ${record.revision.label}: ${record.documentTitle}` : `Comment period on ${record.revision.label}: ${record.documentTitle}`
}

/** The result in one sentence. */
export function outcomeStatement(record: OutcomeRecord): string {
  switch (record.outcome) {
    case 'adopted':
      return `${record.revision.label} was adopted under silence on ${formatNewYorkDate(record.deadline)}: no delegation broke silence before ${formatNewYork(record.deadline)}.`
    case 'broken': {
      const who = record.brokenBy.map(({ delegation, blocks }) => `${delegation} (${blocks.map(blockName).join(', ')})`).join('; ')
      return `Silence on ${record.revision.label} was broken before ${formatNewYork(record.deadline)} by ${who}.`
    }
    case 'closed':
      return `The period for comments and proposals on ${record.revision.label} closed at ${formatNewYork(record.deadline)}.`
  }
}

/** The facts under the title: the procedure, who opened it and when, when the record was written. */
export function outcomeFacts(record: OutcomeRecord): string[] {
  return [
    `${record.kind === 'silence' ? 'Silence procedure' : 'Comment period'} opened by ${record.openedBy} on ${formatNewYork(record.openedAt)}`,
    `Deadline: ${formatNewYork(record.deadline)} (${new Date(record.deadline).toISOString()})`,
    `Recorded by the server on ${formatNewYork(record.settledAt)}`,
  ]
}

/** One objection: "Kenya, on paragraph 12 (received 29 November 2026, 09:12 New York time, from Delegate of Kenya)". */
export function objectionHeading(objection: OutcomeRecord['objections'][number]): string {
  return `${objection.delegation}, on ${blockName(objection.block.number)} (received ${formatNewYork(objection.at)}, from ${objection.memberName})`
}

export const noObjections = 'No delegation broke silence.'
