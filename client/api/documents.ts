/** One document: its details, the server's verdict on it, and that verdict as it changes. */
import { DocumentDetail, DocumentStatus } from '../../shared/schema/document.ts'
import { followDocumentEvents } from './documentEvents.ts'
import { request } from './http.ts'

export function getDocument(id: string): Promise<DocumentDetail> {
  return request('GET', `/api/documents/${encodeURIComponent(id)}`, DocumentDetail)
}

export function getDocumentStatus(id: string): Promise<DocumentStatus> {
  return request('GET', `/api/documents/${encodeURIComponent(id)}/status`, DocumentStatus)
}

/** Follows the server's `status` events for a document; returns the function that stops following. */
export function followDocumentStatus(id: string, onStatus: (status: DocumentStatus) => void): () => void {
  // A malformed event is skipped; the next one carries the whole status again.
  return followDocumentEvents(id, 'status', {
    onEvent: (data) => {
      const status = DocumentStatus.safeParse(data)
      if (status.success) onStatus(status.data)
    },
  })
}
