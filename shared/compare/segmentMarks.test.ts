import { describe, expect, it } from 'vitest'
import { builtInCatalogue } from '../framework/builtInCatalogue.ts'
import { toDraftModel } from '../model/toDraftModel.ts'
import type { DraftNodeJson } from '../schema/draftJson.ts'
import { doc, paragraph, recommendation, text } from '../schema/draftBuilders.ts'
import { compareDrafts } from './compareDrafts.ts'
import { blockRuns } from './segmentMarks.ts'

const draft = (...blocks: DraftNodeJson[]) => toDraftModel(doc(...blocks), builtInCatalogue)

describe('marks in the redline', () => {
  it('keeps italic and bold on equal, inserted and deleted words, each from its own version', () => {
    const comparison = compareDrafts(
      draft(paragraph(text('Guiding question:', 'bold'), ' ', text('Which threats concern delegations?', 'italic'))),
      draft(paragraph(text('Guiding question:', 'bold'), ' ', text('Which ICT threats concern delegations most?', 'italic'))),
    )
    expect(comparison.blocks[0].segments).toEqual([
      { op: 'equal', text: 'Guiding question:', bold: true },
      { op: 'equal', text: ' ' },
      { op: 'equal', text: 'Which ', italic: true },
      { op: 'insert', text: 'ICT ', italic: true },
      { op: 'equal', text: 'threats concern delegations ', italic: true },
      { op: 'insert', text: 'most', italic: true },
      { op: 'equal', text: '?', italic: true },
    ])
  })

  it('marks a deleted word as the earlier version had it', () => {
    const comparison = compareDrafts(draft(paragraph('States ', text('must', 'bold'), ' act.')), draft(paragraph('States should act.')))
    expect(comparison.blocks[0].segments).toEqual([
      { op: 'equal', text: 'States ' },
      { op: 'delete', text: 'must', bold: true },
      { op: 'insert', text: 'should' },
      { op: 'equal', text: ' act.' },
    ])
  })

  it('leaves segments without marks as they are, and reads a recommendation\'s paragraphs as lines', () => {
    const plain = compareDrafts(draft(paragraph('One two.')), draft(paragraph('One three.')))
    expect(plain.blocks[0].segments.every((segment) => !('bold' in segment) && !('italic' in segment))).toBe(true)
    const [block] = draft(recommendation('r', ['norm-g'], 'First line.', 'Second line.')).blocks
    expect(blockRuns(block).map((run) => run.text).join('')).toBe(block.text)
  })
})

describe('marks of deleted text found again exactly', () => {
  it('marks the deleted word itself, not an earlier one spelt the same', () => {
    const comparison = compareDrafts(draft(paragraph('not a ', text('not', 'bold'), ' b')), draft(paragraph('not a b')))
    const deleted = comparison.blocks[0].segments.filter((segment) => segment.op === 'delete')
    expect(deleted.map((segment) => [segment.text.trim(), segment.bold ?? false]).filter(([word]) => word !== '')).toEqual([['not', true]])
  })

  it('keeps a deleted bold word bold however the later text is spaced', () => {
    const comparison = compareDrafts(
      draft(paragraph('A good and ', text('bad', 'bold'), ' idea, bad luck.')),
      draft(paragraph('A   good   and      idea,    bad luck.')),
    )
    const deleted = comparison.blocks[0].segments.filter((segment) => segment.op === 'delete' && segment.text.trim() !== '')
    expect(deleted.map((segment) => [segment.text.trim(), segment.bold ?? false])).toEqual([['bad', true]])
  })
})
