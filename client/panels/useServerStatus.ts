/** The server's verdict on a document, live from its event stream. */
import { useEffect, useState } from 'react'
import { followDocumentStatus, getDocumentStatus } from '../api/documents.ts'
import type { DocumentStatus } from '../api/types.ts'

export function useServerStatus(documentId: string): DocumentStatus | null {
  const [status, setStatus] = useState<DocumentStatus | null>(null)
  useEffect(() => {
    let current = true
    let newest = 0
    const accept = (next: DocumentStatus) => {
      const at = new Date(next.checkedAt).getTime() || 0
      if (!current || at < newest) return
      newest = at
      setStatus(next)
    }
    getDocumentStatus(documentId).then(accept, () => undefined)
    const stop = followDocumentStatus(documentId, accept)
    return () => {
      current = false
      stop()
    }
  }, [documentId])
  return status
}
