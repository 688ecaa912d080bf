import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadMessages, useMessagesForTests } from '../i18n/i18n.ts'
import { formOf, languageName, mastheadSummary, submissionDetailsChange } from './submissionDetails.ts'

beforeAll(async () => useMessagesForTests('en', await loadMessages('en')))
afterAll(async () => useMessagesForTests('en', await loadMessages('en')))

const record = {
  symbol: 'A/AC.292/2026/DTG.1/CRP.1',
  distribution: 'general' as const,
  bodyName: 'Global Mechanism on ICT security',
  session: null,
  agendaItem: null,
  originalLanguage: 'en' as const,
}

describe('submission details', () => {
  it('sums up the masthead in its order, leaving out what is not set', () => {
    expect(mastheadSummary(record)).toEqual(['Distr.: General', 'Original: English', 'Global Mechanism on ICT security'])
    expect(mastheadSummary({ ...record, distribution: 'limited', originalLanguage: 'fr', session: 'First session', agendaItem: 'Item 5' })).toEqual([
      'Distr.: Limited',
      'Original: French',
      'Global Mechanism on ICT security',
      'First session',
      'Item 5',
    ])
    // An older server's record, without metadata: the defaults.
    expect(mastheadSummary({ symbol: null })).toEqual(['Distr.: General', 'Original: English'])
  })

  it('sends only what changed, trimmed, and null for a field emptied', () => {
    const form = { ...formOf(record), session: '  First session ', bodyName: '', distribution: 'limited' as const }
    expect(submissionDetailsChange(form, record)).toEqual({ ok: true, change: { session: 'First session', bodyName: null, distribution: 'limited' } })
    expect(submissionDetailsChange(formOf(record), record)).toEqual({ ok: true, change: null })
  })

  it("names each field the server's schema would refuse", () => {
    const result = submissionDetailsChange({ ...formOf(record), symbol: 'no symbol', session: 'x'.repeat(121) }, record)
    expect(result).toEqual({
      ok: false,
      errors: {
        symbol: expect.stringContaining('symbol must be parts separated by "/"'),
        session: 'At most 120 characters.',
      },
    })
  })

  it("speaks the interface's language, the stored values staying codes and the typed words as typed", async () => {
    useMessagesForTests('fr', await loadMessages('fr'))
    expect(languageName('ar')).toBe('Arabe')
    expect(mastheadSummary({ ...record, distribution: 'limited', originalLanguage: 'ar', session: 'First session' })).toEqual([
      'Distr. limitée',
      'Original\u00a0: arabe',
      'Global Mechanism on ICT security',
      'First session',
    ])
    expect(submissionDetailsChange({ ...formOf(record), originalLanguage: 'ar', agendaItem: 'x'.repeat(301) }, record)).toEqual({
      ok: false,
      errors: { agendaItem: '300 caractères au plus.' },
    })
    useMessagesForTests('ar', await loadMessages('ar'))
    expect(languageName('en')).toBe('الإنكليزية')
    expect(mastheadSummary(record)[1]).toBe('الأصل: بالإنكليزية')
  })
})
