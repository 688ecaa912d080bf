/** Comment periods and silence: the document's procedures and stage, opening one, breaking silence, the outcome files. */
import {
  type BreakSilence,
  DeadlineEvent,
  type OpenProcedure,
  ProcedureAnswer,
  ProcedureList,
  StageSeen,
  SubmittedAnswer,
  type Stage,
} from '../../shared/schema/procedures.ts'
import { followDocumentEvents } from './documentEvents.ts'
import { request } from './http.ts'

export type { Objection, OutcomeRecord, Procedure, ProcedureKind, Stage } from '../../shared/schema/procedures.ts'
export type { DeadlineEvent, ProcedureList }

const base = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`

export function listProcedures(documentId: string): Promise<ProcedureList> {
  return request('GET', `${base(documentId)}/procedures`, ProcedureList)
}

export function openProcedure(documentId: string, body: OpenProcedure): Promise<ProcedureAnswer> {
  return request('POST', `${base(documentId)}/procedures`, ProcedureAnswer, body)
}

export function breakSilence(documentId: string, procedureId: number, body: BreakSilence): Promise<ProcedureAnswer> {
  return request('POST', `${base(documentId)}/procedures/${procedureId}/objections`, ProcedureAnswer, body)
}

/** The member opened the panel: what was new is seen. */
export async function markStageSeen(documentId: string): Promise<void> {
  await request('POST', `${base(documentId)}/procedures/seen`, StageSeen)
}

export async function markSubmitted(documentId: string): Promise<Stage> {
  return (await request('POST', `${base(documentId)}/submitted`, SubmittedAnswer)).stage
}

export function outcomeUrl(documentId: string, procedureId: number, format: 'docx' | 'md'): string {
  return `${base(documentId)}/procedures/${procedureId}/outcome?format=${format}`
}

/**
 * Follows what changes a document's procedures: `stage` and `objection` events call `onChange` (fetch the list again),
 * `deadline` events `onDeadline`; a reconnection calls `onChange` too. Returns the stop.
 */
export function followProcedures(documentId: string, onChange: () => void, onDeadline: (event: DeadlineEvent) => void): () => void {
  const stops = [
    followDocumentEvents(documentId, 'stage', { onEvent: () => onChange(), onReconnect: onChange }),
    followDocumentEvents(documentId, 'objection', { onEvent: () => onChange() }),
    followDocumentEvents(documentId, 'deadline', {
      onEvent: (data) => {
        const parsed = DeadlineEvent.safeParse(data)
        if (parsed.success && parsed.data.documentId === documentId) onDeadline(parsed.data)
      },
    }),
  ]
  return () => stops.forEach((stop) => stop())
}
