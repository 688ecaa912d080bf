/** The compilation of proposals as Markdown: each block of the text, the proposals on it indented under it. */
import type { CompiledProposal, ProposalCompilation } from '../../shared/schema/proposals.ts'
import { escapeMarkdown } from './markup.ts'
import { compilationSubtitle, compilationTitle, noProposalsOutdated, proposalBody, proposalHeading, proposalStances } from './proposalCompilation.ts'

function proposalMarkdown(proposal: CompiledProposal): string {
  return [
    `> **${escapeMarkdown(proposalHeading(proposal))}**`,
    ...[...proposalBody(proposal), ...proposalStances(proposal)].map((line) => `> ${escapeMarkdown(line)}`),
  ].join('  \n')
}

export function proposalCompilationToMarkdown(compilation: ProposalCompilation): string {
  const parts: string[] = [
    ...(compilation.symbol ? [escapeMarkdown(compilation.symbol)] : []),
    `# ${escapeMarkdown(compilationTitle(compilation))}`,
    escapeMarkdown(compilationSubtitle(compilation)),
  ]
  for (const block of compilation.blocks) {
    if (block.kind === 'heading') parts.push(`## ${escapeMarkdown(block.text)}`)
    else {
      const refs = block.refs && block.refs.length > 0 ? ` [${block.refs.join('; ')}]` : ''
      parts.push(`${escapeMarkdown(`${block.label} ${block.text}${refs}`)}`)
    }
    parts.push(...block.proposals.map(proposalMarkdown))
  }
  if (compilation.outdated.length > 0) {
    parts.push(`## ${escapeMarkdown(noProposalsOutdated)}`)
    for (const proposal of compilation.outdated) parts.push(`> ${escapeMarkdown(`On: "${proposal.quote}"`)}`, proposalMarkdown(proposal))
  }
  return `${parts.join('\n\n')}\n`
}
