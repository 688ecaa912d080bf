/** One proposal in the panel: where and what, who proposed and who stands where, and what the member may do with it. */
import { dateAndTime } from '../app/dates.ts'
import { useState } from 'react'
import { resolveRef } from '../../shared/framework/lookup.ts'
import { maxReasonChars, type Proposal, type StanceValue } from '../../shared/schema/proposals.ts'
import { acceptProposal, bracketProposal, editProposal, rejectProposal, takeStance, withdrawProposal } from '../api/proposals.ts'
import type { SignedInMember } from '../api/types.ts'
import type { Placement } from '../comments/anchors.ts'
import { useCatalogue } from '../editor/CatalogueContext.ts'
import { formatList, t, tx } from '../i18n/i18n.ts'
import { FormError } from '../pages/FormError.tsx'
import { mayTakeStance, ownProposal, statusLabel } from './proposalList.ts'
import { decisionText } from './decisionText.tsx'
import { blockLabel } from './proposalLocation.ts'
import { ProposalForm } from './ProposalForm.tsx'
import { proposalKindName } from './proposalTarget.ts'
import { withReason } from './suggestion.ts'

export interface ProposalActions {
  documentId: string
  member: SignedInMember
  canDecide: boolean
  canBracket: boolean
  /** Whether the member's own proposals may be edited now (not once the comment period closed); withdrawing stays. */
  canEdit: boolean
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
  const stance = (value: StanceValue) => run(() => takeStance(documentId, proposal.id, value, stanceReason.trim() || null, proposal.updatedAt), () => setStanceReason(''))

