/** A document's proposals: loaded once, then kept current from the server's `proposal` events. */
import { useCallback, useEffect, useRef, useState } from 'react'
import { followProposals, listProposals, type Proposal } from '../api/proposals.ts'
import { upsertProposal } from './proposalList.ts'

export type ProposalsLoad = { status: 'loading' } | { status: 'ready' } | { status: 'failed'; error: Error }

export interface DocumentProposals {
  proposals: Proposal[]
  load: ProposalsLoad
  reload: () => void
  /**
   * Runs a change and shows the proposal the server answers with, unless a live event about it arrived meanwhile:
   * events come in the server's order, an answer may be overtaken by a later change.
   */
  change: (action: () => Promise<Proposal>) => Promise<Proposal>
}

export function useProposals(documentId: string): DocumentProposals {
  const [proposals, setProposals] = useState<Proposal[]>([])
  const [load, setLoad] = useState<ProposalsLoad>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)
  /** How many live events each proposal has had. */
  const eventCounts = useRef(new Map<string, number>())

  useEffect(() => {
    let current = true
    const fetchAll = () => {
      const before = new Map(eventCounts.current)
      const changedSince = (id: string) => (eventCounts.current.get(id) ?? 0) !== (before.get(id) ?? 0)
      return listProposals(documentId).then(
        ({ proposals: loaded }) => {
          if (!current) return
          setProposals((previous) => previous.filter((proposal) => changedSince(proposal.id)).reduce(upsertProposal, loaded))
          setLoad({ status: 'ready' })
        },
        (error: Error) => current && setLoad((previous) => (previous.status === 'ready' ? previous : { status: 'failed', error })),
      )
    }
    const stop = followProposals(
      documentId,
      ({ proposal }) => {
        if (!current) return
        eventCounts.current.set(proposal.id, (eventCounts.current.get(proposal.id) ?? 0) + 1)
        setProposals((previous) => upsertProposal(previous, proposal))
      },
      () => void fetchAll(),
    )
    void fetchAll()
    return () => {
      current = false
      stop()
    }
  }, [documentId, attempt])

  const reload = useCallback(() => {
    setLoad({ status: 'loading' })
    setAttempt((count) => count + 1)
  }, [])

  const change = useCallback(async (action: () => Promise<Proposal>) => {
    const before = new Map(eventCounts.current)
    const proposal = await action()
    if ((eventCounts.current.get(proposal.id) ?? 0) === (before.get(proposal.id) ?? 0)) setProposals((previous) => upsertProposal(previous, proposal))
    return proposal
  }, [])

  return { proposals, load, reload, change }
}
