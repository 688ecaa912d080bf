import { describe, expect, it } from 'vitest'
import { builtInCatalogue } from './builtInCatalogue.ts'
import { CatalogueOverride, FrameworkCatalogue, FrameworkElement } from './element.ts'

const cbm9 = {
  id: 'cbm-9',
  pillar: 'cbms',
  label: 'CBM 9',
  title: 'A new measure',
  summary: 'States do something new together.',
  source: 'A/81/000',
  verified: false,
}

function issues(result: { error?: { issues: { path: PropertyKey[]; message: string }[] } }) {
  return result.error?.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }))
}

describe('FrameworkElement', () => {
  it('accepts a complete element', () => {
    expect(FrameworkElement.parse(cbm9)).toEqual(cbm9)
  })

  it('names each missing or malformed field', () => {
    expect(issues(FrameworkElement.safeParse({ ...cbm9, id: 'CBM 9', pillar: 'rules', summary: undefined, verified: 'no' }))).toEqual([
      { path: 'id', message: 'id must be lowercase letters and digits joined by single hyphens, like norm-g or cbm-7' },
      { path: 'pillar', message: 'pillar must be one of: threats, norms, international-law, cbms, capacity-building' },
      { path: 'summary', message: 'summary is required' },
      { path: 'verified', message: 'verified must be true or false' },
    ])
  })
})

describe('FrameworkCatalogue', () => {
  it('rejects repeated ids, naming them', () => {
    const catalogue = { version: 'x', elements: [cbm9, cbm9] }
    expect(issues(FrameworkCatalogue.safeParse(catalogue))).toEqual([
      { path: 'elements', message: 'elements must have unique ids; repeated: cbm-9' },
    ])
  })

  it('requires a version', () => {
    expect(issues(FrameworkCatalogue.safeParse({ elements: builtInCatalogue.elements }))).toEqual([
      { path: 'version', message: 'version is required' },
    ])
  })
})

describe('CatalogueOverride', () => {
  it('takes complete elements and bare retirements', () => {
    const override = { version: '2026-03', elements: [cbm9, { id: 'cbm-8', retired: true }] }
    expect(CatalogueOverride.parse(override)).toEqual(override)
  })

  it('reports the field of an incomplete element rather than a vague union error', () => {
    const { summary: _summary, ...incomplete } = cbm9
    expect(issues(CatalogueOverride.safeParse({ version: '1', elements: [incomplete] }))).toEqual([
      { path: 'elements.0.summary', message: 'summary is required' },
    ])
  })

  it('rejects a retirement that does not retire', () => {
    expect(issues(CatalogueOverride.safeParse({ version: '1', elements: [{ id: 'cbm-8', retired: false }] }))).toEqual([
      { path: 'elements.0.retired', message: 'retired must be true to retire an element' },
    ])
  })

  it('rejects the same id twice', () => {
    const elements = [{ id: 'cbm-8', retired: true }, { id: 'cbm-8', retired: true }]
    expect(issues(CatalogueOverride.safeParse({ version: '1', elements }))).toEqual([
      { path: 'elements', message: 'elements must have unique ids; repeated: cbm-8' },
    ])
  })
})
