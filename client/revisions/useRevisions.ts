/** A document's revisions (oldest first), kept up to date by the document's event stream (`revision`, `restored`). */
import { useCallback, useEffect, useRef, useState } from 'react'
import { followDocumentEvents } from '../api/documentEvents.ts'
import { RevisionRestored, RevisionSummary } from '../../shared/schema/revision.ts'
import { listRevisions } from '../api/revisions.ts'

/** What the server announces after a restore: the revision and who restored it. */
export type RestoredEvent = RevisionRestored

export interface RevisionList {
  /** Null until the first answer. */
  revisions: RevisionSummary[] | null
  error: Error | null
  refresh: () => void
  /** Shows a revision just cut, whether or not its event has arrived. */
  add: (revision: RevisionSummary) => void
}


export function useRevisions(
  documentId: string,
  on: { cut?: (revision: RevisionSummary) => void; restored?: (event: RestoredEvent) => void } = {},
): RevisionList {
  const [revisions, setRevisions] = useState<RevisionSummary[] | null>(null)
  const [error, setError] = useState<Error | null>(null)
  const latestRequest = useRef(0)
  const handlers = useRef(on)
  handlers.current = on

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

  const add = useCallback((revision: RevisionSummary) => {
    setRevisions((list) => (list && !list.some((other) => other.id === revision.id) ? [...list, revision].sort((a, b) => a.createdAt - b.createdAt || a.id - b.id) : list))
  }, [])

  useEffect(() => {
    setRevisions(null)
    refresh()
    const stopCuts = followDocumentEvents(documentId, 'revision', {
      onEvent: (data) => {
        const revision = RevisionSummary.safeParse(data)
        if (!revision.success) return
        add(revision.data)
        handlers.current.cut?.(revision.data)
      },
      onReconnect: refresh,
    })
    const stopRestores = followDocumentEvents(documentId, 'restored', {
      onEvent: (data) => {
        const restored = RevisionRestored.safeParse(data)
        if (restored.success) handlers.current.restored?.(restored.data)
      },
    })
    return () => {
      stopCuts()
      stopRestores()
      latestRequest.current++
    }
  }, [documentId, refresh, add])

  return { revisions, error, refresh, add }
}
