/** One document: its details, the server's verdict on it and that verdict as it changes, its submission metadata. */
import { DocumentDetail, DocumentMetadataChanged, DocumentStatus } from '../../shared/schema/document.ts'
import type { UpdateDocumentMetadata } from '../../shared/schema/documentMetadata.ts'
import type { DocumentRecord } from '../../shared/schema/workspace.ts'
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

/** Changes the submission metadata (co-facilitators leading the workspace, the secretariat); the updated record. */
export async function updateDocumentMetadata(id: string, change: UpdateDocumentMetadata): Promise<DocumentRecord> {
  const { document } = await request('PATCH', `/api/documents/${encodeURIComponent(id)}`, DocumentMetadataChanged, change)
  return document
}

/** Follows the server's `metadata` events (someone changed the submission metadata); returns the function that stops following. */
export function followDocumentMetadata(id: string, onChange: (document: DocumentRecord) => void): () => void {
  return followDocumentEvents(id, 'metadata', {
    onEvent: (data) => {
      const changed = DocumentMetadataChanged.safeParse(data)
      if (changed.success && changed.data.document.id === id) onChange(changed.data.document)
    },
  })
}
