import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { oneOf, requiredBoolean, requiredText } from './fields.ts'

function messages(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input)
  return result.success ? [] : result.error.issues.map((issue) => issue.message)
}

describe('requiredText', () => {
  const title = requiredText('title', { max: 5 })

  it('names the field when it is missing, not text, blank or too long', () => {
    expect(messages(title, undefined)).toEqual(['title is required'])
    expect(messages(title, 42)).toEqual(['title must be text'])
    expect(messages(title, '   ')).toEqual(['title must not be empty'])
    expect(messages(title, 'abcdef')).toEqual(['title must be at most 5 characters'])
  })

  it('trims surrounding spaces', () => {
    expect(title.parse('  ab  ')).toBe('ab')
  })

  it('states a minimum above one in characters', () => {
    expect(messages(requiredText('code', { min: 3, max: 9 }), 'ab')).toEqual(['code must be at least 3 characters'])
  })
})

describe('requiredBoolean and oneOf', () => {
  it('name the field and the allowed values', () => {
    expect(messages(requiredBoolean('verified'), 'yes')).toEqual(['verified must be true or false'])
    expect(messages(requiredBoolean('verified'), undefined)).toEqual(['verified is required'])
    expect(messages(oneOf('kind', ['a', 'b']), 'c')).toEqual(['kind must be one of: a, b'])
    expect(messages(oneOf('kind', ['a', 'b']), undefined)).toEqual(['kind is required'])
  })
})
