import { describe, expect, test } from 'vitest'
import { downloadFileName } from './fileName.ts'

describe('downloadFileName', () => {
  test('the symbol first, then what the file holds, in characters every system accepts', () => {
    expect(downloadFileName(['A/AC.292/2026/DTG.1/CRP.2', 'Rev.1'], 'docx')).toBe('A-AC.292-2026-DTG.1-CRP.2-Rev.1.docx')
    expect(downloadFileName(['A/AC.292/2026/DTG.1/CRP.2', 'written inputs by', 'delegation'], 'md')).toBe('A-AC.292-2026-DTG.1-CRP.2-written-inputs-by-delegation.md')
  })

  test('leaves out missing parts, and names an empty base "document"', () => {
    expect(downloadFileName(['Zero draft', null, undefined, ''], 'md')).toBe('Zero-draft.md')
    expect(downloadFileName(['///'], 'md')).toBe('document.md')
  })

  test('keeps the name at most 120 characters before its extension', () => {
    expect(downloadFileName(['x'.repeat(300)], 'docx')).toBe(`${'x'.repeat(120)}.docx`)
  })
})
