/** Proposals on a document: the REST routes, every answer checked against the shared schemas, and the live `proposal` events. */
import type { z } from 'zod'
import {
  Proposal,
  ProposalAnswer,
  ProposalCompilation,
  ProposalEvent,
  ProposalList,
  proposalEventName,
  proposalPayloads,
  type ProposalCompilationFormat,
  type ProposalFilter,
  type StanceValue,
} from '../../shared/schema/proposals.ts'
import { followDocumentEvents } from './documentEvents.ts'
import { ApiError, request } from './http.ts'
import { proposalDraftProblem } from './proposalDraftProblem.ts'

export type { Proposal, ProposalCompilation, ProposalEvent, ProposalList }

const payloads = proposalPayloads()
/** What the client sends to propose (before the server's trimming and de-duplication). */
export type ProposalDraft = z.input<typeof payloads.CreateProposal>
export type ProposalEdit = z.input<typeof payloads.EditProposal>

const documentPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}/proposals`
const proposalPath = (documentId: string, proposalId: string) => `${documentPath(documentId)}/${encodeURIComponent(proposalId)}`

async function proposalFrom(answer: Promise<{ proposal: Proposal }>): Promise<Proposal> {
  return (await answer).proposal
}

export async function listProposals(documentId: string, filter: ProposalFilter = {}): Promise<ProposalList> {
  const query = new URLSearchParams(Object.entries(filter).filter((entry): entry is [string, string] => typeof entry[1] === 'string'))
  const path = `${documentPath(documentId)}${query.size > 0 ? `?${query}` : ''}`
  return request('GET', path, ProposalList)
}

/**
 * Checked here with the server's own schema first, so a mistake is named before anything is sent: the error's message
 * says what to fix in the interface language; its details keep the schema's issues (in English, for the console).
 */
export function propose(documentId: string, draft: ProposalDraft): Promise<Proposal> {
  const payload = payloads.CreateProposal.safeParse(draft)
  if (!payload.success) {
    console.debug('proposal refused before sending:', payload.error.issues)
    return Promise.reject(new ApiError(400, 'invalid_payload', proposalDraftProblem(payload.error.issues), payload.error.issues))
  }
  return proposalFrom(request('POST', documentPath(documentId), ProposalAnswer, draft))
}

export function editProposal(documentId: string, proposalId: string, edit: ProposalEdit): Promise<Proposal> {
  return proposalFrom(request('PATCH', proposalPath(documentId, proposalId), ProposalAnswer, edit))
}

/** `seenAt`: the proposal's `updatedAt` as shown: refused (409 `proposal_changed`) if it was edited since. */
export function takeStance(documentId: string, proposalId: string, stance: StanceValue, reason: string | null, seenAt: number): Promise<Proposal> {
  return proposalFrom(request('POST', `${proposalPath(documentId, proposalId)}/stance`, ProposalAnswer, { stance, reason, updatedAt: seenAt }))
}

export function withdrawProposal(documentId: string, proposalId: string): Promise<Proposal> {
  return proposalFrom(request('POST', `${proposalPath(documentId, proposalId)}/withdraw`, ProposalAnswer, {}))
}

export function acceptProposal(documentId: string, proposalId: string, note: string | null = null): Promise<Proposal> {
  return proposalFrom(request('POST', `${proposalPath(documentId, proposalId)}/accept`, ProposalAnswer, { note }))
}

export function rejectProposal(documentId: string, proposalId: string, reason: string): Promise<Proposal> {
  return proposalFrom(request('POST', `${proposalPath(documentId, proposalId)}/reject`, ProposalAnswer, { reason }))
}

export function bracketProposal(documentId: string, proposalId: string, note: string | null = null): Promise<Proposal> {
  return proposalFrom(request('POST', `${proposalPath(documentId, proposalId)}/bracket`, ProposalAnswer, { note }))
}

export function proposalCompilationUrl(documentId: string, format: ProposalCompilationFormat, revision?: number): string {
  const query = new URLSearchParams({ format })
  if (revision !== undefined) query.set('revision', String(revision))
  return `${documentPath(documentId)}/compilation?${query}`
}

export async function getProposalCompilation(documentId: string, revision?: number): Promise<ProposalCompilation> {
  return request('GET', proposalCompilationUrl(documentId, 'json', revision), ProposalCompilation)
}

/**
 * Follows the document's `proposal` events (a proposal after any change to it) on the shared event stream; events of
 * another shape are skipped. `onReconnect` runs when the stream came back after a break: events sent meanwhile were missed.
 */
export function followProposals(documentId: string, onEvent: (event: ProposalEvent) => void, onReconnect: () => void): () => void {
  return followDocumentEvents(documentId, proposalEventName, {
    onEvent: (data) => {
      const event = ProposalEvent.safeParse(data)
      if (event.success) onEvent(event.data)
    },
    onReconnect,
  })
}
