import { describe, expect, it } from 'vitest'
import { builtInCatalogue } from './builtInCatalogue.ts'
import { compareCatalogues } from './compareCatalogues.ts'
import { mergeCatalogue } from './mergeCatalogue.ts'

const cbm7 = builtInCatalogue.elements.find((element) => element.id === 'cbm-7')!

describe('compareCatalogues', () => {
  it('finds nothing between a catalogue and itself', () => {
    expect(compareCatalogues(builtInCatalogue, builtInCatalogue)).toEqual([])
  })

  it('names added, retired and changed elements with each changed field, before and after', () => {
    const after = mergeCatalogue(builtInCatalogue, {
      version: 'v1',
      elements: [
        { ...cbm7, title: 'Checked title', verified: true, titles: { fr: 'Titre vérifié', zh: '核实的标题' } },
        { id: 'norm-k', retired: true },
        { ...cbm7, id: 'cbm-9', label: 'CBM 9' },
      ],
    })
    expect(compareCatalogues(builtInCatalogue, after)).toEqual([
      { id: 'norm-k', label: 'Norm k', kind: 'retired', fields: [] },
      {
        id: 'cbm-7',
        label: 'CBM 7',
        kind: 'changed',
        fields: [
          { field: 'title', before: cbm7.title, after: 'Checked title' },
          { field: 'verified', before: 'false', after: 'true' },
          { field: 'titles', before: '', after: 'fr: Titre vérifié; zh: 核实的标题' },
        ],
      },
      { id: 'cbm-9', label: 'CBM 9', kind: 'added', fields: [] },
    ])
  })

  it('sees a restored element, and one no longer in the later version', () => {
    const retired = mergeCatalogue(builtInCatalogue, { version: 'v1', elements: [{ id: 'norm-k', retired: true }, { ...cbm7, id: 'cbm-9', label: 'CBM 9' }] })
    expect(compareCatalogues(retired, builtInCatalogue)).toEqual([
      { id: 'norm-k', label: 'Norm k', kind: 'restored', fields: [] },
      { id: 'cbm-9', label: 'CBM 9', kind: 'removed', fields: [] },
    ])
  })
})
