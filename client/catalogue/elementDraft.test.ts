import { beforeAll, expect, test } from 'vitest'
import { builtInCatalogue } from '../../shared/framework/builtInCatalogue.ts'
import { findElement } from '../../shared/framework/lookup.ts'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { draftOf, elementFromDraft, emptyDraft } from './elementDraft.ts'

beforeAll(async () => useMessagesForTests('en', await loadMessages('en')))

test('an element comes back unchanged through its draft, kind and agreement kept', () => {
  for (const id of ['norm-g', 'cbm-8', 'il-sovereignty', 'doc-norms-checklist', 'cbp-5']) {
    const element = findElement(builtInCatalogue, id)!
    expect(elementFromDraft(draftOf(element), element)).toEqual({ ok: true, element })
  }
})

test('titles in other languages are kept, empty ones left out', () => {
  const element = findElement(builtInCatalogue, 'cbm-7')!
  const draft = draftOf(element)
  draft.titles.fr = 'Protection des infrastructures critiques'
  const result = elementFromDraft(draft, element)
  expect(result.ok && result.element.titles).toEqual({ fr: 'Protection des infrastructures critiques' })
})

test('a new element with missing fields names each of them', () => {
  const draft = { ...emptyDraft('cbms'), id: 'CBM 9', label: 'CBM 9' }
  const result = elementFromDraft(draft)
  expect(result.ok).toBe(false)
  expect(!result.ok && result.errors).toEqual({
    id: 'id must be lowercase letters and digits joined by single hyphens, like norm-g or cbm-7',
    title: 'title must not be empty',
    summary: 'summary must not be empty',
    source: 'source must not be empty',
  })
})
