import { describe, expect, it } from 'vitest'
import { builtInCatalogue } from './builtInCatalogue.ts'
import type { FrameworkCatalogue } from './element.ts'
import { findElement, resolveRef } from './lookup.ts'

const withRetiredCbm8: FrameworkCatalogue = {
  version: 'test',
  elements: builtInCatalogue.elements.map((element) => (element.id === 'cbm-8' ? { ...element, retired: true } : element)),
}

describe('findElement', () => {
  it('finds an element by id, and nothing for an unknown id', () => {
    expect(findElement(builtInCatalogue, 'norm-g')?.label).toBe('Norm g')
    expect(findElement(builtInCatalogue, 'Norm g')).toBeUndefined()
    expect(findElement(builtInCatalogue, 'norm-z')).toBeUndefined()
  })
})

describe('resolveRef', () => {
  it('tells known, retired and unknown links apart', () => {
    expect(resolveRef(withRetiredCbm8, 'cbm-7')).toMatchObject({ status: 'known', element: { label: 'CBM 7' } })
    expect(resolveRef(withRetiredCbm8, 'cbm-8')).toMatchObject({ status: 'retired', element: { label: 'CBM 8' } })
    expect(resolveRef(withRetiredCbm8, 'cbm-99')).toEqual({ status: 'unknown' })
  })
})
