/** A refusal about proposals in the reader's language: the server's codes this area knows get a catalogue message, others keep the server's words. */
import { ApiError } from '../api/http.ts'
import { t } from '../i18n/i18n.ts'

const messages: Record<string, string> = {
  proposal_not_found: 'proposals.errorNotFound',
  proposal_decided: 'proposals.errorDecided',
  proposal_outdated: 'proposals.errorOutdated',
  anchor_outdated: 'proposals.errorOutdated',
  own_proposal: 'proposals.errorOwnProposal',
  anchor_unknown: 'proposals.errorAnchorUnknown',
  anchor_spans_blocks: 'proposals.errorAnchorSpansBlocks',
  anchor_not_text: 'proposals.errorAnchorNotText',
  recommendation_not_found: 'proposals.errorRecommendationNotFound',
  not_bracketable: 'proposals.errorNotBracketable',
}

/** The failure to show: an ApiError with a known code in the catalogue's words (its details kept), anything else as it came. */
export function proposalError(failure: unknown): unknown {
  if (!(failure instanceof ApiError)) return failure
  const id = messages[failure.code]
  return id ? new ApiError(failure.status, failure.code, t(id), failure.details) : failure
}
