import { describe, expect, it } from 'vitest'
import type { Objection, Procedure } from '../schema/procedures.ts'
import { deriveStage } from './deriveStage.ts'
import { brokenBy, settle, type SettledProcedure } from './settle.ts'
import { stageText } from './stageText.ts'

const deadline = Date.UTC(2026, 10, 29, 15, 0, 0)
const kenya = { id: 2, name: 'Delegate of Kenya', role: 'delegation' as const, delegation: 'Kenya', regionalGroup: null }
const brazil = { ...kenya, id: 3, name: 'Delegate of Brazil', delegation: 'Brazil' }

function objection(member: typeof kenya, number: string, at: number, position = 1): Objection {
  return { procedureId: 1, delegation: member.delegation, block: { position, number }, reason: `${member.delegation} on ${number}`, member, at }
}

const silence: SettledProcedure = {
  id: 1,
  kind: 'silence',
  documentId: 'doc',
  documentTitle: 'Recommendations',
  symbol: 'A/AC.292/2026/1',
  revision: { id: 4, label: 'Rev.2' },
  deadline,
  openedBy: 'Co-facilitator',
  openedAt: deadline - 86_400_000,
}

function procedure(overrides: Partial<Procedure> = {}): Procedure {
  return {
    id: 1,
    documentId: 'doc',
    kind: 'silence',
    revision: { id: 4, label: 'Rev.2' },
    deadline,
    openedBy: kenya,
    openedAt: deadline - 86_400_000,
    objections: [],
    outcome: null,
    ...overrides,
  }
}

describe('deadline settlement', () => {
  it('adopts a silence nobody broke', () => {
    const record = settle(silence, [], deadline + 5)
    expect(record.outcome).toBe('adopted')
    expect(record.objections).toEqual([])
    expect(record.settledAt).toBe(deadline + 5)
  })

  it('counts objections received before the deadline to the millisecond, and none at or after it', () => {
    const record = settle(silence, [objection(kenya, '12', deadline - 1), objection(brazil, 'R4', deadline), objection(brazil, '3', deadline + 1000)], deadline)
    expect(record.outcome).toBe('broken')
    expect(record.objections.map((o) => [o.delegation, o.block.number, o.memberName])).toEqual([['Kenya', '12', 'Delegate of Kenya']])
    expect(record.brokenBy).toEqual([{ delegation: 'Kenya', blocks: ['12'] }])
  })

  it('settles the same way whenever it runs (at the deadline or days later at start-up)', () => {
    const objections = [objection(brazil, 'R4', deadline - 60_000), objection(kenya, '12', deadline - 30_000)]
    const atDeadline = settle(silence, objections, deadline)
    const later = settle(silence, objections, deadline + 3 * 86_400_000)
    expect({ ...later, settledAt: 0 }).toEqual({ ...atDeadline, settledAt: 0 })
  })

  it('lists who broke silence in the order they first did, each block once', () => {
    expect(
      brokenBy([objection(kenya, '12', 30), objection(brazil, 'R4', 10), objection(kenya, '2', 40), objection(brazil, 'R1', 50)]),
    ).toEqual([
      { delegation: 'Brazil', blocks: ['R4', 'R1'] },
      { delegation: 'Kenya', blocks: ['12', '2'] },
    ])
  })

  it('closes a comment period, whatever objections it holds', () => {
    const record = settle({ ...silence, kind: 'comments' }, [objection(kenya, '1', deadline - 5)], deadline)
    expect(record.outcome).toBe('closed')
    expect(record.objections).toEqual([])
  })
})

