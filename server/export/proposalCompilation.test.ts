import { describe, expect, it } from 'vitest'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { toDraftModel } from '../../shared/model/toDraftModel.ts'
import { doc, heading, paragraph, recommendation } from '../../shared/schema/draftBuilders.ts'
import type { Proposal } from '../../shared/schema/proposals.ts'
import { paragraphTexts, readDocx } from '../../tests/helpers/readDocx.ts'
import { compileProposals } from './proposalCompilation.ts'
import { proposalCompilationToDocx } from './proposalCompilationDocx.ts'
import { proposalCompilationToMarkdown } from './proposalCompilationMarkdown.ts'

const model = toDraftModel(doc(heading(1, 'Recommendations'), paragraph('States should cooperate.'), recommendation('rec-1', ['norm-g'], 'Designate contacts.')), builtInCatalogue)
const member = (id: number, name: string, delegation: string) => ({ id, name, role: 'delegation' as const, delegation, regionalGroup: null })

function proposal(over: Partial<Proposal>): Proposal {
  return {
    id: 'p',
    documentId: 'd',
    kind: 'replace',
    anchor: null,
    quote: 'should',
    text: 'shall',
    refs: null,
    recommendationId: null,
    explanation: null,
    proposer: { member: member(1, 'Delegate of Kenya', 'Kenya'), delegation: 'Kenya' },
    status: 'open',
    outdated: false,
    stances: [],
    decision: null,
    creditedTo: null,
    createdAt: 1,
    updatedAt: 1,
    place: { order: 1, blockKind: 'paragraph', number: 1, label: 'para. 1', recommendationId: null },
    ...over,
  }
}

const compilation = compileProposals(
  model,
  [
    proposal({
      id: 'a',
      stances: [
        { delegation: 'Brazil', stance: 'support', reason: null, member: member(2, 'Delegate of Brazil', 'Brazil'), at: 2 },
        { delegation: 'Norway', stance: 'object', reason: 'Too strong.', member: member(3, 'Delegate of Norway', 'Norway'), at: 3 },
      ],
    }),
    proposal({ id: 'b', kind: 'relink', quote: 'Designate contacts.', text: null, refs: ['norm-g', 'cbm-7'], place: { order: 2, blockKind: 'recommendation', number: 1, label: 'R1', recommendationId: 'rec-1' } }),
    proposal({ id: 'c', status: 'withdrawn' }),
    proposal({ id: 'd', kind: 'delete', quote: 'gone text', text: null, outdated: true, place: null }),
  ],
  { documentId: 'd', title: 'Recommendations', symbol: 'A/AC.292/1', revision: null, generatedAt: Date.UTC(2027, 0, 5) },
)

describe('compileProposals', () => {
  it('puts each proposal under its block, leaves withdrawn ones out, lists outdated ones apart', () => {
    expect(compilation.blocks.map((block) => [block.label, block.proposals.map((entry) => entry.id)])).toEqual([
      ['', []],
      ['1.', ['a']],
      ['R1', ['b']],
    ])
    expect(compilation.outdated.map((entry) => entry.id)).toEqual(['d'])
    expect(compilation.blocks[1].proposals[0]).toMatchObject({ supporters: [{ delegation: 'Brazil' }], objectors: [{ delegation: 'Norway', reason: 'Too strong.' }] })
  })

  it('writes Markdown: the block, then its proposals with proposer, stances and status', () => {
    const markdown = proposalCompilationToMarkdown(compilation)
    expect(markdown).toContain('# Compilation of proposals: Recommendations')
    expect(markdown).toContain('1\\. States should cooperate.')
    expect(markdown).toContain('> **Replace (Kenya): open**')
    expect(markdown).toContain('"should" becomes "shall"')
    expect(markdown).toContain('Objections: Norway (Too strong.)')
    expect(markdown).toContain('Delete (Kenya): open, outdated')
  })

  it('writes DOCX with the same content', async () => {
    const texts = paragraphTexts(readDocx(await proposalCompilationToDocx(compilation)).document).flatMap((text) => text.split('\n'))
    expect(texts).toContain('1.\tStates should cooperate.')
    expect(texts).toContain('Replace (Kenya): open')
    expect(texts).toContain('Supported by: Brazil')
    expect(texts).toContain('Links become: norm-g; cbm-7')
  })
})
