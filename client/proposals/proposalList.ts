/** How the proposals panel lists proposals: filtered by delegation, status and "mine", in the order of the text. */
import { can, type Subject } from '../../shared/auth/permissions.ts'
import { type Proposal, type ProposalStatus } from '../../shared/schema/proposals.ts'
import type { Placement } from '../comments/anchors.ts'
import { t } from '../i18n/i18n.ts'
import type { Suggestion } from './suggestion.ts'

/**
 * The list with `proposal` in place of the one with its id, or added at the end. A proposal the server could not place
 * (`placeUnknown`) keeps the place and the outdated mark the list had for it.
 */
export function upsertProposal(proposals: readonly Proposal[], proposal: Proposal): Proposal[] {
  const index = proposals.findIndex((existing) => existing.id === proposal.id)
  if (index < 0) return [...proposals, proposal]
  const next = proposals.slice()
  const before = proposals[index]!
  next[index] = proposal.placeUnknown ? { ...proposal, place: before.place, outdated: before.outdated, placeUnknown: before.placeUnknown } : proposal
  return next
}

/** Proposals anchored at a position rather than on a passage. */
function isPoint(proposal: Proposal): boolean {
  return proposal.kind === 'insert' || proposal.kind === 'paragraph' || proposal.kind === 'recommendation'
}

/** A proposal as the editor draws it; `refLabel` names a framework link ("Norm g") from its catalogue id. */
export function toSuggestion(proposal: Proposal, refLabel: (ref: string) => string, currentRefs: (recommendationId: string) => readonly string[] | null): Suggestion {
  const refs = proposal.refs ?? []
  const before = proposal.kind === 'relink' && proposal.recommendationId ? (currentRefs(proposal.recommendationId) ?? []) : []
  return {
    id: proposal.id,
    kind: proposal.kind,
    // A position (insertion, new block) is placed as a point: the server quotes the block it falls in.
    anchor: proposal.anchor && isPoint(proposal) ? { ...proposal.anchor, quote: '' } : proposal.anchor,
    recommendationId: proposal.recommendationId,
    open: proposal.status === 'open' && !proposal.outdated,
    text: proposal.text ?? '',
    addedRefs: (proposal.kind === 'relink' ? refs.filter((ref) => !before.includes(ref)) : refs).map(refLabel),
    removedRefs: before.filter((ref) => !refs.includes(ref)).map(refLabel),
    proposer: proposal.proposer.delegation,
    supporters: proposal.stances.filter((stance) => stance.stance === 'support').map((stance) => stance.delegation),
    objections: proposal.stances.filter((stance) => stance.stance === 'object').map(({ delegation, reason }) => ({ delegation, reason })),
  }
}

/** Withdrawn proposals are listed under All. */
export const statusFilters = ['open', 'accepted', 'rejected', 'bracketed', 'all'] as const
export type StatusFilter = (typeof statusFilters)[number]

const statusIds: Record<ProposalStatus, string> = {
  open: 'proposals.statusOpen',
  accepted: 'proposals.statusAccepted',
  rejected: 'proposals.statusRejected',
  withdrawn: 'proposals.statusWithdrawn',
  bracketed: 'proposals.statusBracketed',
}

/** A proposal's status as cards and filters name it ("Accepted"). */
export function statusLabel(status: ProposalStatus): string {
  return t(statusIds[status])
}

/** A choice of the status filter: a status, or every proposal. */
export function statusFilterLabel(filter: StatusFilter): string {
  return filter === 'all' ? t('proposals.filterAll') : statusLabel(filter)
}

export interface ProposalFilters {
  status: StatusFilter
  /** Proposals of one delegation only; null for every delegation. */
  delegation: string | null
  /** Proposals of the delegation the member speaks for. */
  mine: boolean
}

export const defaultFilters: ProposalFilters = { status: 'open', delegation: null, mine: false }

export function matches(proposal: Proposal, filters: ProposalFilters, me: string): boolean {
  if (filters.status !== 'all' && proposal.status !== filters.status) return false
  if (filters.delegation !== null && proposal.proposer.delegation !== filters.delegation) return false
  if (filters.mine && proposal.proposer.delegation !== me) return false
  return true
}

/** The delegations that have proposed something, alphabetically: the choices of the delegation filter. */
export function proposingDelegations(proposals: readonly Proposal[]): string[] {
  return [...new Set(proposals.map((proposal) => proposal.proposer.delegation))].sort((a, b) => a.localeCompare(b))
}

export function statusCounts(proposals: readonly Proposal[]): Record<ProposalStatus, number> {
  const counts: Record<ProposalStatus, number> = { open: 0, accepted: 0, rejected: 0, withdrawn: 0, bracketed: 0 }
  for (const proposal of proposals) counts[proposal.status]++
  return counts
}

export interface PlacedProposal {
  proposal: Proposal
  placement: Placement
}

/**
 * Document order: where the proposal is in the editor's text now, else where the server last placed it; outdated
 * ones (their text gone) last; ties by age.
 */
export function compareInText(a: PlacedProposal, b: PlacedProposal): number {
  const rank = (placed: PlacedProposal) => (placed.proposal.outdated || placed.placement.kind === 'detached' ? 1 : 0)
  const byRank = rank(a) - rank(b)
  if (byRank !== 0) return byRank
  if (a.placement.kind === 'attached' && b.placement.kind === 'attached') {
    const byPosition = a.placement.from - b.placement.from || a.placement.to - b.placement.to
    if (byPosition !== 0) return byPosition
  } else {
    const byOrder = (a.proposal.place?.order ?? Infinity) - (b.proposal.place?.order ?? Infinity)
    if (byOrder !== 0 && !Number.isNaN(byOrder)) return byOrder
  }
  return a.proposal.createdAt - b.proposal.createdAt || a.proposal.id.localeCompare(b.proposal.id)
}

/** The member may take a stance: speaking for a delegation other than the proposer's (the shared rule the server applies). */
export function mayTakeStance(member: ProposalActor, proposal: Proposal): boolean {
  return can({ member, proposerDelegation: proposal.proposer.delegation }, 'proposal.stance')
}

/** The member's delegation made the proposal: they may edit or withdraw it while it is open (the shared rule). */
export function ownProposal(member: ProposalActor, proposal: Proposal): boolean {
  return can({ member, proposerDelegation: proposal.proposer.delegation }, 'proposal.edit')
}

type ProposalActor = Subject['member'] & { name: string; delegation: string | null }
