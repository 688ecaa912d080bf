/** The open document's record, kept current: the member's own saves, and others' as `metadata` events bring them. */
import { useEffect, useState } from 'react'
import { followDocumentMetadata } from '../api/documents.ts'
import type { DocumentRecord as DocumentSummary } from '../../shared/schema/workspace.ts'

export function useDocumentRecord(loaded: DocumentSummary): [DocumentSummary, (record: DocumentSummary) => void] {
  const [record, setRecord] = useState(loaded)
  useEffect(() => setRecord(loaded), [loaded])
  useEffect(() => followDocumentMetadata(loaded.id, setRecord), [loaded.id])
  return [record, setRecord]
}
