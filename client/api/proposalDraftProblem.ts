/** What is wrong with a proposal the shared schema refused before sending, said in the reader's language. */
import type { z } from 'zod'
import { t } from '../i18n/i18n.ts'

type Issue = z.ZodError['issues'][number]

const limit = (issue: Issue) => (issue.code === 'too_big' ? Number(issue.maximum) : null)

/** The message for one refused field the propose form can send; null for a field the form never gets wrong. */
function problemOf(issue: Issue): string | null {
  const [field, index] = issue.path
  const max = limit(issue)
  switch (field) {
    case 'text':
      return max !== null ? t('proposals.draftTextTooLong', { max }) : t('proposals.errorNoText')
    case 'refs':
      if (index !== undefined) return t('proposals.draftLinkInvalid')
      return max !== null ? t('proposals.draftTooManyLinks', { max }) : t('proposals.errorNoLinks')
    case 'explanation':
      return max !== null ? t('proposals.draftExplanationTooLong', { max }) : null
    case 'anchor':
      return t('proposals.draftAnchorInvalid')
    case 'recommendationId':
      return t('proposals.draftNoRecommendation')
    default:
      return null
  }
}

/**
 * The sentence to show for a draft the schema refused: the first problem the reader can fix in the form (text too long,
 * too many links, the place in the text lost), or a general one for anything else.
 */
export function proposalDraftProblem(issues: readonly Issue[]): string {
  for (const issue of issues) {
    const problem = problemOf(issue)
    if (problem) return problem
  }
  return t('proposals.draftInvalid')
}
