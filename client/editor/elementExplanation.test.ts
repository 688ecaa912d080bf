import { beforeAll, expect, test } from 'vitest'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { findElement } from '../../shared/framework/lookup.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { elementFlags, unverifiedExplanation } from './elementExplanation.ts'

beforeAll(async () => useMessagesForTests('en', await loadMessages('en')))

const element = (id: string) => findElement(builtInCatalogue, id)!

test('explains an unverified element from its note, saying when the substance is confirmed', () => {
  expect(unverifiedExplanation(element('cbm-8'))).toBe(
    'Unverified: the wording or numbering could not be checked against the UN document. ' + element('cbm-8').note,
  )
  expect(unverifiedExplanation(element('il-sovereignty'))).toMatch(/^Unverified: the substance is confirmed/)
  expect(unverifiedExplanation(element('il-sovereignty'))).toContain('paragraph numbers could not be checked')
})

test('flags what a delegate must know: unverified, retired, not agreed, a related note, a tool, an unknown id', () => {
  const keys = (id: string, status: 'known' | 'retired' = 'known') => elementFlags(element(id), status).map((flag) => flag.key)
  expect(keys('norm-g')).toEqual([])
  expect(keys('cbm-7')).toEqual(['unverified'])
  expect(keys('norm-g', 'retired')).toEqual(['retired'])
  expect(keys('doc-norms-checklist')).toEqual(['not-agreed', 'tool', 'unverified'])
  expect(keys('il-due-diligence')).toEqual(['related-note', 'unverified'])
  expect(keys('tool-portal')).toEqual(['tool'])
  expect(elementFlags(undefined, 'unknown').map((flag) => flag.key)).toEqual(['unknown'])
})
