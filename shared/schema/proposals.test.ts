import { toBase64 } from 'lib0/buffer'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { z } from 'zod'
import { proposalPayloads, RejectProposal, speakingFor, TakeStance } from './proposals.ts'

function messages(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input)
  return result.success ? [] : result.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ` : '') + issue.message)
}

const doc = new Y.Doc()
const fragment = doc.getXmlFragment('content')
const paragraph = new Y.XmlElement('paragraph')
fragment.insert(0, [paragraph])
paragraph.insert(0, [new Y.XmlText('States should cooperate.')])
const position = (index: number) =>
  toBase64(Y.encodeRelativePosition(Y.createRelativePositionFromTypeIndex(paragraph.get(0) as Y.XmlText, index)))
const anchor = { start: position(7), end: position(13), quote: 'should' }

describe('proposal payloads', () => {
  const { CreateProposal, EditProposal } = proposalPayloads(100)

  it('accepts each kind with what it needs, and drops author fields', () => {
    expect(CreateProposal.parse({ kind: 'replace', anchor, text: 'shall ', author: 'Brazil' })).toEqual({ kind: 'replace', anchor, text: 'shall ' })
    expect(CreateProposal.parse({ kind: 'delete', anchor, explanation: 'redundant' })).toEqual({ kind: 'delete', anchor, explanation: 'redundant' })
    expect(CreateProposal.parse({ kind: 'recommendation', anchor, text: 'x', refs: ['norm-g', 'norm-g', 'cbm-7'] })).toMatchObject({ refs: ['norm-g', 'cbm-7'] })
    expect(CreateProposal.parse({ kind: 'relink', recommendationId: 'r-1', refs: ['cbm-7'] })).toEqual({ kind: 'relink', recommendationId: 'r-1', refs: ['cbm-7'] })
  })

  it('names each problem: kind, text, refs, anchor', () => {
    expect(messages(CreateProposal, {})).toEqual(['kind: kind is required: one of replace, insert, delete, paragraph, recommendation, relink'])
    expect(messages(CreateProposal, { kind: 'amend' })).toEqual(['kind: kind must be one of: replace, insert, delete, paragraph, recommendation, relink'])
    expect(messages(CreateProposal, { kind: 'replace', anchor, text: '  ' })).toEqual(['text: text must not be empty'])
    expect(messages(CreateProposal, { kind: 'insert', anchor, text: 'x'.repeat(101) })).toEqual(['text: text must be at most 100 characters'])
    expect(messages(CreateProposal, { kind: 'recommendation', anchor, text: 'x', refs: [] })).toEqual([
      'refs: refs must name at least one framework element: every recommendation links to the framework',
    ])
    expect(messages(CreateProposal, { kind: 'recommendation', anchor, text: 'x' })).toEqual(['refs: refs is required'])
    expect(messages(CreateProposal, { kind: 'replace', anchor: { ...anchor, start: 'not a position' }, text: 'x' })).toEqual([
      "anchor.start: anchor.start must be a base64-encoded Yjs relative position into the document's content",
    ])
  })

  it('asks an edit to change something', () => {
    expect(messages(EditProposal, {})).toEqual(['name at least one of text, refs, explanation to change'])
    expect(EditProposal.parse({ text: 'shall' })).toEqual({ text: 'shall' })
  })
})

describe('stances and decisions', () => {
  it('takes support or objection with an optional reason', () => {
    expect(TakeStance.parse({ stance: 'object', reason: ' too strong ' })).toEqual({ stance: 'object', reason: 'too strong' })
    expect(messages(TakeStance, { stance: 'abstain' })).toEqual(['stance: stance must be one of: support, object'])
  })

  it('requires a reason to reject', () => {
    expect(messages(RejectProposal, {})).toEqual(['reason: reason is required'])
    expect(messages(RejectProposal, { reason: ' ' })).toEqual(['reason: reason must not be empty'])
  })
})

describe('speakingFor', () => {
  it('is the delegation, else the Secretariat or the member', () => {
    expect(speakingFor({ role: 'cofacilitator', delegation: 'Kenya', name: 'Amina' })).toBe('Kenya')
    expect(speakingFor({ role: 'secretariat', delegation: null, name: 'Ana' })).toBe('Secretariat')
    expect(speakingFor({ role: 'cofacilitator', delegation: null, name: 'Amina' })).toBe('Amina')
  })
})
