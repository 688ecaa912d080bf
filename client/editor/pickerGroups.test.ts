import { expect, test } from 'vitest'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import type { FrameworkCatalogue } from '../../shared/framework/element.ts'
import { pickerGroups } from './pickerGroups.ts'

test('groups the matching elements by pillar, in pillar order, without empty pillars', () => {
  const groups = pickerGroups(builtInCatalogue, 'critical infrastructure')
  expect(groups.map((group) => group.pillar)).toEqual(['threats', 'norms', 'cbms'])
  expect(groups[0].elements.map((element) => element.id)).toEqual(['threat-undersea-cables'])
  expect(groups[1].elements.map((element) => element.id)).toEqual(expect.arrayContaining(['norm-f', 'norm-g']))
})

test('an empty search offers every active element; retired ones are not offered', () => {
  const catalogue: FrameworkCatalogue = {
    ...builtInCatalogue,
    elements: builtInCatalogue.elements.map((element) => (element.id === 'norm-g' ? { ...element, retired: true } : element)),
  }
  const offered = pickerGroups(catalogue, '').flatMap((group) => group.elements.map((element) => element.id))
  expect(offered).not.toContain('norm-g')
  expect(offered).toHaveLength(builtInCatalogue.elements.length - 1)
  expect(pickerGroups(catalogue, 'norm g').flatMap((group) => group.elements.map((element) => element.id))).not.toContain('norm-g')
})

test('pillar titles can come from the served catalogue', () => {
  expect(pickerGroups(builtInCatalogue, 'cbm 1', { cbms: 'CBMs' })[0].title).toBe('CBMs')
})
