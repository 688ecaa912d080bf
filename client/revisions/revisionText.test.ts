import { afterAll, beforeAll, describe, expect, test } from 'vitest'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import type { RevisionSummary } from '../api/revisions.ts'
import {
  announcementText,
  checkRevisionForm,
  comparisonPair,
  exportFileName,
  previousRevision,
  problemWhere,
  suggestRevisionLabel,
  versionLabel,
} from './revisionText.ts'

const amina = { id: 2, name: 'Amina Odhiambo', role: 'cofacilitator' as const, delegation: 'Kenya', regionalGroup: 'african' as const }

function revision(id: number, label: string): RevisionSummary {
  return { id, documentId: 'd', label, note: null, createdBy: amina, createdAt: Date.UTC(2026, 2, 12, 14, 5) }
}

const zero = revision(4, 'Zero draft')
const rev1 = revision(9, 'Rev.1')
const rev2 = revision(11, 'Rev.2')

beforeAll(async () => useMessagesForTests('en', await loadMessages('en')))

describe('revision text', () => {
  test('authors with their delegation', () => {
  })

  test('versions by label, the current text by name', () => {
    expect(versionLabel('current', [zero])).toBe('Current text')
    expect(versionLabel(4, [zero])).toBe('Zero draft')
    expect(versionLabel(5, [zero])).toBe('Revision 5')
    expect(previousRevision([zero, rev1], 9)).toBe(zero)
    expect(previousRevision([zero, rev1], 4)).toBeNull()
    expect(previousRevision([zero, rev1], 77)).toBeNull()
  })

  test('a comparison link without both sides compares the latest revision', () => {
    const revisions = [zero, rev1, rev2]
    expect(comparisonPair(revisions, 4, 9)).toEqual({ from: 4, to: 9 })
    expect(comparisonPair(revisions, null, null)).toEqual({ from: 11, to: 'current' })
    expect(comparisonPair(revisions, 4, null)).toEqual({ from: 4, to: 'current' })
    expect(comparisonPair(revisions, null, 11)).toEqual({ from: 9, to: 11 })
    expect(comparisonPair(revisions, null, 'current')).toEqual({ from: 11, to: 'current' })
    expect(comparisonPair(revisions, null, 4)).toEqual({ from: 11, to: 4 })
    expect(comparisonPair([], null, null)).toBeNull()
    expect(comparisonPair([zero], null, 4)).toEqual({ from: 'current', to: 4 })
  })

  test('problems name their recommendation', () => {
    expect(problemWhere({ recommendationNumber: 3 })).toBe('R3')
    expect(problemWhere({})).toBe('Draft')
  })

  test('the cut form wants a label of 1-60 characters and a note of at most 2000', () => {
    expect(checkRevisionForm('Rev.1', '')).toEqual({})
    expect(checkRevisionForm('   ', '').label).toMatch(/Give the revision a label/)
    expect(checkRevisionForm('x'.repeat(61), '').label).toMatch(/61 characters/)
    expect(checkRevisionForm('x'.repeat(60), 'n'.repeat(2000))).toEqual({})
    expect(checkRevisionForm('Rev.1', 'n'.repeat(2001)).note).toMatch(/2,001 characters/)
  })

  test('suggested labels: Zero draft, then the next Rev.n', () => {
    expect(suggestRevisionLabel([])).toBe('Zero draft')
    expect(suggestRevisionLabel([zero])).toBe('Rev.1')
    expect(suggestRevisionLabel([zero, rev1, rev2])).toBe('Rev.3')
    expect(suggestRevisionLabel([zero, { label: 'Rev 4' }, { label: 'informal' }])).toBe('Rev.5')
  })

  test('file names for downloads', () => {
    expect(exportFileName('A/AC.292/2026/L.1', 'docx', { versionLabel: 'Rev.1', working: true })).toBe('A-AC.292-2026-L.1 Rev.1 (working copy).docx')
    expect(exportFileName('Annual summary', 'md')).toBe('Annual summary.md')
    expect(exportFileName('  ', 'txt')).toBe('document.txt')
  })
})

describe('announcements', () => {
  test('a cut or a restore, and who did it once known', () => {
    expect(announcementText({ kind: 'cut', revision: rev1, by: 'Amina Odhiambo (Kenya)' })).toBe('Rev.1 was cut by Amina Odhiambo (Kenya).')
    expect(announcementText({ kind: 'restored', revision: zero, by: null })).toBe('Zero draft was restored as the current text.')
    expect(announcementText({ kind: 'restored', revision: zero, by: 'Amina Odhiambo' })).toBe('Zero draft was restored as the current text by Amina Odhiambo.')
  })
})

describe('in the reader\'s language', () => {
  afterAll(async () => useMessagesForTests('en', await loadMessages('en')))

  test('names, numbers and announcements follow the interface language; labels stay as they were given', async () => {
    useMessagesForTests('fr', await loadMessages('fr'))
    expect(announcementText({ kind: 'cut', revision: rev1, by: 'Amina Odhiambo (Kenya)' })).toBe('La révision Rev.1 a été établie par Amina Odhiambo (Kenya).')
    expect(checkRevisionForm('Rev.1', 'n'.repeat(2001)).note).toBe('La note compte 2\u202f001 caractères\u202f; 2\u202f000 au plus sont autorisés.')
    expect(suggestRevisionLabel([])).toBe('Zero draft')
    useMessagesForTests('zh', await loadMessages('zh'))
    expect(problemWhere({})).toBe('草案')
  })
})
