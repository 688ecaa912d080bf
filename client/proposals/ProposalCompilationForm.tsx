/** "Compilation of proposals": the rolling text, block by block with every proposal under it, as DOCX, Markdown or JSON; with a preview. */
import { useId, useState, type FormEvent } from 'react'
import type { CompiledProposal, ProposalCompilationFormat } from '../../shared/schema/proposals.ts'
import { getProposalCompilation, proposalCompilationUrl } from '../api/proposals.ts'
import { ChoiceGroup, DownloadAndPreview } from '../app/CompilationControls.tsx'
import { fileFormatLabels } from '../app/fileFormatLabels.ts'
import { LoadState } from '../app/LoadState.tsx'
import { useLoad } from '../app/useLoad.ts'
import { formatList, t, tx } from '../i18n/i18n.ts'
import { useDownload } from '../revisions/useDownload.ts'
import { statusLabel } from './proposalList.ts'
import { decisionText } from './decisionText.tsx'
import { blockLabel } from './proposalLocation.ts'
import { proposalKindName } from './proposalTarget.ts'
import { withReason } from './suggestion.ts'

const formats: ProposalCompilationFormat[] = ['docx', 'md', 'json']

export function ProposalCompilationForm({ documentId }: { documentId: string }) {
  const [format, setFormat] = useState<ProposalCompilationFormat>('docx')
  const [previewing, setPreviewing] = useState(false)
  const [state, download, reset] = useDownload()
  const name = useId()
  const previewId = useId()

  const submit = (event: FormEvent) => {
    event.preventDefault()
    void download(proposalCompilationUrl(documentId, format), `${documentId}-proposals.${format}`)
  }

  return (
    <details className="compilation proposal-compilation" data-testid="proposal-compilation">
      <summary>{t('proposals.compilation')}</summary>
      <form className="compilation-form" onSubmit={submit} aria-label={t('proposals.compilation')}>
        <p className="hint">{t('proposals.compilationHint')}</p>
        <ChoiceGroup
          legend={t('proposals.compilationFormat')}
          name={`${name}-format`}
          options={formats}
          labels={fileFormatLabels(formats)}
          value={format}
          onChange={(option) => {
            setFormat(option)
            reset()
          }}
        />
        <DownloadAndPreview state={state} previewing={previewing} previewId={previewId} onTogglePreview={() => setPreviewing(!previewing)} />
        <div id={previewId}>{previewing && <CompilationPreview documentId={documentId} />}</div>
      </form>
    </details>
  )
}

function stanceList(stances: CompiledProposal['supporters']) {
  return (
    <bdi key="delegations" translate="no">
      {formatList(stances.map(withReason))}
    </bdi>
  )
}

function CompiledEntry({ proposal }: { proposal: CompiledProposal }) {
  return (
    <li className={`compiled-proposal is-${proposal.status}`}>
      <span className="compiled-head">
        {proposalKindName(proposal.kind)}
        {' · '}
        <strong translate="no" dir="auto">
          {proposal.proposer}
        </strong>
        {' · '}
        {statusLabel(proposal.status)}
        {proposal.outdated && (
          <>
            {' · '}
            {t('proposals.outdated')}
          </>
        )}
      </span>
      {/* The passage it replaces or deletes, as the downloads show it. */}
      {proposal.quote && (proposal.kind === 'replace' || proposal.kind === 'delete') && (
        <del className="proposal-old" translate="no" dir="auto">
          {proposal.quote}
        </del>
      )}
      {proposal.text && (
        <ins className="proposal-new" translate="no" dir="auto">
          {proposal.text}
        </ins>
      )}
      {proposal.supporters.length > 0 && <span className="stance-support">{tx('proposals.supportedBy', { delegations: stanceList(proposal.supporters) })}</span>}
      {proposal.objectors.length > 0 && <span className="stance-object">{tx('proposals.objections', { delegations: stanceList(proposal.objectors) })}</span>}
      {proposal.decision && (
        <span className={`proposal-decision decision-${proposal.decision.status}`}>
          {decisionText(proposal.decision, proposal.decision.by)}
        </span>
      )}
    </li>
  )
}

/** The compilation as the server builds it: the blocks that carry proposals, each with its proposals. */
function CompilationPreview({ documentId }: { documentId: string }) {
  const [loaded, reload] = useLoad(() => getProposalCompilation(documentId), [documentId])
  return (
    <section className="compilation-preview" aria-label={t('proposals.compilationPreview')}>
      <LoadState loaded={loaded} what={t('proposals.compilationLoadWhat')} retry={reload}>
        {(compilation) => {
          const blocks = compilation.blocks.filter((block) => block.proposals.length > 0)
          const count = blocks.reduce((sum, block) => sum + block.proposals.length, 0) + compilation.outdated.length
          return (
            <>
              <p className="compilation-summary" role="status">
                {count === 0 ? t('proposals.noProposals') : t('proposals.compilationSummary', { count, blocks: blocks.length })}
              </p>
              <ol className="compiled-blocks">
                {blocks.map((block, index) => (
                  <li key={`${index}:${block.label}`}>
                    <p className="compiled-block">
                      <span className="proposal-where">{blockLabel(block)}</span>{' '}
                      <span translate="no" dir="auto">
                        {block.text.length > 140 ? `${block.text.slice(0, 139)}…` : block.text}
                      </span>
                    </p>
                    <ul className="compiled-proposals">
                      {block.proposals.map((proposal) => (
                        <CompiledEntry key={proposal.id} proposal={proposal} />
                      ))}
                    </ul>
                  </li>
                ))}
                {compilation.outdated.length > 0 && (
                  <li>
                    <p className="compiled-block">
                      <span className="proposal-where">{t('proposals.outdated')}</span> {t('proposals.outdatedBlock')}
                    </p>
                    <ul className="compiled-proposals">
                      {compilation.outdated.map((proposal) => (
                        <CompiledEntry key={proposal.id} proposal={proposal} />
                      ))}
                    </ul>
                  </li>
                )}
              </ol>
              <button type="button" className="button-link" onClick={reload}>
                {t('proposals.refreshPreview')}
              </button>
            </>
          )
        }}
      </LoadState>
    </section>
  )
}
