import { describe, expect, it } from 'vitest'
import { builtInCatalogue } from '../framework/builtInCatalogue.ts'
import { mergeCatalogue } from '../framework/mergeCatalogue.ts'
import { pillars } from '../framework/pillars.ts'
import { doc, paragraph, recommendation } from '../schema/draftBuilders.ts'
import { coverage } from './coverage.ts'
import { toDraftModel } from './toDraftModel.ts'

const catalogue = mergeCatalogue(builtInCatalogue, { version: 't', elements: [{ id: 'cbm-8', retired: true }] })
const model = toDraftModel(
  doc(
    paragraph('Intro.'),
    recommendation('r1', ['norm-g', 'cbm-7'], 'One.'),
    recommendation('r2', ['norm-g', 'norm-g', 'norm-f'], 'Two.'),
    recommendation('r3', ['cbm-8', 'made-up'], 'Three.'),
    { ...recommendation('x', ['norm-a'], 'No id.'), attrs: { refs: ['norm-a'] } },
  ),
  catalogue,
)

describe('coverage', () => {
  const result = coverage(model)
  const pillar = (id: string) => result.pillars.find((entry) => entry.pillar === id)!

  it('lists, per element, the recommendations linking to it, each once', () => {
    expect(pillar('norms').elements.map(({ id, recommendationIds }) => [id, recommendationIds])).toEqual([
      ['norm-g', ['r1', 'r2']],
      ['norm-f', ['r2']],
    ])
  })

  it('lists, per pillar, the recommendations linking to any of its elements, in document order', () => {
    expect(result.pillars.map((entry) => [entry.pillar, entry.recommendationIds])).toEqual([
      ['threats', []],
      ['norms', ['r1', 'r2']],
      ['international-law', []],
      ['cbms', ['r1', 'r3']],
      ['capacity-building', []],
    ])
  })

  it('marks retired elements and collects unknown ids apart', () => {
    expect(pillar('cbms').elements.find((element) => element.id === 'cbm-8')).toMatchObject({ status: 'retired', label: 'CBM 8' })
    expect(result.unknown).toEqual([{ id: 'made-up', label: 'made-up', title: undefined, status: 'unknown', recommendationIds: ['r3'] }])
  })

  it('leaves out recommendations without an id', () => {
    expect(result.pillars.flatMap((entry) => entry.elements).some((element) => element.id === 'norm-a')).toBe(false)
  })

  it('with the catalogue, lists every active element, uncovered ones with no recommendations', () => {
    const full = coverage(model, catalogue)
    expect(full.pillars.map((entry) => entry.pillar)).toEqual([...pillars])
    const norms = full.pillars.find((entry) => entry.pillar === 'norms')!
    expect(norms.elements.map((element) => element.id)).toEqual('abcdefghijk'.split('').map((letter) => `norm-${letter}`))
    expect(norms.elements.find((element) => element.id === 'norm-a')?.recommendationIds).toEqual([])
    expect(norms.elements.find((element) => element.id === 'norm-g')?.recommendationIds).toEqual(['r1', 'r2'])
    const cbms = full.pillars.find((entry) => entry.pillar === 'cbms')!
    expect(cbms.elements.at(-1)).toMatchObject({ id: 'cbm-8', status: 'retired', recommendationIds: ['r3'] })
    expect(full.pillars.find((entry) => entry.pillar === 'threats')?.elements.map((element) => element.id)).toEqual(
      catalogue.elements.filter((element) => element.pillar === 'threats').map((element) => element.id),
    )
    const listed = full.pillars.flatMap((entry) => entry.elements.map((element) => element.id))
    expect(listed).not.toContain('doc-norms-checklist')
    expect(listed).not.toContain('il-due-diligence')
    expect(listed).not.toContain('tool-portal')
  })

  it('lists a Global Mechanism tool under its pillar where a recommendation links to it', () => {
    const linked = coverage(toDraftModel(doc(recommendation('r9', ['tool-portal'], 'Use the portal.')), catalogue), catalogue)
    const capacityBuilding = linked.pillars.find((entry) => entry.pillar === 'capacity-building')!
    expect(capacityBuilding.elements.find((element) => element.id === 'tool-portal')?.recommendationIds).toEqual(['r9'])
    expect(capacityBuilding.recommendationIds).toEqual(['r9'])
  })

  it('is empty for a draft without recommendations', () => {
    const empty = coverage(toDraftModel(doc(paragraph('x')), catalogue))
    expect(empty.pillars.every((entry) => entry.elements.length === 0 && entry.recommendationIds.length === 0)).toBe(true)
    expect(empty.unknown).toEqual([])
  })
})
