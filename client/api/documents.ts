/** One document: its details, the server's verdict on it, and that verdict as it changes. */
import { request } from './http.ts'
import type { DocumentDetail, DocumentStatus } from './types.ts'

export function getDocument(id: string): Promise<DocumentDetail> {
  return request('GET', `/api/documents/${encodeURIComponent(id)}`)
}

export function getDocumentStatus(id: string): Promise<DocumentStatus> {
  return request('GET', `/api/documents/${encodeURIComponent(id)}/status`)
}

/** Follows the server's `status` events for a document; returns the function that stops following. */
export function followDocumentStatus(id: string, onStatus: (status: DocumentStatus) => void): () => void {
  const source = new EventSource(`/api/documents/${encodeURIComponent(id)}/events`, { withCredentials: true })
  source.addEventListener('status', (event) => {
    try {
      onStatus(JSON.parse((event as MessageEvent<string>).data) as DocumentStatus)
    } catch {
      // A malformed event is skipped; the next one carries the whole status again.
    }
  })
  return () => source.close()
}
