/** One proposal in the panel: where and what, who proposed and who stands where, and what the member may do with it. */
import { dateAndTime } from '../app/dates.ts'
import { useState } from 'react'
import { resolveRef } from '../../shared/framework/lookup.ts'
import { maxReasonChars, type Proposal, type StanceValue } from '../../shared/schema/proposals.ts'
import { acceptProposal, bracketProposal, editProposal, rejectProposal, takeStance, withdrawProposal } from '../api/proposals.ts'
import type { SignedInMember } from '../api/types.ts'
import type { Placement } from '../comments/anchors.ts'
import { useCatalogue } from '../editor/CatalogueContext.ts'
import { FormError } from '../pages/FormError.tsx'
import { mayTakeStance, ownProposal } from './proposalList.ts'
import { ProposalForm } from './ProposalForm.tsx'
import { proposalKindNames } from './proposalTarget.ts'


const statusLabels: Record<Proposal['status'], string> = {
  open: 'Open',
  accepted: 'Accepted',
  rejected: 'Rejected',
  withdrawn: 'Withdrawn',
  bracketed: 'Bracketed',
}

export interface ProposalActions {
  documentId: string
  member: SignedInMember
  canDecide: boolean
  canBracket: boolean
  change: (action: () => Promise<Proposal>) => Promise<Proposal>
}

export interface ProposalCardProps {
  proposal: Proposal
  placement: Placement
  /** "para. 12", "R4". */
  location: string | null
  active: boolean
  actions: ProposalActions
  onSelect: () => void
}

type Mode = 'reading' | 'editing' | 'rejecting' | 'confirming-withdraw'

