/**
 * What a failure says to the person who met it, the one way the interface states an error: a catalogue message chosen
 * by the error's code when the interface knows the code (`api.errors.<code>`, or a message with the times the server
 * sent), in the interface language; otherwise the server's (or the browser's) own words.
 */
import { z } from 'zod'
import { ApiError } from '../../shared/errors/apiError.ts'
import { formatList, t } from '../i18n/i18n.ts'
import { deadlineTime } from '../stage/stageTimes.ts'

/** The API error codes the interface states in its own words (each has an `api.errors.<code>` message). */
export const translatedErrorCodes = new Set([
  'already_submitted',
  'anchor_not_text',
  'anchor_outdated',
  'anchor_spans_blocks',
  'anchor_unknown',
  'block_agreed',
  'block_not_agreed',
  'block_not_found',
  'block_status_changed',
  'cannot_change_own_role',
  'cannot_revoke_self',
  'catalogue_changed',
  'catalogue_revision_not_found',
  'catalogue_unknown_retirement',
  'cofacilitator_not_found',
  'comment_deleted',
  'comment_not_found',
  'cross_origin',
  'deadline_past',
  'deadline_too_far',
  'document_not_found',
  'document_too_deep',
  'document_too_large',
  'document_unavailable',
  'document_unreadable',
  'draft_invalid',
  'draft_not_in_schema',
  'draft_under_negotiation',
  'export_rate_limited',
  'forbidden',
  'internal_error',
  'invalid_deadline',
  'invalid_text',
  'invalid_token',
  'invite_expired',
  'invite_replaced',
  'invite_unknown',
  'invite_used',
  'last_secretariat',
  'member_not_found',
  'member_revoked',
  'member_role_conflict',
  'network_error',
  'not_adopted',
  'not_bracketable',
  'not_settled',
  'not_silence',
  'not_your_comment',
  'own_proposal',
  'period_closed',
  'payload_too_large',
  'procedure_not_found',
  'procedure_running',
  'proposal_changed',
  'proposal_decided',
  'proposal_not_found',
  'proposal_outdated',
  'proposals_full',
  'rate_limited',
  'recommendation_not_found',
  'refs_not_applicable',
  'retired_ref',
  'revision_invalid',
  'revision_under_negotiation',
  'revision_label_taken',
  'revision_not_found',
  'revision_superseded',
  'server_busy',
  'session_expired',
  'shutting_down',
  'silence_ended',
  'snapshot_not_found',
  'stakeholder_cannot_lead',
  'store_unavailable',
  'store_unreachable',
  'text_not_applicable',
  'thread_full',
  'thread_not_found',
  'too_many_connections',
  'too_many_jobs',
  'too_many_proposals',
  'too_many_streams',
  'unauthenticated',
  'unexpected_response',
  'unknown_ref',
  'work_failed',
  'work_timed_out',
  'workspace_exists',
  'workspace_not_found',
])

const instant = z.iso.datetime({ offset: true }).transform((text) => Date.parse(text))
const RunningDetails = z.object({ deadline: instant })
const EndedDetails = z.object({ deadline: instant, receivedAt: instant })
const PastDetails = z.object({ deadline: instant, serverTime: instant })
const ClosedDetails = z.object({ deadline: instant })
const RefsDetails = z.object({ refs: z.array(z.string()).min(1) })
const IdsDetails = z.object({ ids: z.array(z.string()).min(1) })

/** A message built from what an error's details name, read by `schema`; null when the details do not name it. */
function fromDetails<T>(schema: z.ZodType<T>, message: (named: T) => string): (details: unknown) => string | null {
  return (details) => {
    const read = schema.safeParse(details)
    return read.success ? message(read.data) : null
  }
}

/** Codes whose message states what the error's details name (deadlines in New York time, links, elements), when they name it. */
const withDetails: Record<string, (details: unknown) => string | null> = {
  procedure_running: fromDetails(RunningDetails, ({ deadline }) => t('stage.errorProcedureRunning', { deadline: deadlineTime(deadline) })),
  silence_ended: fromDetails(EndedDetails, ({ deadline, receivedAt }) =>
    t('stage.errorSilenceEnded', { deadline: deadlineTime(deadline), received: deadlineTime(receivedAt) }),
  ),
  period_closed: fromDetails(ClosedDetails, ({ deadline }) => t('api.errors.period_closedNamed', { deadline: deadlineTime(deadline) })),
  deadline_past: fromDetails(PastDetails, ({ deadline, serverTime }) => t('stage.errorDeadlinePast', { deadline: deadlineTime(deadline), now: deadlineTime(serverTime) })),
  unknown_ref: fromDetails(RefsDetails, ({ refs }) => t('api.errors.unknown_refNamed', { refs: formatList(refs) })),
  retired_ref: fromDetails(RefsDetails, ({ refs }) => t('api.errors.retired_refNamed', { refs: formatList(refs) })),
  catalogue_unknown_retirement: fromDetails(IdsDetails, ({ ids }) => t('api.errors.catalogue_unknown_retirementNamed', { ids: formatList(ids) })),
}

const offline = () => typeof navigator !== 'undefined' && navigator.onLine === false

/** A status the server gives when it is down or restarting behind a proxy. */
const unavailableStatuses = new Set([502, 503, 504])

/**
 * The sentence to show for `error`: offline and unreachable stated as such, a known code in the interface language
 * (with the deadlines the details name), an HTTP failure without a JSON body by its status, anything else in the words
 * it carries (the server's text).
 */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0 && error.code === 'network_error' && offline()) return t('api.errors.offline')
    const detailed = withDetails[error.code]?.(error.details)
    if (detailed) return detailed
    if (translatedErrorCodes.has(error.code)) return t(`api.errors.${error.code}`)
    if (error.code === `http_${error.status}`) {
      return unavailableStatuses.has(error.status) ? t('api.errors.unavailable') : t('api.errors.httpStatus', { status: error.status })
    }
    return error.message
  }
  if (error instanceof Error) return error.message
  return String(error)
}
