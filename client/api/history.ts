/** The history of a document's text: its snapshots, one snapshot's text, a comparison with the current text, a restore. */
import { RestoreAnswer, SnapshotDetail, SnapshotList, type SnapshotRetention, type SnapshotSummary } from '../../shared/schema/history.ts'
import { ComparisonResult } from '../../shared/schema/revision.ts'
import { request } from './http.ts'

export type { RestoreAnswer, SnapshotDetail, SnapshotRetention, SnapshotSummary }

const documentPath = (documentId: string) => `/api/documents/${encodeURIComponent(documentId)}`

/** Newest first, with the retention policy the server applies. */
export function listSnapshots(documentId: string): Promise<{ snapshots: SnapshotSummary[]; retention: SnapshotRetention }> {
  return request('GET', `${documentPath(documentId)}/history`, SnapshotList)
}

export function getSnapshot(documentId: string, snapshotId: number): Promise<SnapshotDetail> {
  return request('GET', `${documentPath(documentId)}/history/${snapshotId}`, SnapshotDetail)
}

/** The snapshot compared with the current text, through the same route as revisions (`from=snapshot:<id>`). */
export function compareSnapshotWithCurrent(documentId: string, snapshotId: number): Promise<ComparisonResult> {
  const query = new URLSearchParams({ from: `snapshot:${snapshotId}`, to: 'current' })
  return request('GET', `${documentPath(documentId)}/compare?${query}`, ComparisonResult)
}

/** 409 `agreed_text_locked` when it would change agreed text; the answer's `saved` holds the text it replaced. */
export function restoreSnapshot(documentId: string, snapshotId: number): Promise<RestoreAnswer> {
  return request('POST', `${documentPath(documentId)}/history/${snapshotId}/restore`, RestoreAnswer)
}