export function ProposalCard({ proposal, placement, location, active, actions, onSelect }: ProposalCardProps) {
  const catalogue = useCatalogue()
  const [mode, setMode] = useState<Mode>('reading')
  const [reason, setReason] = useState('')
  const [stanceReason, setStanceReason] = useState('')
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const { documentId, member, change, canDecide, canBracket } = actions
  const open = proposal.status === 'open'
  const own = ownProposal(member, proposal)
  const labelOf = (ref: string) => resolveRef(catalogue, ref).element?.label ?? ref
  const myStance = member.delegation ? proposal.stances.find((stance) => stance.delegation === member.delegation) : undefined
  const supporters = proposal.stances.filter((stance) => stance.stance === 'support')
  const objectors = proposal.stances.filter((stance) => stance.stance === 'object')

  const run = async (action: () => Promise<Proposal>, after?: () => void) => {
    setBusy(true)
    setError(null)
    try {
      await change(action)
      after?.()
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }
  const stance = (value: StanceValue) => run(() => takeStance(documentId, proposal.id, value, stanceReason.trim() || null), () => setStanceReason(''))

  const classes = ['proposal-card', `is-${proposal.status}`, active ? 'is-active' : '', proposal.outdated ? 'is-outdated' : '']
  return (
    <article
      className={classes.filter(Boolean).join(' ')}
      data-testid="proposal-card"
      data-proposal-id={proposal.id}
      aria-label={`${proposalKindNames[proposal.kind]} proposed by ${proposal.proposer.delegation}${location ? `, ${location}` : ''}`}
    >
      <header className="proposal-card-head">
        <span className="proposal-where">{location ?? proposal.place?.label ?? '—'}</span>
        <span className="proposal-kind-name">{proposalKindNames[proposal.kind]}</span>
        <span className={`proposal-status status-${proposal.status}`}>{statusLabels[proposal.status]}</span>
        {proposal.outdated && (
          <span className="proposal-status status-outdated" title="The text this proposal was made on has been deleted">
            Outdated
          </span>
        )}
      </header>
      <button type="button" className="proposal-change" onClick={onSelect} aria-pressed={active} disabled={placement.kind !== 'attached'} title="Show in the text">
        {proposal.quote && proposal.kind !== 'insert' && proposal.kind !== 'paragraph' && proposal.kind !== 'recommendation' && proposal.kind !== 'relink' && (
          <del className="proposal-old">{proposal.quote}</del>
        )}
        {proposal.text && <ins className="proposal-new">{proposal.text}</ins>}
        {proposal.refs && <span className="proposal-card-refs">Links: {proposal.refs.map(labelOf).join(', ')}</span>}
      </button>
      <p className="proposal-by">
        <strong>{proposal.proposer.delegation}</strong>
        <span className="proposal-by-member">
          {' '}
          · {proposal.proposer.member.name} · <time dateTime={new Date(proposal.createdAt).toISOString()}>{dateAndTime(proposal.createdAt)}</time>
        </span>
      </p>
      {proposal.explanation && <p className="proposal-explanation">{proposal.explanation}</p>}
      {proposal.stances.length > 0 && (
        <p className="proposal-stances" aria-label="Stances">
          {supporters.length > 0 && (
            <span className="stance-support">Supported by {supporters.map((one) => (one.reason ? `${one.delegation} (${one.reason})` : one.delegation)).join(', ')}</span>
          )}
          {objectors.map((one) => (
            <span key={one.delegation} className="stance-object">
              Objection: {one.delegation}
              {one.reason ? ` (${one.reason})` : ''}
            </span>
          ))}
        </p>
      )}
      {proposal.decision && (
        <p className={`proposal-decision decision-${proposal.decision.status}`}>
          {statusLabels[proposal.decision.status]} by {proposal.decision.by.name}
          {proposal.decision.reason ? `: ${proposal.decision.reason}` : ''}
          {proposal.creditedTo && proposal.decision.status === 'accepted' ? ` (on the proposal of ${proposal.creditedTo})` : ''}
        </p>
      )}

      {mode === 'editing' ? (
        <ProposalForm
          kinds={[proposal.kind]}
          initial={{ kind: proposal.kind, text: proposal.text ?? '', refs: proposal.refs ?? [], explanation: proposal.explanation ?? '' }}
          currentRefs={proposal.kind === 'relink' ? [] : undefined}
          submitLabel="Save proposal"
          onSubmit={async (fields) => {
            await change(() =>
              editProposal(documentId, proposal.id, {
                ...(fields.text ? { text: fields.text } : {}),
                ...(proposal.refs ? { refs: fields.refs } : {}),
                explanation: fields.explanation || null,
              }),
            )
            setMode('reading')
          }}
          onCancel={() => setMode('reading')}
        />
      ) : (
        open && (
          <div className="proposal-actions">
            {mayTakeStance(member, proposal) && (
              <div className="proposal-stance" role="group" aria-label={`Stance of ${member.delegation}`}>
                {myStance && (
                  <span className="proposal-my-stance">
                    {member.delegation} {myStance.stance === 'support' ? 'supports' : 'objects'}
                  </span>
                )}
                <input
                  type="text"
                  className="proposal-reason"
                  aria-label="Reason for your stance (optional)"
                  placeholder="Reason (optional)"
                  maxLength={maxReasonChars}
                  value={stanceReason}
                  onChange={(event) => setStanceReason(event.target.value)}
                />
                <button type="button" className="button-support" disabled={busy} aria-pressed={myStance?.stance === 'support'} onClick={() => void stance('support')}>
                  Support
                </button>
                <button type="button" className="button-object" disabled={busy} aria-pressed={myStance?.stance === 'object'} onClick={() => void stance('object')}>
                  Object
                </button>
              </div>
            )}
            {own && mode === 'reading' && (
              <div className="proposal-own">
                <button type="button" className="button-link" onClick={() => setMode('editing')}>
                  Edit
                </button>
                <button type="button" className="button-link" onClick={() => setMode('confirming-withdraw')}>
                  Withdraw
                </button>
              </div>
            )}
            {own && mode === 'confirming-withdraw' && (
              <div className="comment-confirm" role="group" aria-label="Confirm withdrawal">
                <span>Withdraw this proposal? It stays listed as withdrawn.</span>
                <button type="button" className="button-danger" disabled={busy} onClick={() => void run(() => withdrawProposal(documentId, proposal.id), () => setMode('reading'))}>
                  Withdraw proposal
                </button>
                <button type="button" className="button-quiet" onClick={() => setMode('reading')}>
                  Keep it
                </button>
              </div>
            )}
            {(canDecide || canBracket) && mode !== 'rejecting' && (
              <div className="proposal-decide" role="group" aria-label="Decision">
                {canDecide && (
                  <button
                    type="button"
                    disabled={busy || proposal.outdated}
                    title={proposal.outdated ? 'The text this proposal was made on is gone: bracket or reject it' : 'Apply this change to the text'}
                    onClick={() => void run(() => acceptProposal(documentId, proposal.id))}
                  >
                    Accept
                  </button>
                )}
                {canDecide && (
                  <button type="button" className="button-quiet" disabled={busy} onClick={() => setMode('rejecting')}>
                    Reject…
                  </button>
                )}
                {canBracket && (
                  <button type="button" className="button-quiet" disabled={busy} title="Put it into the text as a bracketed alternative" onClick={() => void run(() => bracketProposal(documentId, proposal.id))}>
                    Bracket
                  </button>
                )}
              </div>
            )}
            {mode === 'rejecting' && (
              <form
                className="proposal-reject"
                onSubmit={(event) => {
                  event.preventDefault()
                  if (!reason.trim()) return setError(new Error('Say why the proposal is rejected: everyone sees the reason.'))
                  void run(() => rejectProposal(documentId, proposal.id, reason.trim()), () => setMode('reading'))
                }}
              >
                <label>
                  Reason for rejecting (everyone sees it)
                  <input type="text" value={reason} maxLength={maxReasonChars} autoFocus onChange={(event) => setReason(event.target.value)} />
                </label>
                <button type="submit" className="button-danger" disabled={busy}>
                  Reject
                </button>
                <button type="button" className="button-quiet" onClick={() => setMode('reading')}>
                  Cancel
                </button>
              </form>
            )}
          </div>
        )
      )}
      <FormError error={error} />
    </article>
  )
}
