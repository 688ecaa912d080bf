import { describe, expect, it } from 'vitest'
import { z } from 'zod'
import { CatalogueOverride, CreateDocument, CreateWorkspace } from './api.ts'

function messages(schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input)
  return result.success ? [] : result.error.issues.map((issue) => issue.message)
}

describe('CreateWorkspace', () => {
  it('accepts a DTG in a cycle year with a title', () => {
    expect(CreateWorkspace.parse({ dtg: 2, year: 2026, title: ' DTG 2, 2026 ' })).toEqual({ dtg: 2, year: 2026, title: 'DTG 2, 2026' })
  })

  it('names each field and its problem', () => {
    expect(messages(CreateWorkspace, { dtg: 3, year: 2026.5, title: '' })).toEqual([
      'dtg must be 1 or 2',
      'year must be a whole number',
      'title must not be empty',
    ])
    expect(messages(CreateWorkspace, {})).toEqual(['dtg is required', 'year is required', 'title is required'])
    expect(messages(CreateWorkspace, { dtg: '1', year: '2026', title: 'x' })).toEqual(['dtg must be 1 or 2', 'year must be a number'])
  })

  it('keeps years within 2025-2035', () => {
    expect(messages(CreateWorkspace, { dtg: 1, year: 2024, title: 'x' })).toEqual(['year must be 2025 or later'])
    expect(messages(CreateWorkspace, { dtg: 1, year: 2036, title: 'x' })).toEqual(['year must be 2035 or earlier'])
    expect(messages(CreateWorkspace, { dtg: 1, year: 2035, title: 'x' })).toEqual([])
  })
})

describe('CreateDocument', () => {
  it('accepts a titled document of a known kind, with an optional symbol and template', () => {
    const payload = { title: 'Zero draft', kind: 'recommendations', symbol: 'A/AC.292/DTG1/2026/CRP.1', templateId: 'dtg-summary' }
    expect(CreateDocument.parse(payload)).toEqual(payload)
    expect(CreateDocument.parse({ title: 'Notes', kind: 'working-draft' })).toEqual({ title: 'Notes', kind: 'working-draft' })
  })

  it('limits the title to 1-200 characters', () => {
    expect(messages(CreateDocument, { title: 'x'.repeat(201), kind: 'working-draft' })).toEqual(['title must be at most 200 characters'])
    expect(messages(CreateDocument, { title: 'x'.repeat(200), kind: 'working-draft' })).toEqual([])
  })

  it('names an unknown kind and a malformed or long symbol', () => {
    expect(messages(CreateDocument, { title: 't', kind: 'minutes' })).toEqual([
      'kind must be one of: annual-summary, recommendations, working-draft',
    ])
    expect(messages(CreateDocument, { title: 't', kind: 'working-draft', symbol: 'CRP 1' })[0]).toMatch(/^symbol must be parts separated by "\/"/)
    expect(messages(CreateDocument, { title: 't', kind: 'working-draft', symbol: `A/${'B'.repeat(80)}` })).toEqual([
      'symbol must be at most 80 characters',
    ])
    expect(messages(CreateDocument, { title: 't', kind: 'working-draft', templateId: 'Bad Id' })).toEqual([
      'templateId must be lowercase letters, digits and hyphens',
    ])
  })
})

describe('CatalogueOverride', () => {
  it('is the framework override schema', () => {
    expect(messages(CatalogueOverride, { version: '1', elements: [{ id: 'cbm-8', retired: true }] })).toEqual([])
    expect(messages(CatalogueOverride, { elements: [] })).toEqual(['version is required'])
  })
})