describe('stage derivation', () => {
  const base = { latestRevisionId: 4, submittedAt: null, now: deadline - 1000 }

  it('is drafting with no procedure', () => {
    expect(deriveStage({ ...base, procedures: [] })).toMatchObject({ kind: 'drafting', procedureId: null })
  })

  it('is open for comments, or under silence, until the deadline', () => {
    expect(deriveStage({ ...base, procedures: [procedure({ kind: 'comments' })] })).toMatchObject({ kind: 'comments', deadline })
    expect(deriveStage({ ...base, procedures: [procedure()] })).toMatchObject({ kind: 'silence', deadline, revision: { label: 'Rev.2' } })
    expect(deriveStage({ ...base, now: deadline - 1, procedures: [procedure()] }).kind).toBe('silence')
  })

  it('is adopted or broken from the deadline on, even before the settlement ran', () => {
    expect(deriveStage({ ...base, now: deadline, procedures: [procedure()] }).kind).toBe('adopted')
    const broken = deriveStage({ ...base, now: deadline, procedures: [procedure({ objections: [objection(kenya, '12', deadline - 10)] })] })
    expect(broken).toMatchObject({ kind: 'broken', brokenBy: ['Kenya'] })
  })

  it('follows the outcome record once written', () => {
    const outcome = settle(silence, [objection(brazil, 'R4', deadline - 10)], deadline)
    expect(deriveStage({ ...base, now: deadline + 10, procedures: [procedure({ outcome })] })).toMatchObject({ kind: 'broken', brokenBy: ['Brazil'] })
  })

  it('leaves comments closed after a period on the latest revision, and drafting again once a newer one is cut', () => {
    const period = procedure({ kind: 'comments' })
    expect(deriveStage({ ...base, now: deadline, procedures: [period] })).toMatchObject({ kind: 'drafting', commentsClosedAt: deadline })
    expect(deriveStage({ ...base, now: deadline, latestRevisionId: 5, procedures: [period] })).toMatchObject({ kind: 'drafting', commentsClosedAt: null })
  })

  it('keeps comments closed on the revision while a silence runs on it after the period', () => {
    const period = procedure({ id: 1, kind: 'comments', deadline: deadline - 3_600_000, openedAt: deadline - 7_200_000 })
    const silenceAfter = procedure({ id: 2, openedAt: deadline - 1_800_000 })
    expect(deriveStage({ ...base, procedures: [period, silenceAfter] })).toMatchObject({ kind: 'silence', commentsClosedAt: deadline - 3_600_000 })
    const reopened = procedure({ id: 3, kind: 'comments', openedAt: deadline - 1_000_000 })
    expect(deriveStage({ ...base, procedures: [period, reopened] })).toMatchObject({ kind: 'comments', commentsClosedAt: null })
  })

  it('takes the latest procedure, and submitted over everything', () => {
    const earlier = procedure({ id: 1, kind: 'comments', deadline: deadline - 86_400_000, openedAt: deadline - 2 * 86_400_000 })
    const later = procedure({ id: 2 })
    expect(deriveStage({ ...base, procedures: [later, earlier] })).toMatchObject({ kind: 'silence', procedureId: 2 })
    expect(deriveStage({ ...base, submittedAt: deadline + 50, procedures: [later] })).toMatchObject({ kind: 'submitted', submittedAt: deadline + 50 })
  })
})

describe('stage in words', () => {
  const stage = deriveStage({ latestRevisionId: 4, submittedAt: null, now: deadline - 1000, procedures: [procedure()] })
  it('states deadlines in New York time', () => {
    expect(stageText(stage)).toBe('Under silence until 29 November 2026, 10:00 New York time')
    expect(stageText({ ...stage, kind: 'comments' })).toBe('Open for comments until 29 November 2026, 10:00 New York time')
    expect(stageText({ ...stage, kind: 'adopted' })).toBe('Adopted under silence on 29 November 2026')
    expect(stageText({ ...stage, kind: 'broken', brokenBy: ['Kenya', 'Brazil'] })).toBe('Silence broken by Kenya, Brazil')
    expect(stageText({ ...stage, kind: 'drafting', commentsClosedAt: deadline })).toBe('Drafting (comments closed on 29 November 2026, 10:00 New York time)')
    expect(stageText({ ...stage, kind: 'submitted', submittedAt: deadline })).toBe('Submitted on 29 November 2026')
  })
})
