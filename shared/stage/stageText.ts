/** A stage in words, as the header and the exports state it (pure). */
import type { Stage } from '../schema/procedures.ts'
import { formatNewYork, formatNewYorkDate } from '../time/unTime.ts'

export function stageText(stage: Stage): string {
  switch (stage.kind) {
    case 'drafting':
      return stage.commentsClosedAt !== null ? `Drafting (comments closed on ${formatNewYork(stage.commentsClosedAt)})` : 'Drafting'
    case 'comments':
      return `Open for comments until ${formatNewYork(stage.deadline!)}`
    case 'silence':
      return `Under silence until ${formatNewYork(stage.deadline!)}`
    case 'adopted':
      return `Adopted under silence on ${formatNewYorkDate(stage.deadline!)}`
    case 'broken':
      return stage.brokenBy.length > 0 ? `Silence broken by ${stage.brokenBy.join(', ')}` : 'Silence broken'
    case 'submitted':
      return `Submitted on ${formatNewYorkDate(stage.submittedAt!)}`
  }
}
