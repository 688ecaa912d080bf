import { describe, expect, it } from 'vitest'
import { objectionPayload, OpenProcedure } from './procedures.ts'

describe('procedure payloads', () => {
  it('takes a deadline as ISO 8601 with its offset, and names the problem otherwise', () => {
    expect(OpenProcedure.safeParse({ kind: 'silence', revisionId: 3, deadline: '2026-11-29T10:00:00-05:00' }).success).toBe(true)
    expect(OpenProcedure.safeParse({ kind: 'comments', revisionId: 3, deadline: '2026-11-29T15:00:00Z' }).success).toBe(true)
    for (const deadline of ['2026-11-29T10:00:00', '29 November 2026, 10:00', '2026-11-29', '']) {
      const parsed = OpenProcedure.safeParse({ kind: 'silence', revisionId: 3, deadline })
      expect(parsed.success, deadline).toBe(false)
      expect(parsed.error?.issues[0]?.message).toContain('deadline must be an ISO 8601 date and time with its offset')
    }
    expect(OpenProcedure.safeParse({ kind: 'vote', revisionId: 3, deadline: '2026-11-29T15:00:00Z' }).success).toBe(false)
  })

  it('names a block by position and number ("12" or "R4"), and wants a reason', () => {
    const BreakSilence = objectionPayload(20)
    expect(BreakSilence.parse({ block: { position: 4, number: 'R4' }, reason: '  Too narrow.  ' }).reason).toBe('Too narrow.')
    expect(BreakSilence.safeParse({ block: { position: 4, number: 'R' }, reason: 'x' }).success).toBe(false)
    expect(BreakSilence.safeParse({ block: { position: -1, number: '1' }, reason: 'x' }).success).toBe(false)
    expect(BreakSilence.safeParse({ block: { position: 0, number: '1' }, reason: '   ' }).error?.issues[0]?.message).toContain('reason must not be empty')
    expect(BreakSilence.safeParse({ block: { position: 0, number: '1' }, reason: 'x'.repeat(21) }).error?.issues[0]?.message).toContain('at most 20 characters')
  })
})
