/**
 * The stage and the procedures in words, in the interface language: the stage line, a block's name, an outcome's
 * sentence. (shared/stage/ keeps the English of the outcome records the server writes.)
 */
import type { OutcomeRecord, ProcedureKind, Stage } from '../api/procedures.ts'
import { directionOf } from '../../shared/i18n/languages.ts'
import { currentLanguage, formatList, t } from '../i18n/i18n.ts'
import { deadlineDay, deadlineTime } from './stageTimes.ts'

/**
 * A name or label written in another script (a revision label "Rev.1", a delegation) kept whole inside a right-to-left
 * sentence: Unicode's first-strong isolate, the plain-text form of <bdi>. Left-to-right languages get the text as is.
 */
export function isolated(text: string): string {
  return directionOf(currentLanguage()) === 'rtl' ? `\u2068${text}\u2069` : text
}

/** What a message about a block needs: `{kind, select, recommendation {…} other {…}}` and the block's number. */
export function blockValues(number: string): { kind: 'paragraph' | 'recommendation'; number: string } {
  return { kind: number.startsWith('R') ? 'recommendation' : 'paragraph', number }
}

/** "paragraph 12", "recommendation R4". */
export function blockName(number: string): string {
  return t('stage.blockName', blockValues(number))
}

export function procedureKindName(kind: ProcedureKind): string {
  return kind === 'silence' ? t('stage.kindSilence') : t('stage.kindComments')
}

/** "Open for comments until 29 November 2026, 10:00 New York time", "Silence broken by Kenya"… */
export function stageLine(stage: Stage): string {
  switch (stage.kind) {
    case 'drafting':
      return stage.commentsClosedAt !== null ? t('stage.draftingCommentsClosed', { when: deadlineTime(stage.commentsClosedAt) }) : t('stage.drafting')
    case 'comments':
      return t('stage.openForComments', { deadline: deadlineTime(stage.deadline!) })
    case 'silence':
      return t('stage.underSilence', { deadline: deadlineTime(stage.deadline!) })
    case 'adopted':
      return t('stage.adopted', { date: deadlineDay(stage.deadline!) })
    case 'broken':
      return stage.brokenBy.length > 0 ? t('stage.brokenBy', { delegations: formatList(stage.brokenBy.map(isolated)) }) : t('stage.broken')
    case 'submitted':
      return t('stage.submitted', { date: deadlineDay(stage.submittedAt!) })
  }
}

/** The result of a procedure in one sentence. */
export function outcomeSentence(record: OutcomeRecord): string {
  const revision = isolated(record.revision.label)
  const deadline = deadlineTime(record.deadline)
  switch (record.outcome) {
    case 'adopted':
      return t('stage.outcomeAdopted', { revision, date: deadlineDay(record.deadline), deadline })
    case 'broken': {
      const who = record.brokenBy.map(({ delegation, blocks }) => t('stage.delegationBlocks', { delegation: isolated(delegation), blocks: formatList(blocks.map(blockName)) }))
      return t('stage.outcomeBroken', { revision, deadline, delegations: formatList(who) })
    }
    case 'closed':
      return t('stage.outcomeClosed', { revision, deadline })
  }
}
