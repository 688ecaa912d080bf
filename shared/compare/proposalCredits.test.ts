import { describe, expect, it } from 'vitest'
import { builtInCatalogue } from '../framework/builtInCatalogue.ts'
import { toDraftModel } from '../model/toDraftModel.ts'
import { doc, paragraph, recommendation } from '../schema/draftBuilders.ts'
import { compareDrafts } from './compareDrafts.ts'
import { creditProposals } from './proposalCredits.ts'

const before = toDraftModel(
  doc(paragraph('States should cooperate on incidents.'), paragraph('The group met twice.'), recommendation('rec-1', ['norm-g'], 'Designate a point of contact.')),
  builtInCatalogue,
)
const after = toDraftModel(
  doc(
    paragraph('States shall cooperate on incidents.'),
    paragraph('The group met.'),
    paragraph('A paragraph Chile proposed.'),
    recommendation('rec-1', ['norm-g', 'cbm-7'], 'Designate a point of contact.'),
  ),
  builtInCatalogue,
)

describe('creditProposals', () => {
  const comparison = creditProposals(compareDrafts(before, after), [
    { kind: 'replace', delegation: 'Kenya', quote: 'should', text: 'shall', recommendationId: null },
    { kind: 'delete', delegation: 'Brazil', quote: ' twice', text: '', recommendationId: null },
    { kind: 'paragraph', delegation: 'Chile', quote: 'The group met twice.', text: 'A paragraph Chile proposed.', recommendationId: null },
    { kind: 'relink', delegation: 'Norway', quote: '', text: 'norm-g cbm-7', recommendationId: 'rec-1' },
  ])

  it('names the proposer of each accepted change on its block', () => {
    expect(comparison.blocks.map((block) => block.credits ?? [])).toEqual([
      ['replaced on the proposal of Kenya'],
      ['deleted on the proposal of Brazil'],
      ['added on the proposal of Chile'],
      ['links changed on the proposal of Norway'],
    ])
  })

  it('and in the table of recommendation changes', () => {
    expect(comparison.recommendations[0].credits).toEqual(['links changed on the proposal of Norway'])
  })

  it('names them as data too, for the interface to word in its own language', () => {
    expect(comparison.blocks.map((block) => block.creditedTo ?? [])).toEqual([
      [{ kind: 'replace', delegation: 'Kenya' }],
      [{ kind: 'delete', delegation: 'Brazil' }],
      [{ kind: 'paragraph', delegation: 'Chile' }],
      [{ kind: 'relink', delegation: 'Norway' }],
    ])
    expect(comparison.recommendations[0].creditedTo).toEqual([{ kind: 'relink', delegation: 'Norway' }])
  })

  it('credits a delegation once for proposals of one kind', () => {
    const twice = creditProposals(compareDrafts(before, after), [
      { kind: 'replace', delegation: 'Kenya', quote: 'should', text: 'shall', recommendationId: null },
      { kind: 'replace', delegation: 'Kenya', quote: 'should cooperate', text: 'shall cooperate', recommendationId: null },
    ])
    expect(twice.blocks[0]!.credits).toEqual(['replaced on the proposal of Kenya'])
    expect(twice.blocks[0]!.creditedTo).toEqual([{ kind: 'replace', delegation: 'Kenya' }])
  })

  it('credits nothing a proposal did not do', () => {
    const plain = creditProposals(compareDrafts(before, after), [{ kind: 'insert', delegation: 'Peru', quote: '', text: 'never written', recommendationId: null }])
    expect(plain.blocks.every((block) => block.credits === undefined && block.creditedTo === undefined)).toBe(true)
  })

  it('credits a replacement the word-level redline split into several pieces', () => {
    const from = toDraftModel(doc(paragraph('States should keep the supply chain of critical services trustworthy.')), builtInCatalogue)
    const to = toDraftModel(doc(paragraph('States should secure the supply chain of critical services end to end.')), builtInCatalogue)
    const credited = creditProposals(compareDrafts(from, to), [
      {
        kind: 'replace',
        delegation: 'Kenya',
        quote: 'keep the supply chain of critical services trustworthy',
        text: 'secure the supply chain of critical services end to end',
        recommendationId: null,
      },
    ])
    expect(credited.blocks.map((block) => block.credits)).toEqual([['replaced on the proposal of Kenya']])
  })
})
