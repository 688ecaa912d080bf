/** A document's revisions (oldest first), fetched again on demand and when the window regains focus. */
import { useCallback, useEffect, useRef, useState } from 'react'
import { listRevisions, type RevisionSummary } from '../api/revisions.ts'

export interface RevisionList {
  /** Null until the first answer. */
  revisions: RevisionSummary[] | null
  error: Error | null
  refresh: () => void
  /** Shows a revision just cut before the list is fetched again. */
  add: (revision: RevisionSummary) => void
}

export function useRevisions(documentId: string): RevisionList {
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const latestRequest = useRef(0)

  const refresh = useCallback(() => {
    const request = ++latestRequest.current
    listRevisions(documentId).then(
      (list) => {
        if (request !== latestRequest.current) return
        setRevisions(list)
        setError(null)
      },
      (failure: unknown) => {
        if (request !== latestRequest.current) return
        setError(failure instanceof Error ? failure : new Error(String(failure)))
      },
    )
  }, [documentId])

  useEffect(() => {
    setRevisions(null)
    refresh()
    window.addEventListener('focus', refresh)
    return () => {
      window.removeEventListener('focus', refresh)
      latestRequest.current++
    }
  }, [refresh])

  const add = useCallback((revision: RevisionSummary) => {
    setRevisions((list) => (list && !list.some((other) => other.id === revision.id) ? [...list, revision] : list))
  }, [])

  return { revisions, error, refresh, add }
}
