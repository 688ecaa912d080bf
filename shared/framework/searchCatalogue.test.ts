import { describe, expect, it } from 'vitest'
import { builtInCatalogue } from './builtInCatalogue.ts'
import type { FrameworkCatalogue } from './element.ts'
import { searchCatalogue } from './searchCatalogue.ts'

const idsFor = (query: string, catalogue: FrameworkCatalogue = builtInCatalogue) =>
  searchCatalogue(catalogue, query).map((element) => element.id)

describe('searchCatalogue', () => {
  it('puts the exact id or label first, however it is spelled', () => {
    expect(idsFor('norm-g')[0]).toBe('norm-g')
    expect(idsFor('Norm G')[0]).toBe('norm-g')
    expect(idsFor('cbm 7')[0]).toBe('cbm-7')
    expect(idsFor('CBP3')[0]).toBe('cbp-3')
  })

  it('ranks an exact match above longer ids that start the same way', () => {
    const hits = idsFor('cbp 1')
    expect(hits[0]).toBe('cbp-1')
    expect(hits).toContain('cbp-10')
    expect(hits.indexOf('cbp-1')).toBeLessThan(hits.indexOf('cbp-10'))
  })

  it('ranks an exact match first even when a longer match comes earlier in the catalogue', () => {
    const cbm = (number: number) => ({ ...builtInCatalogue.elements.find((e) => e.id === 'cbm-1')!, id: `cbm-${number}`, label: `CBM ${number}` })
    const catalogue = { version: 'test', elements: [cbm(10), cbm(11), cbm(1)] }
    expect(idsFor('CBM 1', catalogue)).toEqual(['cbm-1', 'cbm-10', 'cbm-11'])
  })

  it('ranks id and label prefixes above matches in titles', () => {
    const hits = idsFor('il')
    expect(hits.slice(0, 12).every((id) => id.startsWith('il-'))).toBe(true)
  })

  it('finds words of titles, case-insensitively, and needs every term', () => {
    expect(idsFor('CRITICAL INFRA')).toEqual(expect.arrayContaining(['norm-f', 'norm-g', 'cbm-7']))
    expect(idsFor('infrastructure critical protection')).toEqual(['cbm-7'])
  })

  it('ranks titles with a word starting with the query above titles containing it inside a word', () => {
    const base = builtInCatalogue.elements.find((e) => e.id === 'cbm-1')!
    const catalogue = {
      version: 'test',
      elements: [
        { ...base, id: 'cbm-20', label: 'CBM 20', title: 'Infrastructure resilience' },
        { ...base, id: 'cbm-21', label: 'CBM 21', title: 'Structured dialogue' },
      ],
    }
    expect(idsFor('struct', catalogue)).toEqual(['cbm-21', 'cbm-20'])
  })

  it('matches the pillar by id or title', () => {
    expect(idsFor('confidence-building')).toEqual(builtInCatalogue.elements.filter((e) => e.pillar === 'cbms').map((e) => e.id))
    expect(idsFor('international law')).toEqual(
      expect.arrayContaining(builtInCatalogue.elements.filter((e) => e.pillar === 'international-law').map((e) => e.id)),
    )
  })

  it('lists every active element for an empty query and nothing for a query that matches nothing', () => {
    expect(idsFor('  ')).toHaveLength(builtInCatalogue.elements.length)
    expect(idsFor('zzzz')).toEqual([])
  })

  it('hides retired elements', () => {
    const catalogue = {
      version: 'test',
      elements: builtInCatalogue.elements.map((e) => (e.id === 'cbm-8' ? { ...e, retired: true } : e)),
    }
    expect(idsFor('cbm 8', catalogue)).toEqual([])
    expect(idsFor('', catalogue)).not.toContain('cbm-8')
  })
})
