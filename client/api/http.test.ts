import { expect, test } from 'vitest'
import { DocumentStatus } from '../../shared/schema/document.ts'
import { ApiError, checkedAnswer } from './http.ts'

test('an answer is read with its route schema; one that does not fit is an unexpected_response naming the field', () => {
  const status = {
    documentId: 'd',
    valid: true,
    problems: [],
    problemCount: 0,
    omittedProblems: 0,
    negotiation: { brackets: 0, alternatives: 0 },
    submittable: true,
    blocks: { open: 3, negotiating: 1, agreed: 2 },
    checkedAt: '2026-03-01T10:00:00.000Z',
  }
  expect(checkedAnswer(DocumentStatus, '/api/documents/d/status', status)).toEqual(status)
  const drifted = () => checkedAnswer(DocumentStatus, '/api/documents/d/status', { ...status, checkedAt: 1700000000000 })
  expect(drifted).toThrow(ApiError)
  expect(drifted).toThrow(/\/api\/documents\/d\/status .*checkedAt/)
  try {
    drifted()
  } catch (error) {
    expect((error as ApiError).code).toBe('unexpected_response')
  }
})
