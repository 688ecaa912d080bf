/** A document's proposals: loaded once, then kept current from the server's `proposal` events. */
import { followProposals, listProposals, type Proposal } from '../api/proposals.ts'
import { type LiveList, type LiveListLoad, type LiveSource, useLiveList } from '../app/useLiveList.ts'
import { upsertProposal } from './proposalList.ts'

export type ProposalsLoad = LiveListLoad

export interface DocumentProposals extends Omit<LiveList<Proposal>, 'items'> {
  proposals: Proposal[]
}

const proposalSource: LiveSource<Proposal> = {
  list: async (documentId) => (await listProposals(documentId)).proposals,
  follow: (documentId, onProposal, onReconnect) => followProposals(documentId, ({ proposal }) => onProposal(proposal), onReconnect),
  upsert: upsertProposal,
}

export function useProposals(documentId: string): DocumentProposals {
  const { items, ...rest } = useLiveList(documentId, proposalSource)
  return { proposals: items, ...rest }
}
