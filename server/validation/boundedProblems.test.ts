import { describe, expect, it } from 'vitest'
import type { DraftProblem } from '../../shared/schema/validateDraft.ts'
import { boundProblems } from './boundedProblems.ts'

const problem = (index: number): DraftProblem => ({
  code: 'recommendation_unlinked',
  severity: 'error',
  message: `Recommendation R${index} is not linked ${'x'.repeat(2000)}`,
  recommendationId: 'i'.repeat(5000),
  recommendationNumber: index,
  path: Array.from({ length: 500 }, () => 0),
})

const noNegotiation = { negotiation: { brackets: 0, alternatives: 0 }, submittable: false }

describe('boundProblems', () => {
  it('lists the first problems only, says how many are left out, and keeps each problem short', () => {
    const bounded = boundProblems({ valid: false, problems: Array.from({ length: 1000 }, (_, index) => problem(index + 1)), ...noNegotiation }, 50)
    expect(bounded.valid).toBe(false)
    expect(bounded.problems.map((listed) => listed.recommendationNumber)).toEqual(Array.from({ length: 50 }, (_, index) => index + 1))
    expect(bounded.problemCount).toBe(1000)
    expect(bounded.omittedProblems).toBe(950)
    for (const listed of bounded.problems) {
      expect(listed.message.length).toBeLessThanOrEqual(500)
      expect(listed.recommendationId!.length).toBeLessThanOrEqual(200)
      expect(listed.path.length).toBeLessThanOrEqual(33)
    }
    expect(JSON.stringify(bounded).length).toBeLessThan(50 * 1000)
  })

  it('leaves a small validation as it is', () => {
    const small = { valid: true, problems: [{ code: 'recommendation_retired_ref', severity: 'warning', message: 'm', path: [1] } as DraftProblem], ...noNegotiation, submittable: true }
    expect(boundProblems(small, 200)).toEqual({ ...small, problemCount: 1, omittedProblems: 0 })
  })
})
