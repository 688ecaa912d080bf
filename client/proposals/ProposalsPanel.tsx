/** Proposals on the draft: propose on a selection, the list in document order with filters, stances and decisions, live. */
import { useEditorState } from '@tiptap/react'
import { draftNumberingKey } from '../editor/draftNumbering.ts'
import { LoadNotice } from '../app/LoadState.tsx'
import type { Editor } from '@tiptap/core'
import { useCallback, useEffect, useMemo, useRef, useState } from 'react'
import { resolveRef } from '../../shared/framework/lookup.ts'
import { speakingFor, type Proposal } from '../../shared/schema/proposals.ts'
import { propose } from '../api/proposals.ts'
import type { DocumentDetail, SignedInMember } from '../api/types.ts'
import { pending } from '../comments/anchors.ts'
import { CommentBubble } from '../comments/CommentBubble.tsx'
import { useCatalogue } from '../editor/CatalogueContext.ts'
import { findRecommendation, refsOf } from '../editor/recommendationCommands.ts'
import { t, tx } from '../i18n/i18n.ts'
import { ProposalCard, type ProposalActions } from './ProposalCard.tsx'
import { ProposalCompilationForm } from './ProposalCompilationForm.tsx'
import { ProposalForm } from './ProposalForm.tsx'
import { blockLabel, locationAt } from './proposalLocation.ts'
import { compareInText, defaultFilters, matches, proposingDelegations, statusCounts, statusFilterLabel, statusFilters, toSuggestion, type ProposalFilters } from './proposalList.ts'
import { draftFor, kindsFor, proposalTarget, type ProposalTarget } from './proposalTarget.ts'
import { suggestionPlacements, useSuggestions } from './useSuggestions.ts'
import { decidedPositions } from './decidedPlaces.ts'
import { useProposals } from './useProposals.ts'
import { InputsClosedNote } from '../stage/InputsClosedNote.tsx'
import '../styles/proposals.css'
import { TextQuote } from '../editor/TextQuote.tsx'
import { focusedNow, returnFocus } from '../app/returnFocus.ts'

const isMac = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform)
const shortcut = isMac ? '⌘⌥P' : 'Ctrl+Alt+P'

/** Where the server last placed a proposal, when the text here cannot say. */
const placeLabel = ({ place }: Proposal) => (place ? blockLabel({ kind: place.blockKind, ...place }) : null)

export interface ProposalsPanelProps {
  editor: Editor
  detail: Pick<DocumentDetail, 'document' | 'permissions'>
  member: SignedInMember
  /** When the comment period on the current revision closed (the live stage's), or null while proposals are taken. */
  inputsClosedAt?: number | null
}

