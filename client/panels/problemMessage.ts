/**
 * A draft problem (shared/schema/draftProblem.ts) in the reader's language, chosen by its code. The shared validators
 * state problems in English for exports and the server; what a problem names besides its recommendation (the other
 * recommendation, the element, the bracketed words) is read back from that English message. A problem whose message
 * does not have the expected shape is shown as the validator wrote it.
 */
import type { DraftProblem } from '../../shared/schema/draftProblem.ts'
import { directionOf } from '../../shared/i18n/languages.ts'
import { currentLanguage, t, type MessageValues } from '../i18n/i18n.ts'

type Reading = (problem: DraftProblem, number: number | undefined) => [id: string, values?: MessageValues] | null

const withNumber = (id: string): Reading => (_problem, number) => (number === undefined ? null : [id, { number: String(number) }])

/**
 * Document text or names inside a sentence of a right-to-left interface, isolated (FSI ... PDI) so that their own
 * direction never reorders the quote marks and brackets around them; as it is in a left-to-right one.
 */
function isolated(text: string): string {
  return directionOf(currentLanguage()) === 'rtl' ? `\u2068${text}\u2069` : text
}

/** The negotiation warnings: the passage (document text, quoted as it is) and who proposed it, when anyone did. */
function negotiation(pattern: RegExp, id: string, idWithProposers: string): Reading {
  return (problem) => {
    const match = pattern.exec(problem.message)
    if (!match) return null
    const [, text, proposers] = match
    return proposers ? [idWithProposers, { text: isolated(text), proposers: isolated(proposers) }] : [id, { text: isolated(text) }]
  }
}

const readings: Record<DraftProblem['code'], Reading> = {
  document_malformed: () => ['panels.problemDocumentMalformed'],
  document_too_deep: (problem) => {
    const depth = /more than (\d+) deep/.exec(problem.message)?.[1]
    return depth ? ['panels.problemDocumentTooDeep', { depth }] : null
  },
  recommendation_nested: (problem, number) => {
    const within = /inside recommendation R(\d+)/.exec(problem.message)?.[1]
    return number !== undefined && within ? ['panels.problemNested', { number: String(number), within }] : null
  },
  recommendation_missing_id: withNumber('panels.problemMissingId'),
  recommendation_duplicate_id: (problem, number) => {
    const match = /same id as recommendation R(\d+) \((.*)\)$/s.exec(problem.message)
    return number !== undefined && match ? ['panels.problemDuplicateId', { number: String(number), first: match[1], id: match[2] }] : null
  },
  recommendation_unlinked: withNumber('panels.problemUnlinked'),
  recommendation_unknown_ref: (problem, number) => (number !== undefined && problem.ref !== undefined ? ['panels.problemUnknownRef', { number: String(number), ref: problem.ref }] : null),
  recommendation_retired_ref: (problem, number) => {
    const label = /links to (.*) \(.*\), which the catalogue has retired$/s.exec(problem.message)?.[1]
    return number !== undefined && label && problem.ref !== undefined ? ['panels.problemRetiredRef', { number: String(number), label, ref: problem.ref }] : null
  },
  recommendation_empty: withNumber('panels.problemEmpty'),
  text_bracketed: negotiation(/^Bracketed text remains: "\[(.*)\]"(?: \(proposed by (.*)\))?$/s, 'panels.problemBracketed', 'panels.problemBracketedBy'),
  alternatives_open: negotiation(/^Alternatives remain to be settled: "(.*)"(?: \(proposed by (.*)\))?$/s, 'panels.problemAlternatives', 'panels.problemAlternativesBy'),
}

/** The problem's sentence in the language in use. */
export function problemMessage(problem: Pick<DraftProblem, 'code' | 'message' | 'recommendationNumber' | 'ref'>): string {
  const reading = readings[problem.code]?.(problem as DraftProblem, problem.recommendationNumber)
  return reading ? t(...reading) : problem.message
}
