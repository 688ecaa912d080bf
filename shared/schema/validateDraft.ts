/** The recommendation invariant: every recommendation has a unique id, some text, and links to known framework elements. */
import type { FrameworkCatalogue } from '../framework/element.ts'
import { resolveRef } from '../framework/lookup.ts'
import {
  exceedsDepth,
  isDraftDoc,
  maxDraftDepth,
  type NodePath,
  plainText,
  type RecommendationOccurrence,
  recommendationId,
  recommendationRefs,
  recommendationsInOrder,
} from './draftJson.ts'
import { openNegotiations, type OpenNegotiation } from './negotiationText.ts'

import { type DraftProblem, type DraftProblemCode, type Severity } from './draftProblem.ts'

export { draftProblemCodes, type DraftProblem, type DraftProblemCode, type Severity } from './draftProblem.ts'

export interface DraftValidation {
  /** No error: a revision can be cut. */
  valid: boolean
  problems: DraftProblem[]
  /** What is still under negotiation: bracketed passages and blocks of alternatives. */
  negotiation: { brackets: number; alternatives: number }
  /** Valid and nothing bracketed or in alternatives: the text can be exported for submission to the plenary. */
  submittable: boolean
}

const quoteShown = (text: string) => (text.length > 60 ? `${text.slice(0, 59)}…` : text)

/** A bracket or a block of alternatives, as a warning: it does not stop a revision, only the submission. */
function negotiationProblem(open: OpenNegotiation): DraftProblem {
  const by = open.proposers.length > 0 ? ` (proposed by ${open.proposers.join(', ')})` : ''
  return open.kind === 'bracket'
    ? { code: 'text_bracketed', severity: 'warning', message: `Bracketed text remains: "[${quoteShown(open.text)}]"${by}`, path: open.path }
    : { code: 'alternatives_open', severity: 'warning', message: `Alternatives remain to be settled: "${quoteShown(open.text)}"${by}`, path: open.path }
}

/** What negotiation leaves to settle, in the English of the server's messages: "2 bracketed passages and 1 block of alternatives remain". */
export function negotiationRemaining({ brackets, alternatives }: DraftValidation['negotiation']): string {
  const left = [brackets > 0 ? `${brackets} bracketed passage${brackets === 1 ? '' : 's'}` : '', alternatives > 0 ? `${alternatives} block${alternatives === 1 ? '' : 's'} of alternatives` : '']
  return `${left.filter(Boolean).join(' and ')} remain${brackets + alternatives === 1 ? 's' : ''}`
}

/** The problems that stop an export for submission: errors, and every bracket or alternative left. */
export function submissionProblems(validation: DraftValidation): DraftProblem[] {
  return validation.problems.filter(
    (problem) => problem.severity === 'error' || problem.code === 'text_bracketed' || problem.code === 'alternatives_open',
  )
}

/** Longest id or ref quoted in a problem: a hostile value of a megabyte is named, not copied. */
const maxQuoted = 120

function shorten(text: string): string {
  return text.length <= maxQuoted ? text : `${text.slice(0, maxQuoted - 1)}…`
}

function problemsOf(
  occurrence: RecommendationOccurrence,
  catalogue: FrameworkCatalogue,
  firstNumberById: ReadonlyMap<string, number>,
): DraftProblem[] {
  const { node, number, path, within } = occurrence
  const id = recommendationId(node)
  const at = { recommendationNumber: number, path, ...(id === undefined ? {} : { recommendationId: id }) }
  const problem = (code: DraftProblemCode, message: string, severity: Severity = 'error', ref?: string): DraftProblem => ({
    code,
    severity,
    message,
    ...at,
    ...(ref === undefined ? {} : { ref }),
  })
  const problems: DraftProblem[] = []

  if (within !== undefined) {
    problems.push(problem('recommendation_nested', `Recommendation R${number} sits inside recommendation R${within}; a recommendation holds paragraphs only`))
  }
  if (id === undefined) {
    problems.push(problem('recommendation_missing_id', `Recommendation R${number} has no id`))
  } else if (firstNumberById.get(id) !== number) {
    problems.push(
      problem(
        'recommendation_duplicate_id',
        `Recommendation R${number} has the same id as recommendation R${firstNumberById.get(id)} (${shorten(id)})`,
      ),
    )
  }

  const refs = recommendationRefs(node)
  if (refs.length === 0) {
    problems.push(problem('recommendation_unlinked', `Recommendation R${number} is not linked to any framework element`))
  }
  for (const ref of refs) {
    const shown = shorten(typeof ref === 'string' ? ref : (JSON.stringify(ref) ?? String(ref)))
    const resolved = typeof ref === 'string' ? resolveRef(catalogue, ref) : { status: 'unknown' as const }
    if (resolved.status === 'unknown') {
      problems.push(
        problem(
          'recommendation_unknown_ref',
          `Recommendation R${number} links to "${shown}", which is not in the framework catalogue`,
          'error',
          shown,
        ),
      )
    } else if (resolved.status === 'retired') {
      problems.push(
        problem(
          'recommendation_retired_ref',
          `Recommendation R${number} links to ${resolved.element.label} (${shown}), which the catalogue has retired`,
          'warning',
          shown,
        ),
      )
    }
  }

  if (plainText(node).trim() === '') {
    problems.push(problem('recommendation_empty', `Recommendation R${number} has no text`))
  }
  return problems
}

/** Every problem of every recommendation, in document order; valid when none is an error. */
export function validateDraft(docJson: unknown, catalogue: FrameworkCatalogue): DraftValidation {
  if (!isDraftDoc(docJson)) {
    return {
      valid: false,
      submittable: false,
      negotiation: { brackets: 0, alternatives: 0 },
      problems: [
        {
          code: 'document_malformed',
          severity: 'error',
          message: 'The document is not ProseMirror JSON of the form { type: "doc", content: [...] }',
          path: [],
        },
      ],
    }
  }
  if (exceedsDepth(docJson, maxDraftDepth)) {
    return {
      valid: false,
      problems: [
        {
          code: 'document_too_deep',
          severity: 'error',
          message: `The document nests blocks more than ${maxDraftDepth} deep; no draft needs that (a recommendation holds paragraphs, not recommendations)`,
          path: [],
        },
      ],
      negotiation: { brackets: 0, alternatives: 0 },
      submittable: false,
    }
  }
  const occurrences = recommendationsInOrder(docJson)
  const firstNumberById = new Map<string, number>()
  for (const { node, number } of occurrences) {
    const id = recommendationId(node)
    if (id !== undefined && !firstNumberById.has(id)) firstNumberById.set(id, number)
  }
  const negotiations = openNegotiations(docJson)
  const problems = [
    ...occurrences.flatMap((occurrence) => problemsOf(occurrence, catalogue, firstNumberById)),
    ...negotiations.map(negotiationProblem),
  ]
  const valid = problems.every((problem) => problem.severity !== 'error')
  const negotiation = {
    brackets: negotiations.filter((open) => open.kind === 'bracket').length,
    alternatives: negotiations.filter((open) => open.kind === 'alternatives').length,
  }
  return { valid, problems, negotiation, submittable: valid && negotiations.length === 0 }
}
