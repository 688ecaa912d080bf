import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { ApiError, ErrorEnvelope, errorEnvelope, invalidPayload } from './apiError.ts'

describe('ErrorEnvelope', () => {
  it('accepts what errorEnvelope builds and refuses an empty code', () => {
    const envelope = errorEnvelope('thread_not_found', 'there is no comment thread "t1"', { threadId: 't1' })
    expect(ErrorEnvelope.parse(envelope)).toEqual(envelope)
    expect(ErrorEnvelope.safeParse({ error: { code: '', message: 'm' } }).error?.issues.map((i) => i.message)).toEqual([
      'error.code must not be empty',
    ])
    expect(errorEnvelope('x', 'y')).toEqual({ error: { code: 'x', message: 'y' } })
  })
})

describe('ApiError', () => {
  it('carries status, code, message and details into its envelope', () => {
    const error = new ApiError(409, 'revision_label_taken', 'the label "Rev.1" is taken', { label: 'Rev.1' })
    expect(error).toBeInstanceOf(Error)
    expect(error.toEnvelope()).toEqual({ error: { code: 'revision_label_taken', message: 'the label "Rev.1" is taken', details: { label: 'Rev.1' } } })
  })

  it('names each field of a rejected payload', () => {
    const result = z.object({ title: z.string().min(1, 'title must not be empty'), n: z.number() }).safeParse({ title: '' })
    const error = invalidPayload(result.error!)
    expect(error.status).toBe(400)
    expect(error.code).toBe('invalid_payload')
    expect(error.message).toMatch(/^title: title must not be empty; n: /)
    expect(error.details).toEqual([
      { path: 'title', message: 'title must not be empty' },
      { path: 'n', message: expect.any(String) },
    ])
  })
})
