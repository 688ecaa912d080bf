import { describe, expect, it } from 'vitest'
import { builtInCatalogue } from './builtInCatalogue.ts'
import type { CatalogueOverride, FrameworkElement } from './element.ts'
import { resolveRef } from './lookup.ts'
import { mergeCatalogue, UnknownRetirementError } from './mergeCatalogue.ts'
import { searchCatalogue } from './searchCatalogue.ts'

const revisedCbm7: FrameworkElement = {
  id: 'cbm-7',
  pillar: 'cbms',
  label: 'CBM 7',
  title: 'Checked wording of CBM 7',
  summary: 'As confirmed by the secretariat.',
  source: 'A/79/214 Annex',
  verified: true,
}
const cbm9: FrameworkElement = { ...revisedCbm7, id: 'cbm-9', label: 'CBM 9', title: 'A ninth measure' }
const override: CatalogueOverride = {
  version: '2026-03',
  elements: [cbm9, revisedCbm7, { id: 'cbm-8', retired: true }],
}

describe('mergeCatalogue', () => {
  const merged = mergeCatalogue(builtInCatalogue, override)

  it('replaces a built-in element in place', () => {
    const ids = merged.elements.map((element) => element.id)
    expect(ids.indexOf('cbm-7')).toBe(builtInCatalogue.elements.findIndex((element) => element.id === 'cbm-7'))
    expect(merged.elements.find((element) => element.id === 'cbm-7')).toEqual(revisedCbm7)
  })

  it('appends new elements after the built-in ones', () => {
    expect(merged.elements).toHaveLength(builtInCatalogue.elements.length + 1)
    expect(merged.elements.at(-1)).toEqual(cbm9)
  })

  it('retires an element: it still resolves with its wording, but search no longer offers it', () => {
    const original = builtInCatalogue.elements.find((element) => element.id === 'cbm-8')!
    expect(resolveRef(merged, 'cbm-8')).toEqual({ status: 'retired', element: { ...original, retired: true } })
    expect(searchCatalogue(merged, 'cbm 8').map((element) => element.id)).toEqual([])
  })

  it('names both versions', () => {
    expect(merged.version).toBe(`${builtInCatalogue.version}+2026-03`)
  })

  it('leaves the built-in catalogue untouched', () => {
    expect(builtInCatalogue.elements.find((element) => element.id === 'cbm-8')?.retired).toBeUndefined()
    expect(builtInCatalogue.elements.find((element) => element.id === 'cbm-7')?.title).not.toBe(revisedCbm7.title)
  })

  it('can bring a retired element back with a complete entry', () => {
    const restored = { ...builtInCatalogue.elements.find((element) => element.id === 'cbm-8')!, retired: false }
    const again = mergeCatalogue(merged, { version: '2026-04', elements: [restored] })
    expect(resolveRef(again, 'cbm-8').status).toBe('known')
  })

  it('refuses to retire an id it does not know', () => {
    const bad: CatalogueOverride = { version: '1', elements: [{ id: 'cbm-42', retired: true }] }
    expect(() => mergeCatalogue(builtInCatalogue, bad)).toThrow(UnknownRetirementError)
    expect(() => mergeCatalogue(builtInCatalogue, bad)).toThrow(/cbm-42/)
  })
})
