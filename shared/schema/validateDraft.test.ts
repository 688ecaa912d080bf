import { describe, expect, it } from 'vitest'
import { builtInCatalogue } from '../framework/builtInCatalogue.ts'
import { mergeCatalogue } from '../framework/mergeCatalogue.ts'
import { doc, heading, paragraph, recommendation } from './draftBuilders.ts'
import { negotiationRemaining, validateDraft } from './validateDraft.ts'

const catalogue = builtInCatalogue
const withRetiredCbm8 = mergeCatalogue(builtInCatalogue, { version: 't', elements: [{ id: 'cbm-8', retired: true }] })

describe('validateDraft', () => {
  it('accepts a draft whose recommendations are all linked, named and written', () => {
    const draft = doc(
      heading(1, 'Recommendations'),
      paragraph('Preamble.'),
      recommendation('r1', ['norm-g', 'cbm-7'], 'Protect infrastructure.'),
      recommendation('r2', ['threats'], 'Study ransomware.'),
    )
    expect(validateDraft(draft, catalogue)).toEqual({ valid: true, problems: [], negotiation: { brackets: 0, alternatives: 0 }, submittable: true })
  })

  it('accepts a draft without recommendations', () => {
    expect(validateDraft(doc(paragraph('Only a summary.')), catalogue).valid).toBe(true)
  })

  it('reports an unlinked recommendation with its id, number and path', () => {
    const result = validateDraft(doc(paragraph('x'), recommendation('r1', [], 'Text.')), catalogue)
    expect(result.valid).toBe(false)
    expect(result.problems).toEqual([
      {
        code: 'recommendation_unlinked',
        severity: 'error',
        message: 'Recommendation R1 is not linked to any framework element',
        recommendationId: 'r1',
        recommendationNumber: 1,
        path: [1],
      },
    ])
  })

  it('reads refs that are not a list as no links', () => {
    const draft = doc({ ...recommendation('r1', [], 'x'), attrs: { id: 'r1', refs: 'norm-g' } })
    expect(validateDraft(draft, catalogue).problems.map((problem) => problem.code)).toEqual(['recommendation_unlinked'])
  })

  it('reports each ref the catalogue does not know', () => {
    const result = validateDraft(doc(recommendation('r1', ['norm-g', 'norm-z', 'cbm-99'], 'x')), catalogue)
    expect(result.valid).toBe(false)
    expect(result.problems.map(({ code, ref, severity }) => ({ code, ref, severity }))).toEqual([
      { code: 'recommendation_unknown_ref', ref: 'norm-z', severity: 'error' },
      { code: 'recommendation_unknown_ref', ref: 'cbm-99', severity: 'error' },
    ])
    expect(result.problems[0].message).toBe('Recommendation R1 links to "norm-z", which is not in the framework catalogue')
  })

  it('allows a retired ref but warns about it', () => {
    const result = validateDraft(doc(recommendation('r1', ['cbm-8'], 'x')), withRetiredCbm8)
    expect(result.valid).toBe(true)
    expect(result.problems).toEqual([
      expect.objectContaining({
        code: 'recommendation_retired_ref',
        severity: 'warning',
        ref: 'cbm-8',
        message: 'Recommendation R1 links to CBM 8 (cbm-8), which the catalogue has retired',
      }),
    ])
  })

  it('reports a retired ref that is the only link as a warning, not as unlinked', () => {
    const codes = validateDraft(doc(recommendation('r1', ['cbm-8'], 'x')), withRetiredCbm8).problems.map((p) => p.code)
    expect(codes).toEqual(['recommendation_retired_ref'])
  })

  it('reports every recommendation that repeats an earlier id', () => {
    const draft = doc(
      recommendation('same', ['norm-a'], 'one'),
      recommendation('same', ['norm-b'], 'two'),
      recommendation('same', ['norm-c'], 'three'),
    )
    const result = validateDraft(draft, catalogue)
    expect(result.valid).toBe(false)
    expect(result.problems.map(({ code, recommendationNumber, message }) => ({ code, recommendationNumber, message }))).toEqual([
      { code: 'recommendation_duplicate_id', recommendationNumber: 2, message: 'Recommendation R2 has the same id as recommendation R1 (same)' },
      { code: 'recommendation_duplicate_id', recommendationNumber: 3, message: 'Recommendation R3 has the same id as recommendation R1 (same)' },
    ])
  })

  it('reports a missing or blank id', () => {
    const noId = { ...recommendation('x', ['norm-a'], 'text'), attrs: { refs: ['norm-a'] } }
    const blankId = recommendation('  ', ['norm-a'], 'text')
    const result = validateDraft(doc(noId, blankId), catalogue)
    expect(result.problems.map(({ code, recommendationNumber, recommendationId }) => ({ code, recommendationNumber, recommendationId }))).toEqual([
      { code: 'recommendation_missing_id', recommendationNumber: 1, recommendationId: undefined },
      { code: 'recommendation_missing_id', recommendationNumber: 2, recommendationId: undefined },
    ])
    expect(result.problems[0]).not.toHaveProperty('recommendationId')
  })

  it('reports a recommendation with no text', () => {
    const result = validateDraft(doc(recommendation('r1', ['norm-a'], paragraph(), paragraph('   '))), catalogue)
    expect(result.problems.map((problem) => problem.code)).toEqual(['recommendation_empty'])
    expect(result.valid).toBe(false)
  })

  it('reports every problem of every recommendation at once, in document order', () => {
    const draft = doc(
      recommendation('r1', ['norm-g'], 'fine'),
      recommendation('r2', [], paragraph()),
      paragraph('between'),
      recommendation('r1', ['nope', 'cbm-8'], 'dup'),
    )
    const result = validateDraft(draft, withRetiredCbm8)
    expect(result.valid).toBe(false)
    expect(result.problems.map(({ code, recommendationNumber, path }) => [code, recommendationNumber, path])).toEqual([
      ['recommendation_unlinked', 2, [1]],
      ['recommendation_empty', 2, [1]],
      ['recommendation_duplicate_id', 3, [3]],
      ['recommendation_unknown_ref', 3, [3]],
      ['recommendation_retired_ref', 3, [3]],
    ])
  })

  it('rejects input that is not a ProseMirror doc', () => {
    for (const input of [null, 'doc', { type: 'paragraph' }, { type: 'doc', content: {} }]) {
      expect(validateDraft(input, catalogue)).toMatchObject({ valid: false, problems: [{ code: 'document_malformed', path: [] }] })
    }
  })

  it('refuses a draft nested deeper than any real text, in one short problem, however deep it goes', () => {
    let node = recommendation('r-0', ['norm-g'], 'x')
    for (let depth = 1; depth < 3000; depth++) node = { ...recommendation(`r-${depth}`, ['norm-g'], 'x'), content: [paragraph('x'), node] }
    const result = validateDraft(doc(node), catalogue)
    expect(result.valid).toBe(false)
    expect(result.problems).toEqual([expect.objectContaining({ code: 'document_too_deep', path: [] })])
    expect(JSON.stringify(result).length).toBeLessThan(500)
  })

  it('reports a recommendation inside a recommendation: it holds paragraphs only', () => {
    const inner = recommendation('inner', ['norm-g'], 'Inner.')
    const outer = { ...recommendation('outer', ['norm-g'], 'Outer.'), content: [paragraph('Outer.'), inner] }
    const result = validateDraft(doc(outer), catalogue)
    expect(result.valid).toBe(false)
    expect(result.problems).toEqual([
      expect.objectContaining({ code: 'recommendation_nested', recommendationId: 'inner', recommendationNumber: 2, path: [0, 1] }),
    ])
    expect(result.problems[0].message).toBe('Recommendation R2 sits inside recommendation R1; a recommendation holds paragraphs only')
  })

  it('quotes a huge ref or id shortened, not whole', () => {
    const result = validateDraft(doc(recommendation('r1', ['x'.repeat(100_000)], 'Text.')), catalogue)
    expect(result.problems[0].message.length).toBeLessThan(300)
    expect(result.problems[0].ref!.length).toBeLessThanOrEqual(120)
  })
})

describe('negotiationRemaining', () => {
  it('names what is left to settle, leaving out what is not left', () => {
    expect(negotiationRemaining({ brackets: 1, alternatives: 0 })).toBe('1 bracketed passage remains')
    expect(negotiationRemaining({ brackets: 0, alternatives: 2 })).toBe('2 blocks of alternatives remain')
    expect(negotiationRemaining({ brackets: 2, alternatives: 1 })).toBe('2 bracketed passages and 1 block of alternatives remain')
  })
})
