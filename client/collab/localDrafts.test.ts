import { expect, test } from 'vitest'
import { draftDatabaseNames, localDraftName } from './localDrafts.ts'

test("a document's draft database is named after it", () => {
  expect(localDraftName('dtg1-2026-summary')).toBe('dtg-dtg1-2026-summary')
})

test("only the app's draft databases are picked, each once; other databases of the origin and odd names are left alone", () => {
  const listed = [
    { name: 'dtg-dtg1-2026-summary', version: 1 },
    { name: 'dtg-e6f1c1b2-7a51-4b1e-9f0c-2d3a4b5c6d7e' },
    { name: 'dtg-dtg1-2026-summary' },
    { name: 'dtg-' },
    { name: 'dtg-has space' },
    { name: `dtg-${'a'.repeat(129)}` },
    { name: 'dtg1-2026-summary' },
    { name: 'DTG-upper' },
    { name: 'y-indexeddb-other-app' },
    { name: 'firebaseLocalStorageDb' },
    {},
  ]
  expect(draftDatabaseNames(listed)).toEqual(['dtg-dtg1-2026-summary', 'dtg-e6f1c1b2-7a51-4b1e-9f0c-2d3a4b5c6d7e'])
  expect(draftDatabaseNames([])).toEqual([])
})
