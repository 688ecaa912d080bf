import { describe, expect, test } from 'vitest'
import { ApiError } from './http.ts'
import { attachmentName, draftProblemsOf, exportUrl, redlineExportUrl } from './revisions.ts'

describe('revision and export requests', () => {
  test('export links name the format, the revision and the working copy', () => {
    expect(exportUrl('dtg1-2026-a', { format: 'docx' })).toBe('/api/documents/dtg1-2026-a/export?format=docx')
    expect(exportUrl('a/b', { format: 'md', revision: 7, working: true })).toBe('/api/documents/a%2Fb/export?format=md&revision=7&working=1')
    expect(exportUrl('d', { format: 'txt', working: false })).toBe('/api/documents/d/export?format=txt')
    expect(redlineExportUrl('d', 3, 'current', 'docx')).toBe('/api/documents/d/compare/export?from=3&to=current&format=docx')
  })

  test('file names from Content-Disposition, plain or UTF-8 encoded', () => {
    expect(attachmentName('attachment; filename="Rev.1.docx"', 'x')).toBe('Rev.1.docx')
    expect(attachmentName('attachment; filename=draft.md', 'x')).toBe('draft.md')
    expect(attachmentName(`attachment; filename="a.docx"; filename*=UTF-8''R%C3%A9sum%C3%A9%20Rev.1.docx`, 'x')).toBe('Résumé Rev.1.docx')
    expect(attachmentName('attachment; filename="say \\"hi\\".txt"', 'x')).toBe('say "hi".txt')
    expect(attachmentName('attachment', 'fallback.html')).toBe('fallback.html')
    expect(attachmentName(null, 'fallback.html')).toBe('fallback.html')
  })

  test('only a refusal of the draft as it stands (invalid, or under negotiation for submission) carries draft problems', () => {
    const problems = [{ code: 'recommendation_empty', severity: 'error', message: 'Recommendation R2 has no text', recommendationNumber: 2, path: [3] }]
    expect(draftProblemsOf(new ApiError(422, 'draft_invalid', 'The draft is invalid', problems))).toEqual(problems)
    // Brackets or alternatives left: the export form then offers the working copy, as for an invalid draft.
    const negotiation = [{ code: 'alternatives_open', severity: 'error', message: '1 block of alternatives remains', path: [5] }]
    expect(draftProblemsOf(new ApiError(422, 'draft_under_negotiation', 'cannot export for submission', negotiation))).toEqual(negotiation)
    expect(draftProblemsOf(new ApiError(422, 'draft_invalid', 'The draft is invalid'))).toEqual([])
    expect(draftProblemsOf(new ApiError(409, 'revision_label_taken', 'taken'))).toBeNull()
    expect(draftProblemsOf(new Error('x'))).toBeNull()
  })
})
