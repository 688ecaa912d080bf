/** The compilation of proposals (pure): the text block by block, every proposal made on a block under it; lines shared by the writers. */
import type { DraftModel } from '../../shared/model/draftModel.ts'
import type { CompiledBlock, CompiledProposal, Proposal, ProposalCompilation, ProposalKind } from '../../shared/schema/proposals.ts'

export interface CompilationMeta {
  documentId: string
  title: string
  symbol: string | null
  revision: { id: number; label: string } | null
  generatedAt?: number
}

export const kindLabels: Record<ProposalKind, string> = {
  replace: 'Replace',
  insert: 'Insert',
  delete: 'Delete',
  paragraph: 'New paragraph',
  recommendation: 'New recommendation',
  relink: 'Change of links',
}

function compiled(proposal: Proposal): CompiledProposal {
  const side = (stance: 'support' | 'object') =>
    proposal.stances.filter((entry) => entry.stance === stance).map((entry) => ({ delegation: entry.delegation, reason: entry.reason }))
  return {
    id: proposal.id,
    kind: proposal.kind,
    status: proposal.status,
    outdated: proposal.outdated,
    quote: proposal.quote,
    text: proposal.text,
    refs: proposal.refs,
    explanation: proposal.explanation,
    proposer: proposal.proposer.delegation,
    supporters: side('support'),
    objectors: side('object'),
    decision: proposal.decision ? { status: proposal.decision.status, by: proposal.decision.by.name, reason: proposal.decision.reason } : null,
  }
}

/**
 * Every block of the text, each with the proposals placed on it (in the order given: document order, then oldest
 * first); withdrawn proposals are left out; those placed nowhere (their text is gone) are listed apart.
 */
export function compileProposals(model: DraftModel, proposals: readonly Proposal[], meta: CompilationMeta): ProposalCompilation {
  const byBlock = new Map<number, CompiledProposal[]>()
  const outdated: CompiledProposal[] = []
  for (const proposal of proposals) {
    if (proposal.status === 'withdrawn') continue
    const order = proposal.place?.order
    if (order === undefined || order >= model.blocks.length) {
      outdated.push(compiled(proposal))
      continue
    }
    let list = byBlock.get(order)
    if (!list) byBlock.set(order, (list = []))
    list.push(compiled(proposal))
  }
  const blocks: CompiledBlock[] = model.blocks.map((block, index) => ({
    kind: block.kind,
    number: block.kind === 'heading' ? null : block.number,
    label: block.kind === 'heading' ? '' : block.kind === 'paragraph' ? `${block.number}.` : `R${block.number}`,
    text: block.text,
    refs: block.kind === 'recommendation' ? block.refs.map((ref) => ref.label) : null,
    proposals: byBlock.get(index) ?? [],
  }))
  return {
    documentId: meta.documentId,
    title: meta.title,
    symbol: meta.symbol,
    revision: meta.revision,
    generatedAt: meta.generatedAt ?? Date.now(),
    blocks,
    outdated,
  }
}

export function compilationTitle(compilation: ProposalCompilation): string {
  return `Compilation of proposals: ${compilation.title}`
}

export function compilationSubtitle(compilation: ProposalCompilation): string {
  const version = compilation.revision ? compilation.revision.label : 'Current text'
  const date = new Date(compilation.generatedAt).toISOString().slice(0, 10)
  const count = compilation.blocks.reduce((sum, block) => sum + block.proposals.length, 0) + compilation.outdated.length
  return `${version}, compiled ${date}: ${count} proposal${count === 1 ? '' : 's'}`
}

/** "Replace (Kenya), open": the first line of a proposal. */
export function proposalHeading(proposal: CompiledProposal): string {
  const status = proposal.outdated ? `${proposal.status}, outdated` : proposal.status
  return `${kindLabels[proposal.kind]} (${proposal.proposer}): ${status}`
}

/** What it proposes, in words. */
export function proposalBody(proposal: CompiledProposal): string[] {
  const lines: string[] = []
  const quoted = proposal.quote.trim()
  if (proposal.kind === 'replace') lines.push(`"${quoted}" becomes "${proposal.text ?? ''}"`)
  else if (proposal.kind === 'insert') lines.push(`Insert "${proposal.text ?? ''}"`)
  else if (proposal.kind === 'delete') lines.push(`Delete "${quoted}"`)
  else if (proposal.kind === 'paragraph') lines.push(`New paragraph after this one: "${proposal.text ?? ''}"`)
  else if (proposal.kind === 'recommendation') lines.push(`New recommendation after this block: "${proposal.text ?? ''}" [${(proposal.refs ?? []).join('; ')}]`)
  else lines.push(`Links become: ${(proposal.refs ?? []).join('; ')}`)
  if (proposal.explanation) lines.push(`Explanation: ${proposal.explanation}`)
  return lines
}

const withReasons = (entries: CompiledProposal['supporters']) =>
  entries.map((entry) => (entry.reason ? `${entry.delegation} (${entry.reason})` : entry.delegation)).join('; ')

/** Supporters, objectors and the decision. */
export function proposalStances(proposal: CompiledProposal): string[] {
  const lines = [
    `Supported by: ${proposal.supporters.length > 0 ? withReasons(proposal.supporters) : 'none'}`,
    `Objections: ${proposal.objectors.length > 0 ? withReasons(proposal.objectors) : 'none'}`,
  ]
  if (proposal.decision) lines.push(`Decision: ${proposal.decision.status} by ${proposal.decision.by}${proposal.decision.reason ? `: ${proposal.decision.reason}` : ''}`)
  return lines
}

export const noProposalsOutdated = 'Proposals whose text is no longer in the document'
