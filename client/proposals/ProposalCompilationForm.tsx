/** "Compilation of proposals": the rolling text, block by block with every proposal under it, as DOCX, Markdown or JSON; with a preview. */
import { useId, useState, type FormEvent } from 'react'
import type { CompiledProposal, ProposalCompilationFormat } from '../../shared/schema/proposals.ts'
import { getProposalCompilation, proposalCompilationUrl } from '../api/proposals.ts'
import { ChoiceGroup, DownloadAndPreview } from '../app/CompilationControls.tsx'
import { LoadState } from '../app/LoadState.tsx'
import { useLoad } from '../app/useLoad.ts'
import { useDownload } from '../revisions/useDownload.ts'
import { proposalKindNames } from './proposalTarget.ts'

const formatLabels: Record<ProposalCompilationFormat, string> = { docx: 'Word (DOCX)', md: 'Markdown', json: 'JSON' }
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
      <summary>Compilation of proposals</summary>
      <form className="compilation-form" onSubmit={submit} aria-label="Compilation of proposals">
        <p className="hint">The text block by block, with every proposal under its block: proposed text, proposer, supporters, objectors, status.</p>
        <ChoiceGroup
          legend="Format"
          name={`${name}-format`}
          options={formats}
          labels={formatLabels}
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

function stanceList(stances: CompiledProposal['supporters']): string {
  return stances.map(({ delegation, reason }) => (reason ? `${delegation} (${reason})` : delegation)).join(', ')
}

function CompiledEntry({ proposal }: { proposal: CompiledProposal }) {
  return (
    <li className={`compiled-proposal is-${proposal.status}`}>
      <span className="compiled-head">
        {proposalKindNames[proposal.kind]} · <strong>{proposal.proposer}</strong> · {proposal.status}
        {proposal.outdated ? ' · outdated' : ''}
      </span>
      {proposal.text && <ins className="proposal-new">{proposal.text}</ins>}
      {proposal.supporters.length > 0 && <span className="stance-support">Supported by {stanceList(proposal.supporters)}</span>}
      {proposal.objectors.length > 0 && <span className="stance-object">Objections: {stanceList(proposal.objectors)}</span>}
    </li>
  )
}

/** The compilation as the server builds it: the blocks that carry proposals, each with its proposals. */
function CompilationPreview({ documentId }: { documentId: string }) {
  const [loaded, reload] = useLoad(() => getProposalCompilation(documentId), [documentId])
  return (
    <section className="compilation-preview" aria-label="Preview of the compilation of proposals">
      <LoadState loaded={loaded} what="the compilation" retry={reload}>
        {(compilation) => {
          const blocks = compilation.blocks.filter((block) => block.proposals.length > 0)
          const count = blocks.reduce((sum, block) => sum + block.proposals.length, 0) + compilation.outdated.length
          return (
            <>
              <p className="compilation-summary" role="status">
                {count === 0 ? 'No proposals yet.' : `${count} ${count === 1 ? 'proposal' : 'proposals'} on ${blocks.length} ${blocks.length === 1 ? 'block' : 'blocks'}`}
              </p>
              <ol className="compiled-blocks">
                {blocks.map((block, index) => (
                  <li key={`${index}:${block.label}`}>
                    <p className="compiled-block">
                      <span className="proposal-where">{block.label}</span> {block.text.length > 140 ? `${block.text.slice(0, 139)}…` : block.text}
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
                      <span className="proposal-where">Outdated</span> the text these were made on is gone
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
                Refresh preview
              </button>
            </>
          )
        }}
      </LoadState>
    </section>
  )
}
