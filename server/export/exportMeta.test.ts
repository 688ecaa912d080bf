import { describe, expect, it } from 'vitest'
import { formatExportDate, runningHead, versionLine } from './exportMeta.ts'
import { testMeta } from '../../tests/fixtures/testDraft.ts'

describe('exportMeta', () => {
  it('writes dates UN style, in UTC whatever the server zone', () => {
    expect(formatExportDate(new Date(Date.UTC(2026, 0, 1, 0, 5)))).toBe('1 January 2026')
    expect(formatExportDate(Date.UTC(2025, 11, 31, 23, 59))).toBe('31 December 2025')
  })

  it('names the revision, or the current text when none is given', () => {
    expect(versionLine(testMeta)).toBe('Rev. 2, 12 March 2026')
    expect(versionLine({ ...testMeta, revisionLabel: null })).toBe('Current text, 12 March 2026')
  })

  it('heads every page with symbol, title, revision and date, leaving out a missing symbol', () => {
    expect(runningHead(testMeta)).toBe('A/AC.292/2026/DTG.1/CRP.1 | Draft recommendations on critical infrastructure | Rev. 2, 12 March 2026')
    expect(runningHead({ ...testMeta, symbol: null })).toBe('Draft recommendations on critical infrastructure | Rev. 2, 12 March 2026')
  })
})