export function ProposalsPanel({ editor, detail, member, inputsClosedAt = null }: ProposalsPanelProps) {
  const documentId = detail.document.id
  const { permissions } = detail
  const catalogue = useCatalogue()
  const { proposals, load, reload, change } = useProposals(documentId)
  const [activeId, setActiveId] = useState<string | null>(null)
  const [filters, setFilters] = useState<ProposalFilters>(defaultFilters)
  const [target, setTarget] = useState<ProposalTarget | null>(null)
  const [hint, setHint] = useState<string | null>(null)
  const list = useRef<HTMLOListElement>(null)
  // Once the period closed, nothing new is taken (the server refuses it): no new proposal or edit is offered.
  const inputsOpen = inputsClosedAt === null
  const canPropose = permissions.propose && inputsOpen
  const me = speakingFor(member)

  const known = useRef(proposals)
  known.current = proposals

  /** A chip in the text was chosen: its card is shown, the filters cleared if they hid it. */
  const showProposal = useCallback((proposalId: string) => {
    setActiveId(proposalId)
    const proposal = known.current.find((one) => one.id === proposalId)
    setFilters((current) => (!proposal || matches(proposal, current, me) ? current : defaultFilters))
    requestAnimationFrame(() => list.current?.querySelector(`[data-proposal-id="${CSS.escape(proposalId)}"]`)?.scrollIntoView({ block: 'nearest' }))
  }, [me])

  const suggestions = useMemo(() => {
    const refLabel = (ref: string) => resolveRef(catalogue, ref).element?.label ?? ref
    const currentRefs = (id: string) => {
      const found = editor.isDestroyed ? null : findRecommendation(editor.state.doc, id)
      return found ? refsOf(found.node) : null
    }
    return proposals.map((proposal) => toSuggestion(proposal, refLabel, currentRefs))
  }, [proposals, catalogue, editor])
  const layoutVersion = useSuggestions(editor, suggestions, activeId, showProposal)

  // The places are read again whenever the text's numbering has been counted anew with a different result (the
  // numbering keeps its decorations when the numbers stay the same).
  const counted = useRef<unknown>(null)
  const numbers = useEditorState({
    editor,
    selector: ({ editor: current }) => {
      if (current.isDestroyed) return null
      const numbering = draftNumberingKey.getState(current.state)
      if (numbering && !numbering.stale) counted.current = numbering.decorations
      return counted.current
    },
    equalityFn: (a, b) => a === b,
  })
  const placed = useMemo(() => {
    const placements = suggestionPlacements(editor)
    const listed = proposals.map((proposal) => ({ proposal, placement: placements.get(proposal.id) ?? pending })).sort(compareInText)
    // Decided ones (the text shows open ones as suggestions) are placed in it as it is now, not where the server last said.
    const decided = editor.isDestroyed ? new Map<string, number>() : decidedPositions(editor.state, listed.filter(({ proposal, placement }) => proposal.status !== 'open' && placement.kind !== 'attached').map(({ proposal }) => proposal))
    return listed.map((entry) => {
      const at = entry.placement.kind === 'attached' ? entry.placement.from : decided.get(entry.proposal.id)
      return { ...entry, location: (at === undefined || editor.isDestroyed ? null : locationAt(editor.state, at)) ?? placeLabel(entry.proposal) }
    })
  }, [editor, proposals, layoutVersion, numbers])
  const shown = placed.filter(({ proposal }) => matches(proposal, filters, me))
  const counts = statusCounts(proposals)
  const delegations = proposingDelegations(proposals)

  /** What had focus when the form opened (the text, the Propose button): focus goes back there when it is cancelled. */
  const opener = useRef<HTMLElement | null>(null)
  const startProposal = useCallback(() => {
    if (editor.isDestroyed) return
    const answer = proposalTarget(editor.state)
    if ('hint' in answer) return setHint(answer.hint)
    setHint(null)
    opener.current = focusedNow()
    setTarget(answer.target)
  }, [editor])
  const cancelProposal = () => {
    setTarget(null)
    returnFocus(opener.current)
    opener.current = null
  }

  useEffect(() => {
    if (!canPropose) return
    const onKeyDown = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyP') {
        event.preventDefault()
        startProposal()
      }
    }
    document.addEventListener('keydown', onKeyDown)
    return () => document.removeEventListener('keydown', onKeyDown)
  }, [canPropose, startProposal])

  const actions: ProposalActions = useMemo(
    () => ({ documentId, member, canDecide: permissions.decideProposals, canBracket: permissions.bracketProposals, canEdit: inputsOpen, change }),
    [documentId, member, permissions.decideProposals, permissions.bracketProposals, inputsOpen, change],
  )

  const reveal = (proposalId: string) => {
    setActiveId(proposalId)
    requestAnimationFrame(() => editor.view.dom.querySelector(`[data-proposal-id="${CSS.escape(proposalId)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' }))
  }

  return (
    <section className="side-panel proposals-panel" aria-labelledby="proposals-heading" data-testid="proposals-panel">
      <div className="comments-heading-row">
        <h2 id="proposals-heading">{t('proposals.heading')}</h2>
        {canPropose && (
          <button
            type="button"
            className="button-quiet"
            onMouseDown={(event) => event.preventDefault()}
            onClick={startProposal}
            title={t('proposals.proposeTitle', { shortcut })}
            aria-keyshortcuts={isMac ? 'Meta+Alt+P' : 'Control+Alt+P'}
          >
            {t('proposals.proposeEllipsis')}
          </button>
        )}
      </div>
      {permissions.propose && inputsClosedAt !== null && <InputsClosedNote closedAt={inputsClosedAt} />}
      {member.role === 'stakeholder' && <p className="hint proposals-by-states">{t('proposals.byStatesOnly')}</p>}
      <p className="panel-summary" role="status">
        {load.status === 'ready' ? t('proposals.summary', { open: counts.open, accepted: counts.accepted, rejected: counts.rejected, bracketed: counts.bracketed }) : ''}
      </p>
      {hint && (
        <p className="hint comment-hint" role="status">
          {hint}
        </p>
      )}
      {target && (
        <div className="new-proposal">
          <p className="new-thread-quote">
            {target.location && <span className="proposal-where">{target.location}</span>}{' '}
            {target.passage.quote ? (
              <TextQuote>
                {target.passage.quote}
              </TextQuote>
            ) : (
              <span className="hint">{t('proposals.atCursor')}</span>
            )}
          </p>
          <ProposalForm
            kinds={kindsFor(target)}
            initial={{}}
            currentRefs={target.recommendation?.refs ?? []}
            submitLabel={t('proposals.sendProposal')}
            onSubmit={async (fields) => {
              const proposal = await change(() => propose(documentId, draftFor(target, fields)))
              setTarget(null)
              setFilters((current) => (matches(proposal, current, me) ? current : defaultFilters))
              setActiveId(proposal.id)
            }}
            onCancel={cancelProposal}
          />
        </div>
      )}
      <div className="proposal-filters" role="group" aria-label={t('proposals.filters')}>
        <div className="proposal-status-filter" role="radiogroup" aria-label={t('proposals.filterStatus')}>
          {statusFilters.map((status) => (
            <button key={status} type="button" role="radio" aria-checked={filters.status === status} className={filters.status === status ? 'is-on' : ''} onClick={() => setFilters({ ...filters, status })}>
              {statusFilterLabel(status)}
            </button>
          ))}
        </div>
        <label className="proposal-filter">
          {t('proposals.filterDelegation')}
          <select value={filters.delegation ?? ''} onChange={(event) => setFilters({ ...filters, delegation: event.target.value || null })}>
            <option value="">{t('proposals.filterAllDelegations')}</option>
            {delegations.map((delegation) => (
              <option key={delegation} value={delegation} translate="no" dir="auto">
                {delegation}
              </option>
            ))}
          </select>
        </label>
        {canPropose && (
          <label className="proposal-filter proposal-mine">
            <input type="checkbox" checked={filters.mine} onChange={(event) => setFilters({ ...filters, mine: event.target.checked })} />
            <span>
              {tx('proposals.filterMine', {
                delegation: (
                  <bdi key="delegation" translate="no">
                    {me}
                  </bdi>
                ),
              })}
            </span>
          </label>
        )}
      </div>
      <LoadNotice loading={load.status === 'loading'} error={load.status === 'failed' ? load.error : null} what={t('proposals.loadWhat')} retry={reload} />
      {load.status === 'ready' && shown.length === 0 && (
        <p className="comments-empty">
          {proposals.length === 0 ? t('proposals.noProposals') : t('proposals.emptyFiltered')}
          {canPropose && proposals.length === 0 ? ` ${t('proposals.emptyHowTo', { shortcut })}` : ''}
        </p>
      )}
      <ol className="thread-list proposal-list" ref={list} aria-label={t('proposals.listLabel')}>
        {shown.map(({ proposal, placement, location }) => (
          <li key={proposal.id}>
            <ProposalCard
              proposal={proposal}
              placement={placement}
              location={location}
              active={proposal.id === activeId}
              actions={actions}
              onSelect={() => reveal(proposal.id)}
            />
          </li>
        ))}
      </ol>
      <ProposalCompilationForm documentId={documentId} />
      {canPropose && (
        <CommentBubble
          editor={editor}
          shortcut={shortcut}
          onComment={startProposal}
          labels={{ label: t('proposals.propose'), title: t('proposals.proposeBubbleTitle', { shortcut }), testId: 'propose-bubble', className: 'comment-bubble proposal-bubble' }}
        />
      )}
    </section>
  )
}
