import { describe, expect, it } from 'vitest'
import { builtInCatalogue } from './builtInCatalogue.ts'
import { FrameworkCatalogue } from './element.ts'
import { pillars, pillarTitles } from './pillars.ts'
import { referenceFacts } from '../../tests/helpers/referenceFacts.ts'

const reference = referenceFacts
const hasReference = reference !== null
/** The entries the catalogue paraphrases (its own titles and summaries). */
const paraphrased = reference
  ? [...reference.norms, ...reference.cbms, ...reference.capacityBuildingPrinciples, ...reference.internationalLaw]
  : []
const tools = reference?.mechanismTools ?? []
const elements = builtInCatalogue.elements
const ids = elements.map((element) => element.id)
const byId = (id: string) => elements.find((element) => element.id === id)

describe('builtInCatalogue', () => {
  it('is a valid catalogue by its own schema', () => {
    expect(FrameworkCatalogue.safeParse(builtInCatalogue).error?.issues).toBeUndefined()
  })

  it('has all eleven norms, lettered a to k', () => {
    const norms = elements.filter((element) => element.id.startsWith('norm-'))
    expect(norms.map((norm) => norm.id)).toEqual('abcdefghijk'.split('').map((letter) => `norm-${letter}`))
    expect(norms.map((norm) => norm.label)).toEqual('abcdefghijk'.split('').map((letter) => `Norm ${letter}`))
  })

  it('words every norm as what States should or should not do (the norms are voluntary)', () => {
    for (const norm of elements.filter((element) => element.id.startsWith('norm-'))) {
      expect(norm.summary, norm.id).toMatch(/\bshould\b/)
      expect(norm.summary, norm.id).not.toMatch(/\b(must|shall)\b/)
    }
  })

  it('numbers CBMs 1-8 and capacity-building principles 1-10 with matching labels, and adds no CBM 9', () => {
    const cbms = elements.filter((element) => element.id.startsWith('cbm-'))
    expect(cbms.map((cbm) => [cbm.id, cbm.label])).toEqual(Array.from({ length: 8 }, (_, index) => [`cbm-${index + 1}`, `CBM ${index + 1}`]))
    const principles = elements.filter((element) => element.id.startsWith('cbp-'))
    expect(principles.map((principle) => [principle.id, principle.label])).toEqual(
      Array.from({ length: 10 }, (_, index) => [`cbp-${index + 1}`, `CBP ${index + 1}`]),
    )
  })

  it('has unique ids and unique labels', () => {
    expect(new Set(ids).size).toBe(ids.length)
    const labels = elements.map((element) => element.label.toLowerCase())
    expect(new Set(labels).size).toBe(labels.length)
  })

  it('covers every pillar in pillar order, the threats pillar itself first', () => {
    const order = elements.map((element) => pillars.indexOf(element.pillar))
    expect(order).toEqual([...order].sort((a, b) => a - b))
    for (const pillar of pillars) expect(elements.some((element) => element.pillar === pillar), pillar).toBe(true)
    expect(ids[0]).toBe('threats')
  })

  it('explains every unverified element with a note', () => {
    for (const element of elements.filter((candidate) => !candidate.verified)) {
      expect(element.note?.length ?? 0, element.id).toBeGreaterThan(20)
    }
  })

  it('calls no international-law element "self-defence" and shows due diligence as a related note only', () => {
    const inherentRight = byId('il-self-defence')!
    expect(`${inherentRight.label} ${inherentRight.title} ${inherentRight.summary}`).not.toMatch(/self-defen[cs]e/i)
    const dueDiligence = byId('il-due-diligence')!
    expect(dueDiligence.kind).toBe('related-note')
    expect(dueDiligence.label).toMatch(/note/i)
    expect(dueDiligence.title).toMatch(/not an agreed rule/)
  })

  it.skipIf(!hasReference)('has the reference pillar titles', () => {
    expect(reference!.pillars).toEqual(pillars.map((id) => ({ id, title: pillarTitles[id] })))
  })

  it.skipIf(!hasReference)('holds exactly the reference elements, tools and labelled threats, plus the threats pillar', () => {
    const threatIds = elements.filter((element) => element.pillar === 'threats' && element.id !== 'threats').map((element) => element.id)
    expect(threatIds).toHaveLength(reference!.threats.labels.length)
    expect([...ids].sort()).toEqual([...paraphrased.map((entry) => entry.id), ...tools.map((tool) => tool.id), ...threatIds, 'threats'].sort())
  })

  it.skipIf(!hasReference)('keeps the reference sources, verified flags, confirmed substance, notes and principle groups', () => {
    for (const entry of [...paraphrased, ...tools]) {
      const element = byId(entry.id)
      const facts = { source: element?.source, verified: element?.verified, substanceConfirmed: element?.substanceConfirmed, group: element?.group }
      expect(facts, entry.id).toEqual({ source: entry.source, verified: entry.verified, substanceConfirmed: entry.substanceConfirmed, group: entry.group })
      if (entry.note) expect(element?.note, entry.id).toBe(entry.note)
    }
  })

  it.skipIf(!hasReference)('words titles and summaries in its own terms, one line each', () => {
    for (const entry of paraphrased) {
      const element = byId(entry.id)!
      expect(element.title.toLowerCase(), entry.id).not.toBe(entry.title.toLowerCase())
      expect(element.summary.toLowerCase(), entry.id).not.toBe((entry.summary ?? entry.title).toLowerCase())
    }
    for (const element of elements) {
      expect(element.summary, element.id).not.toContain('\n')
      expect(element.title.length, element.id).toBeLessThanOrEqual(80)
    }
  })

  it.skipIf(!hasReference)('makes the Global Mechanism tools linkable under their pillars, by their own names; the checklist is not agreed', () => {
    for (const tool of tools) {
      const element = byId(tool.id)!
      expect({ pillar: element.pillar, title: element.title, summary: element.summary, kind: element.kind }, tool.id).toEqual({
        pillar: tool.pillar,
        title: tool.title,
        summary: tool.summary,
        kind: 'mechanism-tool',
      })
    }
    expect(byId('doc-norms-checklist')).toMatchObject({ agreed: false, label: expect.stringMatching(/draft/i) })
    expect(elements.filter((element) => element.agreed === false).map((element) => element.id)).toEqual(['doc-norms-checklist'])
  })

  it.skipIf(!hasReference)('offers the labelled threats with their sources, unverified, under the threats pillar', () => {
    const labelled = elements.filter((element) => element.pillar === 'threats' && element.id !== 'threats')
    expect(labelled.map((element) => [element.title.toLowerCase(), element.source, element.verified])).toEqual(
      reference!.threats.labels.map((label) => [label.label.toLowerCase(), label.source, label.verified]),
    )
    for (const element of [byId('threats')!, ...labelled]) expect(element.note, element.id).toBe(reference!.threats.note)
  })

  it('keeps the hedge of CBP 5 and has CBM 8 as public-private partnerships', () => {
    expect(byId('cbp-5')!.title).toMatch(/may need to be facilitated/)
    expect(byId('cbm-8')!.title).toMatch(/public-private partnerships/i)
  })
})
