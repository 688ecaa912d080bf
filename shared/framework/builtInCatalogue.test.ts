import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { builtInCatalogue } from './builtInCatalogue.ts'
import { FrameworkCatalogue } from './element.ts'
import { pillars } from './pillars.ts'

interface ReferenceEntry {
  id: string
  title: string
  summary?: string
  source: string
  verified: boolean
  group?: string
}

/** The reference facts beside the repository; a checkout without them skips the comparison, saying so. */
const referencePath = path.resolve(import.meta.dirname, '../../../shared/reference/un-framework.json')
const hasReference = existsSync(referencePath)
const reference = (hasReference ? JSON.parse(readFileSync(referencePath, 'utf8')) : { norms: [], cbms: [], capacityBuildingPrinciples: [], internationalLaw: [] }) as Record<'norms' | 'cbms' | 'capacityBuildingPrinciples' | 'internationalLaw', ReferenceEntry[]>
const referenceEntries = [
  ...reference.norms,
  ...reference.cbms,
  ...reference.capacityBuildingPrinciples,
  ...reference.internationalLaw,
]
const ids = builtInCatalogue.elements.map((element) => element.id)

describe('builtInCatalogue', () => {
  it('is a valid catalogue by its own schema', () => {
    expect(FrameworkCatalogue.safeParse(builtInCatalogue).error?.issues).toBeUndefined()
  })

  it('has all eleven norms, lettered a to k', () => {
    const norms = builtInCatalogue.elements.filter((element) => element.pillar === 'norms')
    expect(norms.map((norm) => norm.id)).toEqual('abcdefghijk'.split('').map((letter) => `norm-${letter}`))
    expect(norms.map((norm) => norm.label)).toEqual('abcdefghijk'.split('').map((letter) => `Norm ${letter}`))
  })

  it('numbers CBMs 1-8 and capacity-building principles 1-10 with matching labels', () => {
    const cbms = builtInCatalogue.elements.filter((element) => element.pillar === 'cbms')
    expect(cbms.map((cbm) => [cbm.id, cbm.label])).toEqual(
      Array.from({ length: 8 }, (_, index) => [`cbm-${index + 1}`, `CBM ${index + 1}`]),
    )
    const principles = builtInCatalogue.elements.filter((element) => element.pillar === 'capacity-building')
    expect(principles.map((principle) => [principle.id, principle.label])).toEqual(
      Array.from({ length: 10 }, (_, index) => [`cbp-${index + 1}`, `CBP ${index + 1}`]),
    )
  })

  it('has unique ids and unique labels', () => {
    expect(new Set(ids).size).toBe(ids.length)
    const labels = builtInCatalogue.elements.map((element) => element.label.toLowerCase())
    expect(new Set(labels).size).toBe(labels.length)
  })

  it('covers every pillar, with threats as one element for the whole pillar', () => {
    for (const pillar of pillars) {
      expect(builtInCatalogue.elements.some((element) => element.pillar === pillar), pillar).toBe(true)
    }
    expect(builtInCatalogue.elements.filter((element) => element.pillar === 'threats').map((element) => element.id)).toEqual([
      'threats',
    ])
  })

  it.skipIf(!hasReference)('holds exactly the reference elements, plus threats', () => {
    expect([...ids].sort()).toEqual([...referenceEntries.map((entry) => entry.id), 'threats'].sort())
  })

  it.skipIf(!hasReference)('keeps the reference sources, verified flags and principle groups', () => {
    for (const entry of referenceEntries) {
      const element = builtInCatalogue.elements.find((candidate) => candidate.id === entry.id)
      expect({ source: element?.source, verified: element?.verified, group: element?.group }, entry.id).toEqual({
        source: entry.source,
        verified: entry.verified,
        group: entry.group,
      })
    }
  })

  it('words titles and summaries in its own terms, one line each', () => {
    for (const entry of referenceEntries) {
      const element = builtInCatalogue.elements.find((candidate) => candidate.id === entry.id)!
      expect(element.title.toLowerCase(), entry.id).not.toBe(entry.title.toLowerCase())
      expect(element.summary.toLowerCase(), entry.id).not.toBe((entry.summary ?? entry.title).toLowerCase())
    }
    for (const element of builtInCatalogue.elements) {
      expect(element.summary, element.id).not.toContain('\n')
      expect(element.title.length, element.id).toBeLessThanOrEqual(80)
    }
  })
})
