import { describe, expect, it } from 'vitest'
import { builtInCatalogue } from './builtInCatalogue.ts'
import type { CatalogueOverride, FrameworkElement } from './element.ts'
import { resolveRef } from './lookup.ts'
import { mergeCatalogue } from './mergeCatalogue.ts'
import { emptyOverride, putElement, restoreElement, retireElement } from './overrideEdits.ts'

const builtIn = builtInCatalogue.elements
const cbm7 = builtIn.find((element) => element.id === 'cbm-7')!
const cbm9: FrameworkElement = { ...cbm7, id: 'cbm-9', label: 'CBM 9', title: 'A ninth measure' }
const merged = (override: CatalogueOverride) => mergeCatalogue(builtInCatalogue, override)

describe('catalogue override edits', () => {
  it('adds an element and replaces a built-in one, giving the new version', () => {
    const added = putElement(emptyOverride, builtIn, cbm9, 'v1')
    const edited = putElement(added, builtIn, { ...cbm7, title: 'Checked title', titles: { fr: 'Titre vérifié' } }, 'v2')
    expect(edited.version).toBe('v2')
    expect(edited.elements.map((entry) => entry.id)).toEqual(['cbm-9', 'cbm-7'])
    expect(resolveRef(merged(edited), 'cbm-7').element).toMatchObject({ title: 'Checked title', titles: { fr: 'Titre vérifié' } })
  })

  it('drops the entry of a built-in element edited back to its built-in wording', () => {
    const edited = putElement(emptyOverride, builtIn, { ...cbm7, title: 'Other' }, 'v1')
    expect(putElement(edited, builtIn, cbm7, 'v2').elements).toEqual([])
  })

  it('retires an untouched built-in element with a bare retirement, an added or edited one with its wording', () => {
    const retiredBuiltIn = retireElement(emptyOverride, cbm7, builtIn, 'v1')
    expect(retiredBuiltIn.elements).toEqual([{ id: 'cbm-7', retired: true }])
    const withCbm9 = putElement(emptyOverride, builtIn, cbm9, 'v1')
    const retiredAdded = retireElement(withCbm9, cbm9, builtIn, 'v2')
    expect(retiredAdded.elements).toEqual([{ ...cbm9, retired: true }])
    expect(resolveRef(merged(retiredAdded), 'cbm-9')).toMatchObject({ status: 'retired', element: { title: 'A ninth measure' } })
  })

  it('restores a retired element with the wording it had', () => {
    const retired = retireElement(emptyOverride, cbm7, builtIn, 'v1')
    const retiredCbm7 = resolveRef(merged(retired), 'cbm-7').element!
    expect(restoreElement(retired, retiredCbm7, builtIn, 'v2').elements).toEqual([])
    const withCbm9 = retireElement(putElement(emptyOverride, builtIn, cbm9, 'v1'), cbm9, builtIn, 'v2')
    const restored = restoreElement(withCbm9, { ...cbm9, retired: true }, builtIn, 'v3')
    expect(resolveRef(merged(restored), 'cbm-9')).toEqual({ status: 'known', element: cbm9 })
  })
})
