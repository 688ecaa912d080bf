/** One document: its details, the server's verdict on it and that verdict as it changes, its submission metadata. */
import { followDocumentEvents } from './documentEvents.ts'
import { request } from './http.ts'
import type { UpdateDocumentMetadata } from '../../shared/schema/documentMetadata.ts'
import type { DocumentDetail, DocumentStatus, DocumentSummary } from './types.ts'

export function getDocument(id: string): Promise<DocumentDetail> {
  return request('GET', `/api/documents/${encodeURIComponent(id)}`)
}

export function getDocumentStatus(id: string): Promise<DocumentStatus> {
  return request('GET', `/api/documents/${encodeURIComponent(id)}/status`)
}

/** Follows the server's `status` events for a document; returns the function that stops following. */
export function followDocumentStatus(id: string, onStatus: (status: DocumentStatus) => void): () => void {
  // A malformed event is skipped; the next one carries the whole status again.
  return followDocumentEvents(id, 'status', { onEvent: (data) => onStatus(data as DocumentStatus) })
}

/** Changes the submission metadata (co-facilitators leading the workspace, the secretariat); the updated record. */
export async function updateDocumentMetadata(id: string, change: UpdateDocumentMetadata): Promise<DocumentSummary> {
  const { document } = await request<{ document: DocumentSummary }>('PATCH', `/api/documents/${encodeURIComponent(id)}`, change)
  return document
}

/** Follows the server's `metadata` events (someone changed the submission metadata); returns the function that stops following. */
export function followDocumentMetadata(id: string, onChange: (document: DocumentSummary) => void): () => void {
  return followDocumentEvents(id, 'metadata', {
    onEvent: (data) => {
      const document = (data as { document?: DocumentSummary } | null)?.document
      if (document?.id === id) onChange(document)
    },
  })
}
