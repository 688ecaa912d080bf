/** What a procedure's deadline decides (pure): the outcome record, from the objections received before it. */
import type { Objection, OutcomeKind, OutcomeRecord, ProcedureKind } from '../schema/procedures.ts'

export interface SettledProcedure {
  id: number
  kind: ProcedureKind
  documentId: string
  documentTitle: string
  symbol: string | null
  revision: { id: number; label: string }
  deadline: number
  openedBy: string
  openedAt: number
}

/** An objection counts when the server received it before the deadline: at 09:59:59.999 for 10:00:00, not at 10:00:00. */
export function receivedInTime(objection: Pick<Objection, 'at'>, deadline: number): boolean {
  return objection.at < deadline
}

/** A comment period closes; a silence is adopted when no delegation broke it in time, broken otherwise. */
export function outcomeOf(kind: ProcedureKind, objectionsInTime: number): OutcomeKind {
  if (kind === 'comments') return 'closed'
  return objectionsInTime === 0 ? 'adopted' : 'broken'
}

/** The delegations that broke silence, in the order they first did, each with its blocks in the order objected. */
export function brokenBy(objections: readonly Pick<Objection, 'delegation' | 'block' | 'at'>[]): OutcomeRecord['brokenBy'] {
  const byDelegation = new Map<string, string[]>()
  for (const objection of [...objections].sort((a, b) => a.at - b.at)) {
    const blocks = byDelegation.get(objection.delegation) ?? []
    if (!blocks.includes(objection.block.number)) blocks.push(objection.block.number)
    byDelegation.set(objection.delegation, blocks)
  }
  return [...byDelegation].map(([delegation, blocks]) => ({ delegation, blocks }))
}

/** The record a deadline writes: only objections received before it count, whenever the settlement runs. */
export function settle(procedure: SettledProcedure, objections: readonly Objection[], settledAt: number): OutcomeRecord {
  const inTime = objections.filter((objection) => objection.procedureId === procedure.id && receivedInTime(objection, procedure.deadline)).sort((a, b) => a.at - b.at)
  const counted = procedure.kind === 'silence' ? inTime : []
  return {
    procedureId: procedure.id,
    kind: procedure.kind,
    outcome: outcomeOf(procedure.kind, counted.length),
    documentId: procedure.documentId,
    documentTitle: procedure.documentTitle,
    symbol: procedure.symbol,
    revision: procedure.revision,
    deadline: procedure.deadline,
    openedBy: procedure.openedBy,
    openedAt: procedure.openedAt,
    settledAt,
    objections: counted.map(({ delegation, block, reason, member, at }) => ({ delegation, block, reason, memberName: member.name, at })),
    brokenBy: brokenBy(counted),
  }
}