  const classes = ['proposal-card', `is-${proposal.status}`, active ? 'is-active' : '', proposal.outdated ? 'is-outdated' : '']
  return (
    <article
      className={classes.filter(Boolean).join(' ')}
      data-testid="proposal-card"
      data-proposal-id={proposal.id}
      aria-label={
        location
          ? t('proposals.cardLabelAt', { kind: proposalKindName(proposal.kind), delegation: proposal.proposer.delegation, location })
          : t('proposals.cardLabel', { kind: proposalKindName(proposal.kind), delegation: proposal.proposer.delegation })
      }
    >
      <header className="proposal-card-head">
        <span className="proposal-where">{location ?? (proposal.place ? blockLabel({ kind: proposal.place.blockKind, ...proposal.place }) : '—')}</span>
        <span className="proposal-kind-name">{proposalKindName(proposal.kind)}</span>
        <span className={`proposal-status status-${proposal.status}`}>{statusLabel(proposal.status)}</span>
        {proposal.outdated && (
          <span className="proposal-status status-outdated" title={t('proposals.outdatedTitle')}>
            {t('proposals.outdated')}
          </span>
        )}
      </header>
      {/* The change is members' text: it takes the direction of the text it holds. */}
      <button type="button" className="proposal-change" dir="auto" onClick={onSelect} aria-pressed={active} disabled={placement.kind !== 'attached'} title={t('proposals.showInText')}>
        {proposal.quote && proposal.kind !== 'insert' && proposal.kind !== 'paragraph' && proposal.kind !== 'recommendation' && proposal.kind !== 'relink' && (
          <del className="proposal-old" translate="no" dir="auto">
            {proposal.quote}
          </del>
        )}
        {proposal.text && (
          <ins className="proposal-new" translate="no" dir="auto">
            {proposal.text}
          </ins>
        )}
        {proposal.refs && (
          <span className="proposal-card-refs">
            {tx('proposals.links', {
              links: (
                <bdi key="links" translate="no">
                  {formatList(proposal.refs.map(labelOf))}
                </bdi>
              ),
            })}
          </span>
        )}
      </button>
      <p className="proposal-by">
        <strong translate="no" dir="auto">
          {proposal.proposer.delegation}
        </strong>
        <span className="proposal-by-member">
          {' · '}
          <bdi translate="no">{proposal.proposer.member.name}</bdi>
          {' · '}
          <time dateTime={new Date(proposal.createdAt).toISOString()}>{dateAndTime(proposal.createdAt)}</time>
        </span>
      </p>
      {proposal.explanation && (
        <p className="proposal-explanation" translate="no" dir="auto">
          {proposal.explanation}
        </p>
      )}
      {proposal.stances.length > 0 && (
        <p className="proposal-stances" aria-label={t('proposals.stances')}>
          {supporters.length > 0 && (
            <span className="stance-support">
              {tx('proposals.supportedBy', {
                delegations: (
                  <bdi key="delegations" translate="no">
                    {formatList(supporters.map(withReason))}
                  </bdi>
                ),
              })}
            </span>
          )}
          {objectors.map((one) => (
            <span key={one.delegation} className="stance-object">
              {tx('proposals.objection', {
                delegation: (
                  <bdi key="delegation" translate="no">
                    {withReason(one)}
                  </bdi>
                ),
              })}
            </span>
          ))}
        </p>
      )}
      {proposal.decision && (
        <p className={`proposal-decision decision-${proposal.decision.status}`}>
          {decisionText(proposal.decision, proposal.decision.by.name)}
          {proposal.creditedTo && proposal.decision.status === 'accepted' && (
            <>
              {' '}
              {tx('proposals.onProposalOf', {
                delegation: (
                  <bdi key="delegation" translate="no">
                    {proposal.creditedTo}
                  </bdi>
                ),
              })}
            </>
          )}
        </p>
      )}

      {mode === 'editing' ? (
        <ProposalForm
          kinds={[proposal.kind]}
          initial={{ kind: proposal.kind, text: proposal.text ?? '', refs: proposal.refs ?? [], explanation: proposal.explanation ?? '' }}
          currentRefs={proposal.kind === 'relink' ? [] : undefined}
          submitLabel={t('proposals.saveProposal')}
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
              <div className="proposal-stance" role="group" aria-label={t('proposals.stanceOf', { delegation: member.delegation ?? '' })}>
                {myStance && (
                  <span className="proposal-my-stance">
                    {tx(myStance.stance === 'support' ? 'proposals.mySupport' : 'proposals.myObjection', {
                      delegation: (
                        <bdi key="delegation" translate="no">
                          {member.delegation}
                        </bdi>
                      ),
                    })}
                  </span>
                )}
                <input
                  type="text"
                  dir="auto"
                  className="proposal-reason"
                  aria-label={t('proposals.stanceReasonLabel')}
                  placeholder={t('proposals.stanceReasonPlaceholder')}
                  maxLength={maxReasonChars}
                  value={stanceReason}
                  onChange={(event) => setStanceReason(event.target.value)}
                />
                <button type="button" className="button-support" disabled={busy} aria-pressed={myStance?.stance === 'support'} onClick={() => void stance('support')}>
                  {t('proposals.support')}
                </button>
                <button type="button" className="button-object" disabled={busy} aria-pressed={myStance?.stance === 'object'} onClick={() => void stance('object')}>
                  {t('proposals.object')}
                </button>
              </div>
            )}
            {own && mode === 'reading' && (
              <div className="proposal-own">
                {actions.canEdit && (
                  <button type="button" className="button-link" onClick={() => setMode('editing')}>
                    {t('proposals.edit')}
                  </button>
                )}
                <button type="button" className="button-link" onClick={() => setMode('confirming-withdraw')}>
                  {t('proposals.withdraw')}
                </button>
              </div>
            )}
            {own && mode === 'confirming-withdraw' && (
              <div className="comment-confirm" role="group" aria-label={t('proposals.confirmWithdrawal')}>
                <span>{t('proposals.withdrawQuestion')}</span>
                <button type="button" className="button-danger" disabled={busy} onClick={() => void run(() => withdrawProposal(documentId, proposal.id), () => setMode('reading'))}>
                  {t('proposals.withdrawProposal')}
                </button>
                <button type="button" className="button-quiet" onClick={() => setMode('reading')}>
                  {t('proposals.keepIt')}
                </button>
              </div>
            )}
            {(canDecide || canBracket) && mode !== 'rejecting' && (
              <div className="proposal-decide" role="group" aria-label={t('proposals.decision')}>
                {canDecide && (
                  <button
                    type="button"
                    disabled={busy || proposal.outdated}
                    title={proposal.outdated ? t('proposals.acceptOutdatedTitle') : t('proposals.acceptTitle')}
                    onClick={() => void run(() => acceptProposal(documentId, proposal.id))}
                  >
                    {t('proposals.accept')}
                  </button>
                )}
                {canDecide && (
                  <button type="button" className="button-quiet" disabled={busy} onClick={() => setMode('rejecting')}>
                    {t('proposals.rejectEllipsis')}
                  </button>
                )}
                {canBracket && (
                  <button
                    type="button"
                    className="button-quiet"
                    disabled={busy}
                    title={t('proposals.bracketTitle')}
                    onClick={() => void run(() => bracketProposal(documentId, proposal.id))}
                  >
                    {t('proposals.bracket')}
                  </button>
                )}
              </div>
            )}
            {mode === 'rejecting' && (
              <form
                className="proposal-reject"
                onSubmit={(event) => {
                  event.preventDefault()
                  if (!reason.trim()) return setError(new Error(t('proposals.errorNoReason')))
                  void run(() => rejectProposal(documentId, proposal.id, reason.trim()), () => setMode('reading'))
                }}
              >
                <label>
                  {t('proposals.rejectReasonLabel')}
                  <input type="text" dir="auto" value={reason} maxLength={maxReasonChars} autoFocus onChange={(event) => setReason(event.target.value)} />
                </label>
                <button type="submit" className="button-danger" disabled={busy}>
                  {t('proposals.reject')}
                </button>
                <button type="button" className="button-quiet" onClick={() => setMode('reading')}>
                  {t('proposals.cancel')}
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
