/** The compilation of proposals as DOCX: each block of the text, the proposals on it in a shaded box under it. */
import { BorderStyle, Paragraph } from 'docx'
import type { CompiledProposal, ProposalCompilation } from '../../shared/schema/proposals.ts'
import { docxHeading, docxText, numberIndent } from './docxBlocks.ts'
import { packDocx } from './docxPage.ts'
import { compilationSubtitle, compilationTitle, noProposalsOutdated, proposalBody, proposalHeading, proposalStances } from './proposalCompilation.ts'

const boxed = { left: { style: BorderStyle.SINGLE, size: 12, color: '2F5597', space: 8 } }

/** One boxed paragraph per proposal, its lines separated by breaks: Word lays out far fewer paragraphs. */
function proposalParagraphs(proposal: CompiledProposal): Paragraph[] {
  return [
    new Paragraph({
      indent: { left: numberIndent },
      border: boxed,
      spacing: { after: 160 },
      children: [
        ...docxText(proposalHeading(proposal), { bold: true, size: 20 }),
        ...docxText(`\n${proposalBody(proposal).join('\n')}`, { size: 20 }),
        ...docxText(`\n${proposalStances(proposal).join('\n')}`, { italics: true, size: 20 }),
      ],
    }),
  ]
}

export function proposalCompilationToDocx(compilation: ProposalCompilation): Promise<Uint8Array> {
  const title = compilationTitle(compilation)
  const children: Paragraph[] = []
  for (const block of compilation.blocks) {
    if (block.kind === 'heading') children.push(docxHeading(2, docxText(block.text)))
    else {
      const refs = block.refs && block.refs.length > 0 ? ` [${block.refs.join('; ')}]` : ''
      children.push(new Paragraph({ spacing: { after: 120 }, children: docxText(`${block.label}\t${block.text}${refs}`) }))
    }
    for (const proposal of block.proposals) children.push(...proposalParagraphs(proposal))
  }
  if (compilation.outdated.length > 0) {
    children.push(docxHeading(2, docxText(noProposalsOutdated)))
    for (const proposal of compilation.outdated) {
      children.push(new Paragraph({ children: docxText(`On: "${proposal.quote}"`, { italics: true }) }), ...proposalParagraphs(proposal))
    }
  }
  return packDocx({
    title,
    symbol: compilation.symbol,
    working: false,
    runningHead: [compilation.symbol, title, compilation.revision?.label].filter(Boolean).join(' | '),
    lines: [compilationSubtitle(compilation)],
    children,
  })
}
